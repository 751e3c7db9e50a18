import { z } from 'zod';
import { TicketId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import { recountProblems } from '../problem/problem-rules.ts';
import { eventIdFor, sampleTicketId, ticketOrReject, withStatus } from '../ticket/ticket-rules.ts';
import { ticketRef } from './merge-rules.ts';

/**
 * Takes a merged ticket back out: it gets back the status it had, the
 * canonical ticket forgets it (its requester gets no more replies from there)
 * and its messages leave the canonical thread. Unmerging a ticket that is not
 * merged (a second device undoing the same merge) changes nothing.
 */
export const unmergeTicket = defineMutation({
  args: z.object({ ticketId: TicketId }),
  permission: 'ticket.merge',
  run: async (tx, args, ctx) => {
    const ticket = await ticketOrReject(tx, args.ticketId);
    const into = ticket.mergedInto;
    if (!into) return;
    const { mergedInto: _undone, ...standalone } = withStatus(ticket, into.previousStatus, ctx.now);
    await tx.put('ticket', { ...standalone, updatedAt: ctx.now });
    await tx.put('ticketEvent', {
      id: eventIdFor(ctx.clientId, ctx.mutationId),
      ticketId: ticket.id,
      actorId: ctx.actor.id,
      at: ctx.now,
      change: {
        kind: 'unmerged',
        from: { ticketId: into.ticketId, ...(into.number === undefined ? {} : { number: into.number }) },
      },
    });
    const canonical = await tx.get('ticket', into.ticketId);
    if (canonical) {
      const merged = (canonical.merged ?? []).filter((entry) => entry.ticketId !== ticket.id);
      await tx.put('ticket', { ...canonical, merged, updatedAt: ctx.now });
      await tx.put('ticketEvent', {
        id: eventIdFor(ctx.clientId, ctx.mutationId, 2),
        ticketId: canonical.id,
        actorId: ctx.actor.id,
        at: ctx.now,
        change: { kind: 'ticket_unmerged', ticket: ticketRef(ticket) },
      });
    }
    await recountProblems(tx, [ticket.problemId, canonical?.problemId], ctx.now);
  },
  sample: (random, world) => ({ ticketId: sampleTicketId(random, world) }),
});
