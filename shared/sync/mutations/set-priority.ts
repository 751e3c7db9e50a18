import { z } from 'zod';
import { TicketEventId, TicketId } from '../../domain/ids.ts';
import { can } from '../../domain/roles.ts';
import { TicketPriority } from '../../domain/ticket.ts';
import type { Mutator } from '../mutator.ts';
import { MutationRejected } from '../rejection.ts';

export const SetPriorityArgs = z.object({
  ticketId: TicketId,
  priority: TicketPriority,
});
export type SetPriorityArgs = z.infer<typeof SetPriorityArgs>;

/** The event a mutation writes gets an id derived from the mutation, so a rebase rewrites it instead of duplicating it. */
export function eventIdFor(clientId: string, mutationId: number): TicketEventId {
  return TicketEventId.parse(`evt_${clientId}_${mutationId}`);
}

export const setPriority: Mutator<SetPriorityArgs> = async (tx, args, ctx) => {
  if (!can(ctx.actor.role, 'ticket.triage')) {
    throw new MutationRejected('forbidden', `A ${ctx.actor.role} cannot change ticket priority.`);
  }
  const ticket = await tx.get('ticket', args.ticketId);
  if (!ticket) {
    throw new MutationRejected('not_found', `Ticket ${args.ticketId} no longer exists.`);
  }
  // Setting the priority it already has is a no-op, not an error: two agents
  // may triage the same ticket the same way.
  if (ticket.priority === args.priority) return;

  await tx.put('ticket', { ...ticket, priority: args.priority, updatedAt: ctx.now });
  await tx.put('ticketEvent', {
    id: eventIdFor(ctx.clientId, ctx.mutationId),
    ticketId: ticket.id,
    actorId: ctx.actor.id,
    at: ctx.now,
    change: { kind: 'priority_changed', from: ticket.priority, to: args.priority },
  });
};
