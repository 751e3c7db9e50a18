import { z } from 'zod';
import { TicketId, UserId } from '../../../domain/ids.ts';
import { handOverRefusal } from '../../../shifts/hand-over.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import { sampleTicketId, saveTicketChange, ticketOrReject } from '../ticket/ticket-rules.ts';

/**
 * Ending my shift, I give a ticket I hold to someone on shift (hand-over.ts
 * has the rule). One mutation per ticket, so a bulk handover of hundreds is
 * judged ticket by ticket and a refused one stays with me.
 */
export const handOverTicket = defineMutation({
  args: z.object({ ticketId: TicketId, assigneeId: UserId }),
  permission: 'ticket.claim',
  run: async (tx, args, ctx) => {
    const ticket = await ticketOrReject(tx, args.ticketId);
    if (ticket.assigneeId === args.assigneeId) return;
    const recipient = await tx.get('member', args.assigneeId);
    const shifts = await tx.list('shift', 'userId', args.assigneeId);
    const refusal = handOverRefusal(ticket, ctx.actor.id, recipient, shifts, ctx.now);
    if (refusal)
      throw new MutationRejected(refusal.kind, refusal.message, { subject: { entity: 'ticket', id: ticket.id } });
    await saveTicketChange(
      tx,
      { ...ticket, assigneeId: args.assigneeId },
      { kind: 'assignee_changed', from: ticket.assigneeId, to: args.assigneeId, reason: 'shift_ended' },
      ctx,
    );
  },
  sample: (random, world) => ({
    ticketId: sampleTicketId(random, world),
    assigneeId: world.memberIds.length === 0 ? 'usr_missing' : random.pick(world.memberIds),
  }),
});
