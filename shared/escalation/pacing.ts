import { type Escalation, OPEN_ESCALATION_STATUSES } from '../domain/escalation.ts';
import type { ShiftSpan } from './handoff-spread.ts';

const MINUTE_MS = 60_000;

/**
 * The pacing rules: a packet is sent the moment it is ready, one by one,
 * throughout the shift ("bring 20 at 5 minutes before quit time and the
 * bottleneck just shifts").
 */
export const PACING = {
  /** A ready packet left unsent this long gets a nudge. */
  nudgeAfterMs: 15 * MINUTE_MS,
  /** How close to the planned end of a shift the quit-time warning looks. */
  quitTimeWindowMs: 45 * MINUTE_MS,
  /** Held drafts that make a batch: one draft near the end is normal, several are a pile. */
  quitTimeHeldMin: 2,
} as const;

type PacedPacket = Pick<Escalation, 'id' | 'status' | 'createdBy' | 'createdAt' | 'readyAt' | 'sentAt'>;

/**
 * How long a packet has been ready: until now while it waits unsent, until it
 * was sent afterwards. Null while it is not ready.
 */
export function readyAge(packet: Pick<Escalation, 'readyAt' | 'sentAt'>, now: number): number | null {
  if (packet.readyAt === undefined) return null;
  return Math.max(0, (packet.sentAt ?? now) - packet.readyAt);
}

export interface PacingNudge {
  escalationId: string;
  /** How long it has waited ready and unsent. */
  waitedMs: number;
}

/** My drafts that have been ready for 15 minutes or more without being sent, longest wait first. */
export function readyUnsentNudges(packets: readonly PacedPacket[], me: string, now: number): PacingNudge[] {
  return packets
    .filter((packet) => packet.createdBy === me && packet.status === 'draft' && packet.readyAt !== undefined)
    .map((packet) => ({ escalationId: packet.id, waitedMs: now - packet.readyAt! }))
    .filter((nudge) => nudge.waitedMs >= PACING.nudgeAfterMs)
    .sort((a, b) => b.waitedMs - a.waitedMs || (a.escalationId < b.escalationId ? -1 : 1));
}

export interface QuitTimeWarning {
  /** Drafts held, of which ready (send them now, one by one) and not ready. */
  held: number;
  ready: number;
  notReady: number;
  /** Until the planned end of the shift (negative once past it). */
  endsInMs: number;
}

/**
 * Near the end of my shift, several drafts still held: the quit-time batch in
 * the making. Null outside the last 45 minutes, or with fewer than two drafts.
 */
export function quitTimeWarning(
  packets: readonly PacedPacket[],
  shift: ShiftSpan | null,
  me: string,
  now: number,
): QuitTimeWarning | null {
  if (!shift || shift.endedAt !== undefined) return null;
  const endsInMs = shift.plannedEnd - now;
  if (endsInMs > PACING.quitTimeWindowMs) return null;
  // This shift's drafts: one abandoned last week is not the batch this shift is building.
  const held = packets.filter(
    (packet) => packet.createdBy === me && packet.status === 'draft' && packet.createdAt >= shift.startedAt,
  );
  if (held.length < PACING.quitTimeHeldMin) return null;
  const ready = held.filter((packet) => packet.readyAt !== undefined).length;
  return { held: held.length, ready, notReady: held.length - ready, endsInMs };
}

export interface AnalystLoad {
  analystId: string | null;
  /** Open packets with this analyst; `waitingOnAgent` of them wait on an agent's answer. */
  open: number;
  waitingOnAgent: number;
}

/**
 * Open packets per analyst, so an agent knows who to send to: every analyst
 * named (even with none), then the packets sent to nobody in particular
 * (`analystId` null), least loaded first. Packets waiting on an agent count,
 * but are reported apart: the analyst cannot move them.
 */
export function analystWorkload(
  packets: readonly Pick<Escalation, 'status' | 'analystId'>[],
  analystIds: readonly string[],
): AnalystLoad[] {
  const loads = new Map<string | null, AnalystLoad>(
    analystIds.map((analystId) => [analystId, { analystId, open: 0, waitingOnAgent: 0 }]),
  );
  for (const packet of packets) {
    if (!OPEN_ESCALATION_STATUSES.has(packet.status)) continue;
    const load = loads.get(packet.analystId) ?? { analystId: packet.analystId, open: 0, waitingOnAgent: 0 };
    load.open += 1;
    if (packet.status === 'needs_info') load.waitingOnAgent += 1;
    loads.set(packet.analystId, load);
  }
  const named = [...loads.values()].filter((load) => load.analystId !== null);
  named.sort((a, b) => a.open - b.open || String(a.analystId).localeCompare(String(b.analystId)));
  const anyone = loads.get(null);
  return anyone ? [...named, anyone] : named;
}
