import { withoutBidiControls } from '../domain/bidi.ts';
import { MINUTE_MS } from './zoned-time.ts';

/** How long before a deadline the agent hears of it: enough to open the ticket and answer. */
export const BREACH_ALERT_LEAD_MS = 10 * MINUTE_MS;

/** More alerts than this at once become one summary rather than a stack of notifications. */
export const MAX_SEPARATE_ALERTS = 3;

/** What the decision reads of a row (a QueryRecord fits). */
export interface BreachCandidate {
  id: string;
  number?: number | undefined;
  subject: string;
  assigneeId: string | null;
  /** The next deadline (nextDeadline); null when no clock runs. */
  slaDueAt: number | null;
}

export interface BreachAlert {
  /** Once per ticket and deadline: a new deadline (a new customer message, a changed policy) alerts again. */
  key: string;
  ticketId: string;
  number: number | undefined;
  subject: string;
  dueAt: number;
}

/** Rows sorted by slaDueAt ascending (nulls last), read by position: a maintained view or an array. */
export interface SortedByDue<T extends BreachCandidate> {
  readonly length: number;
  at: (index: number) => T | undefined;
}

export function breachAlertKey(ticketId: string, dueAt: number): string {
  return `sla-alert:${ticketId}:${dueAt}`;
}

/** The first position whose deadline is at or after `at` (rows without one count as after everything). */
function firstDueFrom<T extends BreachCandidate>(rows: SortedByDue<T>, at: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const due = rows.at(middle)?.slaDueAt ?? null;
    if (due !== null && due < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Which tickets to alert about now: a deadline not yet passed but within
 * `leadMs`, on a ticket that is the agent's or nobody's, not alerted before.
 * Breached ones are not alerted (opening the app after a weekend must not fire
 * a notification per overdue ticket; the queue shows them in red). `rows` are
 * sorted by deadline, so this reads O(log n + alerts) of them, not the view.
 */
export function breachAlertsDue<T extends BreachCandidate>(
  rows: SortedByDue<T>,
  now: number,
  me: string,
  alerted: ReadonlySet<string>,
  leadMs = BREACH_ALERT_LEAD_MS,
): BreachAlert[] {
  const alerts: BreachAlert[] = [];
  // Due exactly now is not yet breached (slaStep), so it still alerts.
  for (let i = firstDueFrom(rows, now); i < rows.length; i++) {
    const row = rows.at(i);
    if (row === undefined || row.slaDueAt === null || row.slaDueAt > now + leadMs) break;
    if (row.assigneeId !== null && row.assigneeId !== me) continue;
    const key = breachAlertKey(row.id, row.slaDueAt);
    if (alerted.has(key)) continue;
    alerts.push({ key, ticketId: row.id, number: row.number, subject: row.subject, dueAt: row.slaDueAt });
  }
  return alerts;
}

export interface BreachNotification {
  title: string;
  body: string;
}

function minutesLeft(dueAt: number, now: number): string {
  const minutes = Math.max(0, Math.ceil((dueAt - now) / MINUTE_MS));
  return minutes <= 1 ? 'within a minute' : `in ${minutes} minutes`;
}

/**
 * The notifications for a batch of alerts: one each, or one summary when
 * there are many (a flood of them is noise). `describe` names the clock
 * ("First response") when it is known.
 */
export function breachNotifications(
  alerts: readonly BreachAlert[],
  now: number,
  describe: (alert: BreachAlert) => string = () => 'SLA',
): BreachNotification[] {
  if (alerts.length > MAX_SEPARATE_ALERTS) {
    const soonest = Math.min(...alerts.map((alert) => alert.dueAt));
    return [
      {
        title: `${alerts.length} tickets are about to breach their SLA`,
        body: `The first ${minutesLeft(soonest, now)}. Open "Breaching soon" (g b) to work through them.`,
      },
    ];
  }
  return alerts.map((alert) => ({
    title: `${describe(alert)} due ${minutesLeft(alert.dueAt, now)}${alert.number === undefined ? '' : ` on #${alert.number}`}`,
    // A system notification cannot isolate the customer's text: direction controls are dropped instead.
    body: withoutBidiControls(alert.subject),
  }));
}
