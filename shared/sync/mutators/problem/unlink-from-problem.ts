import { z } from 'zod';
import { TicketId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import { eventIdFor, sampleTicketId, ticketOrReject } from '../ticket/ticket-rules.ts';
import { withdrawProblemFailures } from '../trust/record-failures.ts';
import { recountProblem } from './problem-rules.ts';

/** Takes a ticket off its problem (it was a different fault after all). Not linked: nothing to do. */
export const unlinkFromProblem = defineMutation({
  args: z.object({ ticketId: TicketId }),
  permission: 'problems.manage',
  run: async (tx, args, ctx) => {
    const ticket = await ticketOrReject(tx, args.ticketId);
    const problemId = ticket.problemId;
    if (problemId === undefined) return;
    const { problemId: _unlinked, ...unlinked } = ticket;
    await tx.put('ticket', { ...unlinked, updatedAt: ctx.now });
    await withdrawProblemFailures(tx, problemId, ticket);
    const problem = await tx.get('problem', problemId);
    await tx.put('ticketEvent', {
      id: eventIdFor(ctx.clientId, ctx.mutationId),
      ticketId: ticket.id,
      actorId: ctx.actor.id,
      at: ctx.now,
      change: { kind: 'problem_unlinked', problemId, title: problem?.title ?? 'a deleted problem' },
    });
    await recountProblem(tx, problemId, ctx.now);
  },
  sample: (random, world) => ({ ticketId: sampleTicketId(random, world) }),
});
