import { ESCALATION_LOG_MAX, REGRESSIONS_MAX } from '../../../domain/escalation.ts';
import type { UserId } from '../../../domain/ids.ts';
import type { Ticket } from '../../../domain/ticket.ts';
import { reopenRegression } from '../../../escalation/regression-watch.ts';
import type { MutatorTx } from '../../mutator.ts';

/**
 * Regression watch on every reopen: a ticket linked to a fixed escalation that
 * goes back to work after the fix is flagged on that escalation. Called
 * wherever a ticket's status moves (an agent's status change or reply, the
 * customer writing again), with the ticket before and after; costs one read
 * only for tickets that are linked to an escalation.
 */
export async function recordReopenRegression(
  tx: MutatorTx,
  before: Ticket,
  after: Ticket,
  at: number,
  by: UserId | null,
): Promise<void> {
  if (after.escalationId === undefined) return;
  const escalation = await tx.get('escalation', after.escalationId);
  if (!escalation || escalation.regressions.length >= REGRESSIONS_MAX) return;
  const regression = reopenRegression(escalation, before, after, at);
  if (!regression) return;
  const label = before.number === undefined ? 'A linked ticket' : `#${before.number}`;
  await tx.put('escalation', {
    ...escalation,
    regressions: [...escalation.regressions, regression],
    log: [...escalation.log, { at, by, step: 'regression' as const, detail: `${label} reopened after the fix` }].slice(
      -ESCALATION_LOG_MAX,
    ),
    updatedAt: at,
  });
}
