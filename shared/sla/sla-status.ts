import type { SlaConfig } from '../domain/sla-config.ts';
import { type SlaClock, type SlaMetric, type SlaTicket, slaClocks } from './sla-clocks.ts';
import { MINUTE_MS } from './zoned-time.ts';

/** Colour steps of a queue row's SLA badge (BRIEF F1: under 1 h, under 30 min, breached). */
export type SlaStep = 'ok' | 'under_1h' | 'under_30m' | 'breached';

export interface SlaStatus {
  metric: SlaMetric;
  /** null while the ticket is paused (waiting on the customer). */
  dueAt: number | null;
  /**
   * Running: wall-clock time to dueAt (negative once breached). Paused: the
   * schedule time that was left when the pause began, frozen until it resumes.
   */
  remainingMs: number;
  paused: boolean;
  step: SlaStep;
}

const HALF_HOUR_MS = 30 * MINUTE_MS;
const HOUR_MS = 60 * MINUTE_MS;

/** Due exactly now is not yet breached: a reply at the due instant is in time. */
export function slaStep(remainingMs: number): SlaStep {
  if (remainingMs < 0) return 'breached';
  if (remainingMs < HALF_HOUR_MS) return 'under_30m';
  if (remainingMs < HOUR_MS) return 'under_1h';
  return 'ok';
}

function remainingOf(clock: SlaClock, now: number): number | null {
  if (clock.state === 'running') return clock.dueAt - now;
  if (clock.state === 'paused') return clock.remainingWorkingMsAtPause;
  return null;
}

/**
 * The clock a row shows: of those still counting (running or paused), the one
 * with the least time left; ties go to the earlier metric in SLA_METRICS. A
 * ticket's pause stops all its clocks at once, so running and paused ones are
 * never compared with each other. null when no clock is counting.
 */
export function slaStatus(ticket: SlaTicket, config: SlaConfig, now: number): SlaStatus | null {
  let best: SlaStatus | null = null;
  for (const clock of slaClocks(ticket, config)) {
    const remainingMs = remainingOf(clock, now);
    if (remainingMs === null || (best !== null && remainingMs >= best.remainingMs)) continue;
    best = {
      metric: clock.metric,
      dueAt: clock.dueAt,
      remainingMs,
      paused: clock.state === 'paused',
      step: slaStep(remainingMs),
    };
  }
  return best;
}

/**
 * A short label for time left: '42m', '2h 05m', '3d 4h', '-15m'. Minutes are
 * floored on the signed value, so the label agrees with slaStep: 59m59s left
 * reads '59m' (under 1 h) and one second late reads '-1m' (breached).
 */
export function formatSlaRemaining(ms: number): string {
  const minutes = Math.floor(ms / MINUTE_MS);
  const sign = minutes < 0 ? '-' : '';
  const total = Math.abs(minutes);
  if (total < 60) return `${sign}${total}m`;
  const hours = Math.floor(total / 60);
  if (hours < 24) return `${sign}${hours}h ${String(total % 60).padStart(2, '0')}m`;
  return `${sign}${Math.floor(hours / 24)}d ${hours % 24}h`;
}
