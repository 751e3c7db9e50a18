import type { MacroActions } from '../domain/macro.ts';
import type { Ticket } from '../domain/ticket.ts';
import type { MutationArgs, MutationName } from '../sync/mutators/registry.ts';

export interface MacroChange<N extends MutationName = MutationName> {
  name: N;
  args: MutationArgs<N>;
}

/**
 * The ticket changes a macro's actions make, as ordinary mutations (so each is
 * judged, synced and audited like the same change made by hand). Only what
 * differs from the ticket as it is: a macro that sets "pending" on a pending
 * ticket writes nothing. The status goes last, after the reply the caller
 * sends first, so "reply and wait on the customer" reads in that order.
 */
export function macroChanges(ticket: Ticket, actions: MacroActions, actorId: string): MacroChange[] {
  const changes: MacroChange[] = [];
  const ticketId = ticket.id;
  if (actions.priority && actions.priority !== ticket.priority) {
    changes.push({ name: 'setPriority', args: { ticketId, priority: actions.priority } });
  }
  for (const tag of actions.addTags ?? []) {
    if (!ticket.tags.includes(tag)) changes.push({ name: 'addTag', args: { ticketId, tag } });
  }
  for (const tag of actions.removeTags ?? []) {
    if (ticket.tags.includes(tag)) changes.push({ name: 'removeTag', args: { ticketId, tag } });
  }
  const assignee = actions.assignee;
  if (assignee === 'me' && ticket.assigneeId !== actorId) {
    changes.push(
      ticket.assigneeId === null
        ? { name: 'claimTicket', args: { ticketId } }
        : { name: 'assignTicket', args: { ticketId, assigneeId: actorId, expectedAssigneeId: ticket.assigneeId } },
    );
  } else if (assignee === 'nobody' && ticket.assigneeId !== null) {
    changes.push(
      ticket.assigneeId === actorId
        ? { name: 'releaseTicket', args: { ticketId } }
        : { name: 'assignTicket', args: { ticketId, assigneeId: null, expectedAssigneeId: ticket.assigneeId } },
    );
  } else if (assignee !== undefined && assignee !== 'me' && assignee !== 'nobody' && assignee !== ticket.assigneeId) {
    changes.push({
      name: 'assignTicket',
      args: { ticketId, assigneeId: assignee, expectedAssigneeId: ticket.assigneeId },
    });
  }
  if (actions.status && actions.status !== ticket.status) {
    changes.push({ name: 'setStatus', args: { ticketId, status: actions.status, expectedStatus: ticket.status } });
  }
  return changes;
}
