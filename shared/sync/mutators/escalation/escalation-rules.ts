import {
  ESCALATION_LOG_MAX,
  ESCALATION_STATUS_LABELS,
  type Escalation,
  type EscalationLogEntry,
  type EscalationStatus,
} from '../../../domain/escalation.ts';
import { can } from '../../../domain/permissions.ts';
import type { Ticket } from '../../../domain/ticket.ts';
import { packetReadiness } from '../../../escalation/readiness.ts';
import type { SeededRandom } from '../../../util/seeded-random.ts';
import type { MutationContext, MutatorTx, SampleWorld } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';

/** The escalation a change is about, or a rejection that names it. */
export async function escalationOrReject(tx: MutatorTx, escalationId: string): Promise<Escalation> {
  const escalation = await tx.get('escalation', escalationId);
  if (!escalation) {
    throw new MutationRejected('not_found', 'That escalation no longer exists.', {
      subject: { entity: 'escalation', id: escalationId },
    });
  }
  return escalation;
}

/** Refuses a step the packet's status does not allow, saying where it stands now. */
export function requireStatus(escalation: Escalation, allowed: readonly EscalationStatus[], doing: string): void {
  if (allowed.includes(escalation.status)) return;
  throw new MutationRejected(
    'conflict',
    `The escalation is ${ESCALATION_STATUS_LABELS[escalation.status].toLowerCase()} now, so it cannot be ${doing}.`,
    { subject: { entity: 'escalation', id: escalation.id } },
  );
}

/**
 * Only the agent who wrote a packet changes its content, or a teammate who
 * works escalations (an analyst correcting a field, a lead covering).
 */
export function requireAuthorOrWorker(escalation: Escalation, ctx: MutationContext, doing: string): void {
  if (escalation.createdBy === ctx.actor.id || can(ctx.actor.role, 'escalations.work')) return;
  throw new MutationRejected('forbidden', `Only the agent who wrote this escalation can ${doing}.`, {
    subject: { entity: 'escalation', id: escalation.id },
  });
}

/** The packet with one more step in its log (the newest ESCALATION_LOG_MAX kept). */
export function withStep(
  escalation: Escalation,
  step: EscalationLogEntry['step'],
  ctx: MutationContext,
  detail?: string,
  /** Who the step is by: the actor, or null for what the watch noticed on someone's device. */
  by: EscalationLogEntry['by'] = ctx.actor.id,
): Escalation {
  const entry: EscalationLogEntry = {
    at: ctx.now,
    by,
    step,
    ...(detail === undefined ? {} : { detail: detail.length > 500 ? `${detail.slice(0, 499)}…` : detail }),
  };
  return { ...escalation, log: [...escalation.log, entry].slice(-ESCALATION_LOG_MAX), updatedAt: ctx.now };
}

/**
 * Stamps `readyAt` the first time the packet passes the readiness check, and
 * clears it when an edit makes it fail again: pacing measures how long a
 * ready packet waited, not how long it was being written.
 */
export function withReadiness(escalation: Escalation, now: number): Escalation {
  if (escalation.status !== 'draft') return escalation;
  const { ready } = packetReadiness(escalation);
  if (ready && escalation.readyAt === undefined) return { ...escalation, readyAt: now };
  if (!ready && escalation.readyAt !== undefined) {
    const { readyAt: _dropped, ...rest } = escalation;
    return rest;
  }
  return escalation;
}

function addTicket(ticket: Ticket, tickets: Set<string>, customers: Set<string>): void {
  tickets.add(ticket.id);
  customers.add(ticket.customerId);
  for (const merged of ticket.merged ?? []) {
    tickets.add(merged.ticketId);
    customers.add(merged.customerId);
  }
}

/**
 * Counts the impact from scratch: the linked tickets, the tickets merged into
 * them, the linked problem's tickets, and the distinct customers behind all of
 * them. Recounting, like problems do, keeps merges and relinks from drifting
 * the figures; a device offline counts what it holds until the server's
 * figures arrive.
 */
export async function withImpact(tx: MutatorTx, escalation: Escalation): Promise<Escalation> {
  const tickets = new Set<string>();
  const customers = new Set<string>();
  for (const id of escalation.ticketIds) {
    const ticket = await tx.get('ticket', id);
    if (ticket && !ticket.mergedInto) addTicket(ticket, tickets, customers);
  }
  if (escalation.problemId !== undefined) {
    for (const ticket of await tx.list('ticket', 'problemId', escalation.problemId)) {
      if (!ticket.mergedInto) addTicket(ticket, tickets, customers);
    }
  }
  const impact = { tickets: tickets.size, customers: customers.size };
  return impact.tickets === escalation.impact.tickets && impact.customers === escalation.impact.customers
    ? escalation
    : { ...escalation, impact };
}

/** Mostly escalations that exist; now and then one that does not. */
export function sampleEscalationId(random: SeededRandom, world: SampleWorld): string {
  return world.escalationIds.length === 0 || random.chance(0.1) ? 'esc_missing' : random.pick(world.escalationIds);
}

/** A short line for the log: the first line of a text, at most 120 characters. */
export function gist(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
