import type { Escalation, EscalationRegression } from '../domain/escalation.ts';
import { ACTIVE_STATUSES, type Ticket } from '../domain/ticket.ts';

/**
 * Regression watch: "the bugfix introduces more bugs". After an escalation is
 * fixed, two things say the fault may be back, and each is flagged on the
 * escalation with a link to the ticket:
 * - a linked ticket reopens (the customer, or an agent, says it is not fixed);
 * - a new ticket arrives that looks like the fixed ones (similarity, run on
 *   the devices that hold the tickets, the same index the merge suggestions use).
 */

/**
 * Looks alike enough to be the same fault. Stricter than the merge
 * suggestions (0.18): a regression flag accuses a fix, so a false one costs
 * more than a missed one, which the agent may still link by hand. On the
 * labelled night shift (regression-watch.test.ts) 0.3 flags 4 of the 8 later
 * reports with none wrong; 0.25 flags 5 with 1 wrong, 0.18 all 8 with 4 wrong.
 */
export const REGRESSION_SIMILARITY_MIN = 0.3;

type Watched = Pick<Escalation, 'status' | 'resolution' | 'ticketIds' | 'regressions'>;

/** The moment the fix landed, if the escalation is fixed now. */
function fixedAt(escalation: Watched): number | null {
  return escalation.status === 'fixed' && escalation.resolution?.outcome === 'fixed' ? escalation.resolution.at : null;
}

function alreadyFlagged(escalation: Watched, ticketId: string): boolean {
  return escalation.regressions.some((regression) => regression.ticketId === ticketId);
}

/** A linked ticket went from solved or closed back to work after the fix. */
export function reopenRegression(
  escalation: Watched,
  before: Pick<Ticket, 'id' | 'status'>,
  after: Pick<Ticket, 'status'>,
  at: number,
): EscalationRegression | null {
  const fixed = fixedAt(escalation);
  if (fixed === null || at < fixed) return null;
  if (!(escalation.ticketIds as readonly string[]).includes(before.id) || alreadyFlagged(escalation, before.id))
    return null;
  const wasDone = before.status === 'solved' || before.status === 'closed';
  if (!wasDone || !ACTIVE_STATUSES.has(after.status)) return null;
  return { ticketId: before.id, kind: 'reopened', at };
}

export interface SimilarMatch {
  ticketId: string;
  score: number;
}

/**
 * A ticket created after the fix, not linked to the escalation, whose best
 * match among the escalation's tickets is strong enough. `matches` are the
 * ticket's similar tickets (any order); only the escalation's count.
 */
export function similarRegression(
  escalation: Watched,
  ticket: Pick<Ticket, 'id' | 'createdAt'>,
  matches: readonly SimilarMatch[],
  at: number,
): EscalationRegression | null {
  const fixed = fixedAt(escalation);
  if (fixed === null || ticket.createdAt < fixed) return null;
  const linked: readonly string[] = escalation.ticketIds;
  if (linked.includes(ticket.id) || alreadyFlagged(escalation, ticket.id)) return null;
  let best: SimilarMatch | null = null;
  for (const match of matches) {
    if (!linked.includes(match.ticketId) || match.score < REGRESSION_SIMILARITY_MIN) continue;
    if (!best || match.score > best.score) best = match;
  }
  if (!best) return null;
  return {
    ticketId: ticket.id,
    kind: 'similar',
    at,
    matchedTicketId: best.ticketId as EscalationRegression['ticketId'],
    score: Math.round(Math.min(1, best.score) * 1000) / 1000,
  };
}
