import type { SlaConfig, SlaPolicy } from '../domain/sla-config.ts';
import type { Ticket } from '../domain/ticket.ts';
import { clockOf, type TicketClock } from '../domain/ticket-clock.ts';
import { addWorkingMs, normalizePauses, type Pause, type Schedule, workingMsBetween } from './working-time.ts';
import { MINUTE_MS } from './zoned-time.ts';

export const SLA_METRICS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/** What the SLA maths read of a ticket (a Ticket fits; updatedAt is for clockOf on clock-less rows). */
export type SlaTicket = Pick<Ticket, 'priority' | 'status' | 'createdAt' | 'updatedAt' | 'clock'>;

interface ClockBase {
  metric: SlaMetric;
  startedAt: number;
  /** The target in ms of the policy's schedule (working time for 'business'). */
  targetMs: number;
}

/** Counting down; due at `dueAt`, which only a new ticket fact can move. */
export interface RunningClock extends ClockBase {
  state: 'running';
  dueAt: number;
}

/** Stopped while the ticket waits on the customer: no due instant until it resumes. */
export interface PausedClock extends ClockBase {
  state: 'paused';
  dueAt: null;
  /** Target left when the pause began (schedule time; negative if already breached). */
  remainingWorkingMsAtPause: number;
}

/** Stopped for good (replied, solved); `breached` when it stopped after it was due. */
export interface MetClock extends ClockBase {
  state: 'met';
  dueAt: number;
  stoppedAt: number;
  breached: boolean;
}

export type SlaClock = RunningClock | PausedClock | MetClock;

const TARGET_MINUTES: Record<SlaMetric, keyof SlaPolicy> = {
  first_response: 'firstResponseMinutes',
  next_response: 'nextResponseMinutes',
  resolution: 'resolutionMinutes',
};

/** One clock's facts: when it started, and when it stopped (null while it runs). */
interface ClockSpan {
  metric: SlaMetric;
  startedAt: number;
  stoppedAt: number | null;
  targetMs: number;
}

/**
 * The clocks that exist for a ticket under `policy`, with their start and stop.
 * first_response runs from creation to the first reply; next_response only while
 * a customer message waits for an answer; resolution from creation to solving.
 * Solving stops every clock (a ticket solved without a reply owes no reply).
 */
function clockSpans(ticket: SlaTicket, clock: TicketClock, policy: SlaPolicy): ClockSpan[] {
  const spans: ClockSpan[] = [];
  const add = (metric: SlaMetric, startedAt: number, stop: number | null): void => {
    const minutes = policy[TARGET_MINUTES[metric]] as number | null;
    if (minutes === null) return;
    const solved = clock.solvedAt;
    const stoppedAt = solved === null ? stop : Math.max(startedAt, Math.min(stop ?? solved, solved));
    spans.push({ metric, startedAt, stoppedAt, targetMs: minutes * MINUTE_MS });
  };
  add('first_response', ticket.createdAt, clock.firstReplyAt);
  if (clock.awaitingReplySince !== null) add('next_response', clock.awaitingReplySince, null);
  add('resolution', ticket.createdAt, clock.solvedAt);
  return spans;
}

function scheduleOf(policy: SlaPolicy, config: SlaConfig): Schedule {
  return policy.schedule === 'business' ? config.calendar : 'always';
}

/**
 * The ticket's SLA clocks under `config`, in SLA_METRICS order. Pure and
 * independent of `now`: every instant comes from the ticket's own facts.
 *
 * A changed policy applies to everything: clocks are always computed from the
 * config passed in (the current one), so a new target moves running clocks'
 * deadlines, counted from when each clock started, and already-met clocks are
 * judged against it too. Keeping each ticket's old targets would need the
 * policy history on every device; teams change targets to mean "from now on
 * this is what we promise", and re-judging met clocks keeps reports consistent.
 */
export function slaClocks(ticket: SlaTicket, config: SlaConfig): SlaClock[] {
  const policy = config.policies[ticket.priority];
  const schedule = scheduleOf(policy, config);
  const clock = clockOf(ticket);
  const closed = normalizePauses(clock.pauses);
  const clocks = clockSpans(ticket, clock, policy).map(({ metric, startedAt, stoppedAt, targetMs }): SlaClock => {
    const base = { metric, startedAt, targetMs };
    if (stoppedAt !== null) {
      // Only pauses before the stop count; a pause still open at the stop ends there.
      const pauses: Pause[] = clock.pausedSince === null ? closed : [...closed, [clock.pausedSince, stoppedAt]];
      const dueAt = addWorkingMs(schedule, startedAt, targetMs, normalizePauses(pauses));
      return { ...base, state: 'met', dueAt, stoppedAt, breached: stoppedAt > dueAt };
    }
    if (clock.pausedSince !== null) {
      const elapsed = workingMsBetween(schedule, startedAt, clock.pausedSince, closed);
      return { ...base, state: 'paused', dueAt: null, remainingWorkingMsAtPause: targetMs - elapsed };
    }
    return { ...base, state: 'running', dueAt: addWorkingMs(schedule, startedAt, targetMs, closed) };
  });
  // A calendar with so little working time that a target would not run out within the horizon has
  // no deadline to show (and none that could breach): such a clock is left out, as nextDeadline does.
  return clocks.filter((slaClock) => slaClock.dueAt === null || Number.isFinite(slaClock.dueAt));
}

/**
 * The earliest due instant among the ticket's running clocks, or null (all
 * paused, met, or without target). Independent of `now`, so it is computed
 * once per ticket change and cached for sorting and filtering; it skips the
 * work slaClocks does for met and paused clocks.
 */
export function nextDeadline(ticket: SlaTicket, config: SlaConfig): number | null {
  const clock = clockOf(ticket);
  if (clock.pausedSince !== null) return null;
  const policy = config.policies[ticket.priority];
  let earliest: number | null = null;
  let pauses: Pause[] | null = null;
  for (const span of clockSpans(ticket, clock, policy)) {
    if (span.stoppedAt !== null) continue;
    pauses ??= clock.pauses.length > 0 ? normalizePauses(clock.pauses) : [];
    const dueAt = addWorkingMs(scheduleOf(policy, config), span.startedAt, span.targetMs, pauses);
    // Infinite only for a calendar without working time, which the schema refuses.
    if (Number.isFinite(dueAt) && (earliest === null || dueAt < earliest)) earliest = dueAt;
  }
  return earliest;
}
