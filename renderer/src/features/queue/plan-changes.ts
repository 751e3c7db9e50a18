import { canMoveStatus } from '#shared/domain/ticket-status';
import type { QueryRecord } from '#shared/query/query-record';
import type { BatchChange } from '../../sync/mutate.ts';
import type { TicketCommand } from './ticket-command.ts';

/** A command turned into changes for the tickets it would change, each with the change that reverses it. */
export interface PlannedChanges {
  changes: BatchChange[];
  /** `tickets[i]` is the ticket `changes[i]` changes. */
  tickets: string[];
  /** `undo[i]` reverses `changes[i]`; null when nothing can (a ticket cannot go back to "new"). */
  undo: (BatchChange | null)[];
}

function plan(ticket: QueryRecord, command: TicketCommand, me: string): [BatchChange, BatchChange | null] | null {
  const ticketId = ticket.id;
  switch (command.kind) {
    case 'priority':
      if (ticket.priority === command.priority) return null;
      return [
        { name: 'setPriority', args: { ticketId, priority: command.priority } },
        { name: 'setPriority', args: { ticketId, priority: ticket.priority } },
      ];
    case 'status':
      if (ticket.status === command.status) return null;
      return [
        { name: 'setStatus', args: { ticketId, status: command.status, expectedStatus: ticket.status } },
        canMoveStatus(command.status, ticket.status)
          ? { name: 'setStatus', args: { ticketId, status: ticket.status, expectedStatus: command.status } }
          : null,
      ];
    case 'claim':
      if (ticket.assigneeId === me) return null;
      return [
        { name: 'claimTicket', args: { ticketId } },
        { name: 'releaseTicket', args: { ticketId } },
      ];
    case 'release':
      if (ticket.assigneeId !== me) return null;
      return [
        { name: 'releaseTicket', args: { ticketId } },
        { name: 'claimTicket', args: { ticketId } },
      ];
    case 'addTag':
      if (ticket.tags.includes(command.tag)) return null;
      return [
        { name: 'addTag', args: { ticketId, tag: command.tag } },
        { name: 'removeTag', args: { ticketId, tag: command.tag } },
      ];
    case 'removeTag':
      if (!ticket.tags.includes(command.tag)) return null;
      return [
        { name: 'removeTag', args: { ticketId, tag: command.tag } },
        { name: 'addTag', args: { ticketId, tag: command.tag } },
      ];
  }
}

/**
 * What a command does to a set of tickets: one change per ticket it would
 * actually change (setting "high" on a high ticket is no change), and for
 * each, its reverse, taken from the ticket as the agent saw it — so one undo
 * puts a whole bulk action back.
 */
export function planChanges(tickets: readonly QueryRecord[], command: TicketCommand, me: string): PlannedChanges {
  const planned: PlannedChanges = { changes: [], tickets: [], undo: [] };
  for (const ticket of tickets) {
    const step = plan(ticket, command, me);
    if (!step) continue;
    planned.changes.push(step[0]);
    planned.tickets.push(ticket.id);
    planned.undo.push(step[1]);
  }
  return planned;
}

/**
 * The ticket as the list should show it the moment the key is pressed, before
 * IndexedDB has the change: the query layer shows this at once, and the row
 * it reads back after the write (the mutator's real result) replaces it.
 */
export function predictRecord(ticket: QueryRecord, command: TicketCommand, me: string, now: number): QueryRecord {
  const updated = { ...ticket, updatedAt: Math.max(now, ticket.updatedAt) };
  switch (command.kind) {
    case 'priority':
      return { ...updated, priority: command.priority };
    case 'status':
      return { ...updated, status: command.status };
    case 'claim':
      return { ...updated, assigneeId: me as QueryRecord['assigneeId'] };
    case 'release':
      return { ...updated, assigneeId: null };
    case 'addTag':
      return { ...updated, tags: [...ticket.tags, command.tag] };
    case 'removeTag':
      return { ...updated, tags: ticket.tags.filter((tag) => tag !== command.tag) };
  }
}
