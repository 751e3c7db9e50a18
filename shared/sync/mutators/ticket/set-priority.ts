import { z } from 'zod';
import { TicketId } from '../../../domain/ids.ts';
import { TICKET_PRIORITIES, TicketPriority } from '../../../domain/ticket.ts';
import { defineMutation } from '../../mutator.ts';
import { sampleTicketId, saveTicketChange, ticketOrReject } from './ticket-rules.ts';

export const setPriority = defineMutation({
  args: z.object({ ticketId: TicketId, priority: TicketPriority }),
  permission: 'ticket.triage',
  run: async (tx, args, ctx) => {
    const ticket = await ticketOrReject(tx, args.ticketId);
    // Setting the priority it already has is a no-op, not an error: two agents
    // may triage the same ticket the same way.
    if (ticket.priority === args.priority) return;
    await saveTicketChange(
      tx,
      { ...ticket, priority: args.priority },
      { kind: 'priority_changed', from: ticket.priority, to: args.priority },
      ctx,
    );
  },
  sample: (random, world) => ({ ticketId: sampleTicketId(random, world), priority: random.pick(TICKET_PRIORITIES) }),
});
