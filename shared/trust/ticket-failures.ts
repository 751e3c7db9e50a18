import type { CustomerFailure } from '../domain/customer-failure.ts';
import type { SlaConfig } from '../domain/sla-config.ts';
import { ACTIVE_STATUSES, type Ticket } from '../domain/ticket.ts';
import { clockOf } from '../domain/ticket-clock.ts';
import { type MetClock, type SlaClock, type SlaMetric, slaClocks } from '../sla/sla-clocks.ts';
import { MINUTE_MS } from '../sla/zoned-time.ts';
import { type Reopener, breachWords, overdueWords, reopenWords } from './failure-words.ts';

/**
 * An agent who solves a ticket and reopens it within this long has undone a
 * slip of the key, not failed the customer. A customer writing again counts
 * at once: they are the one saying it is not solved.
 */
export const REOPEN_GRACE_MS = 10 * MINUTE_MS;

const SOLVED: ReadonlySet<Ticket['status']> = new Set(['solved', 'closed']);

/** Which clock this is, across changes: a ticket's next-response clock starts afresh each time the customer writes. */
function clockKey(ticket: Pick<Ticket, 'id'>, clock: Pick<SlaClock, 'metric' | 'startedAt'>): string {
  return `sla:${ticket.id}:${clock.metric}:${clock.startedAt}`;
}

/**
 * The ticket's counting clocks (running or paused) as they would stand had
 * every one stopped at `at`: met, with their deadline and whether `at` was
 * past it. Pure SLA maths: solving stops every clock, so a ticket solved at
 * `at` is that question.
 */
function stoppedAt(ticket: Ticket, config: SlaConfig, at: number): Map<string, MetClock> {
  const clock = clockOf(ticket);
  const stopped = slaClocks({ ...ticket, clock: { ...clock, solvedAt: clock.solvedAt ?? at } }, config);
  return new Map(stopped.flatMap((met) => (met.state === 'met' ? [[clockKey(ticket, met), met] as const] : [])));
}

function counting(ticket: Ticket, config: SlaConfig): SlaClock[] {
  return slaClocks(ticket, config).filter((clock) => clock.state !== 'met');
}

/** Whether a change can have stopped a clock: a first reply, an answer to the customer, a solve. */
export function mayStopClocks(before: Ticket, after: Ticket): boolean {
  const was = clockOf(before);
  const is = clockOf(after);
  return (
    (was.firstReplyAt === null && is.firstReplyAt !== null) ||
    (was.awaitingReplySince !== null && is.awaitingReplySince === null) ||
    (was.solvedAt === null && is.solvedAt !== null)
  );
}

/**
 * SLA clocks that the change from `before` to `after` (at `at`) stopped after
 * their deadline: each is a breach, failed when the deadline passed. A clock
 * that stopped in time, or one still counting, is none.
 */
export function breachesOfChange(before: Ticket, after: Ticket, config: SlaConfig, at: number): CustomerFailure[] {
  if (!mayStopClocks(before, after)) return [];
  const stillCounting = new Set(counting(after, config).map((clock) => clockKey(after, clock)));
  const judged = stoppedAt(before, config, at);
  return counting(before, config).flatMap((clock): CustomerFailure[] => {
    const key = clockKey(before, clock);
    const met = judged.get(key);
    if (stillCounting.has(key) || !met?.breached) return [];
    return [failureOf(key, after, met.dueAt, breachWords(clock.metric, met.stoppedAt - met.dueAt, after))];
  });
}

/**
 * Clocks of `ticket` that already stopped after their deadline, among
 * `metrics`: the breaches in a history the product did not see happen (an
 * imported ticket), judged by the team's policies like every met clock. Only
 * the metrics whose stop the source recorded are judged; a ticket solved
 * without a known first reply says nothing about how fast it was answered.
 */
export function breachesOnRecord(
  ticket: Ticket,
  config: SlaConfig,
  metrics: ReadonlySet<SlaMetric>,
): CustomerFailure[] {
  return slaClocks(ticket, config).flatMap((clock): CustomerFailure[] =>
    clock.state === 'met' && clock.breached && metrics.has(clock.metric)
      ? [
          failureOf(
            clockKey(ticket, clock),
            ticket,
            clock.dueAt,
            breachWords(clock.metric, clock.stoppedAt - clock.dueAt, ticket),
          ),
        ]
      : [],
  );
}

/**
 * A solved ticket that goes back to work: the customer was told it was done
 * and it was not. Keyed by when it was solved, so each solve can fail once.
 */
export function reopenOfChange(before: Ticket, after: Ticket, at: number, by: Reopener): CustomerFailure | null {
  if (!SOLVED.has(before.status) || SOLVED.has(after.status)) return null;
  const solvedAt = clockOf(before).solvedAt ?? before.updatedAt;
  if (by === 'agent' && at - solvedAt < REOPEN_GRACE_MS) return null;
  return { ...failureOf(`reopened:${before.id}:${solvedAt}`, after, at, reopenWords(after, by)), kind: 'reopened' };
}

/**
 * Deadlines passing right now on the customer's active tickets the device
 * holds, as failures (keyed like the breach the late answer will record).
 * `except`: the ticket on screen, whose own SLA timer already says it is late.
 * Shown beside the ledger, not counted by assessTrust: see use-customer-trust.
 */
export function liveBreaches(
  tickets: Iterable<Ticket>,
  config: SlaConfig,
  now: number,
  except?: string,
): CustomerFailure[] {
  const found: CustomerFailure[] = [];
  for (const ticket of tickets) {
    if (ticket.id === except || !ACTIVE_STATUSES.has(ticket.status)) continue;
    const clocks = counting(ticket, config);
    if (clocks.length === 0) continue;
    const judged = stoppedAt(ticket, config, now);
    for (const clock of clocks) {
      const key = clockKey(ticket, clock);
      const met = judged.get(key);
      if (met?.breached)
        found.push(failureOf(key, ticket, met.dueAt, overdueWords(clock.metric, now - met.dueAt, ticket)));
    }
  }
  return found;
}

function failureOf(key: string, ticket: Ticket, at: number, what: string): CustomerFailure {
  return {
    key,
    kind: 'sla_breach',
    at,
    ticketId: ticket.id,
    ...(ticket.number === undefined ? {} : { ticketNumber: ticket.number }),
    what,
  };
}
