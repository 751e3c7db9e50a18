import type { CustomerFailure } from '../domain/customer-failure.ts';
import { type TicketPriority, priorityRank } from '../domain/ticket.ts';
import { DAY_MS } from '../sla/zoned-time.ts';
import { compareNewestFirst } from './ledger.ts';

/** A customer failed this recently is at risk ("you get a chance to fail the client exactly once"). */
export const TRUST_WINDOW_DAYS = 90;
export const TRUST_WINDOW_MS = TRUST_WINDOW_DAYS * DAY_MS;

export interface TrustAssessment {
  /** Failed within the window (a failure exactly 90 days old still counts). */
  atRisk: boolean;
  /** The failures within the window, newest first. */
  recent: CustomerFailure[];
  /** Why they are at risk, for people: "Failed 10 days ago: first reply 3 h late on #1042"; null when not. */
  reason: string | null;
  /** The priority triage should raise the ticket to; null when it is already there (or not at risk). */
  suggestedPriority: TicketPriority | null;
}

/** "today", "1 day ago", "10 days ago", in whole days (a failure stamped ahead of this clock reads as today). */
export function daysAgo(at: number, now: number): string {
  const days = Math.max(0, Math.floor((now - at) / DAY_MS));
  if (days === 0) return 'today';
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** "First reply 3 h late…" → "first reply 3 h late…", to follow a colon; "#1042 reopened…" stays. */
function continuing(what: string): string {
  return what.charAt(0).toLowerCase() + what.slice(1);
}

/**
 * Whether the customer behind `ticket` is at risk, why, and what priority
 * triage should suggest. Pure: `failures` is the customer's ledger (with any
 * deadlines passing right now added, see liveBreaches), newest first or not.
 *
 * The suggestion is a floor, never a cut: one failure in the window puts the
 * ticket at least at High (one step up from Normal, where most tickets
 * arrive), repeated failures at Urgent; a ticket already there is left as it
 * is. A floor rather than "one step up from whatever it has now" so accepting
 * it ends the suggestion, instead of walking the ticket up a step each time.
 */
export function assessTrust(
  failures: readonly CustomerFailure[],
  now: number,
  ticket: { priority: TicketPriority },
): TrustAssessment {
  const recent = failures.filter((failure) => now - failure.at <= TRUST_WINDOW_MS).sort(compareNewestFirst);
  const [latest] = recent;
  if (!latest) return { atRisk: false, recent, reason: null, suggestedPriority: null };
  const last = `${daysAgo(latest.at, now)}: ${continuing(latest.what)}`;
  const reason =
    recent.length === 1
      ? `Failed ${last}`
      : `Failed ${recent.length} times in the last ${TRUST_WINDOW_DAYS} days, most recently ${last}`;
  const floor: TicketPriority = recent.length === 1 ? 'high' : 'urgent';
  const suggestedPriority = priorityRank(floor) < priorityRank(ticket.priority) ? floor : null;
  return { atRisk: true, recent, reason, suggestedPriority };
}
