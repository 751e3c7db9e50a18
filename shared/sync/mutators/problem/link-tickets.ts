import type { Problem } from '../../../domain/problem.ts';
import type { Ticket } from '../../../domain/ticket.ts';
import type { MutationContext, MutatorTx } from '../../mutator.ts';
import { eventIdFor } from '../ticket/ticket-rules.ts';
import { recordProblemFailures } from '../trust/record-failures.ts';
import { recountProblems } from './problem-rules.ts';

/**
 * Points tickets at a problem, with a history line on each, and recounts
 * every problem involved (a ticket moved from another problem leaves it).
 * Merged duplicates are linked through their canonical ticket. Tickets
 * deleted meanwhile are skipped. `firstLine` numbers the history lines after
 * any the mutation already wrote.
 */
export async function linkTickets(
  tx: MutatorTx,
  problem: Problem,
  ticketIds: Iterable<string>,
  ctx: MutationContext,
  firstLine = 1,
): Promise<void> {
  const previous: (string | undefined)[] = [];
  let line = firstLine;
  for (const id of new Set(ticketIds)) {
    const found = await tx.get('ticket', id);
    const ticket: Ticket | undefined = found?.mergedInto ? await tx.get('ticket', found.mergedInto.ticketId) : found;
    if (!ticket || ticket.problemId === problem.id) continue;
    previous.push(ticket.problemId);
    await tx.put('ticket', { ...ticket, problemId: problem.id, updatedAt: ctx.now });
    await recordProblemFailures(tx, problem, ticket);
    await tx.put('ticketEvent', {
      id: eventIdFor(ctx.clientId, ctx.mutationId, line++),
      ticketId: ticket.id,
      actorId: ctx.actor.id,
      at: ctx.now,
      change: { kind: 'problem_linked', problemId: problem.id, title: problem.title },
    });
  }
  await recountProblems(tx, [problem.id, ...previous], ctx.now);
}
