import type { Ticket } from '../domain/ticket.ts';

/**
 * What a list needs of a ticket: the fields views filter and sort on and the
 * ones a row shows. The body is left out (it can be 100 kB); search has its own
 * index, and the detail pane reads the whole ticket.
 */
export type QueryRecord = Pick<
  Ticket,
  | 'id'
  | 'number'
  | 'subject'
  | 'requesterName'
  | 'customerId'
  | 'status'
  | 'priority'
  | 'channel'
  | 'assigneeId'
  | 'tags'
  | 'createdAt'
  | 'updatedAt'
>;

export function toQueryRecord(ticket: Ticket): QueryRecord {
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    requesterName: ticket.requesterName,
    customerId: ticket.customerId,
    status: ticket.status,
    priority: ticket.priority,
    channel: ticket.channel,
    assigneeId: ticket.assigneeId,
    tags: ticket.tags,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
  };
}
