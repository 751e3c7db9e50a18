import type { SlaConfig } from '../domain/sla-config.ts';
import type { Ticket } from '../domain/ticket.ts';
import { nextDeadline } from '../sla/sla-clocks.ts';

/**
 * What a list needs of a ticket: the fields views filter and sort on and the
 * ones a row shows. The body is left out (it can be 100 kB); search has its own
 * index, and the detail pane reads the whole ticket. The clock is kept (it is
 * small) so a visible row can work out its SLA timer without reading the ticket.
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
  | 'clock'
> & {
  /**
   * The earliest due instant of the ticket's running SLA clocks under the
   * team's config (nextDeadline), null when none runs. An instant, not a
   * remaining time: it only changes when the ticket or the config does, so
   * it can be sorted and filtered on without recomputing as time passes.
   */
  slaDueAt: number | null;
};

/** `sla`: the team's SLA config; without one (before it is read) no deadline is known. */
export function toQueryRecord(ticket: Ticket, sla: SlaConfig | null = null): QueryRecord {
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
    clock: ticket.clock,
    slaDueAt: sla === null ? null : nextDeadline(ticket, sla),
  };
}

/** The record under another SLA config; the same object when its deadline does not move. */
export function withSlaConfig(record: QueryRecord, sla: SlaConfig): QueryRecord {
  const slaDueAt = nextDeadline(record, sla);
  return slaDueAt === record.slaDueAt ? record : { ...record, slaDueAt };
}
