import type { Escalation } from '#shared/domain/escalation';
import type { Ticket } from '#shared/domain/ticket';
import type { BatchChange } from '../../../sync/mutate.ts';

type FollowedTicket = Pick<Ticket, 'id' | 'status' | 'customerId' | 'merged' | 'mergedInto'>;

export interface FollowUpTargets {
  /** The tickets that get the reply: each conversation once (a merged duplicate is reached through its kept ticket). */
  ticketIds: string[];
  /** Distinct customers the replies reach, merged requesters included. */
  customers: number;
  /** Closed tickets take no reply (the customer gets a new ticket instead): left out, and said. */
  closed: number;
}

/**
 * Who a follow-up reaches, from the escalation's tickets (its linked ones, the
 * tickets they were merged into, the problem's): every conversation once,
 * never a merged duplicate (its requester gets the kept ticket's reply).
 */
export function followUpTargets(tickets: readonly FollowedTicket[]): FollowUpTargets {
  const seen = new Set<string>();
  const customers = new Set<string>();
  const ticketIds: string[] = [];
  let closed = 0;
  for (const ticket of tickets) {
    if (seen.has(ticket.id) || ticket.mergedInto) continue;
    seen.add(ticket.id);
    if (ticket.status === 'closed') {
      closed++;
      continue;
    }
    ticketIds.push(ticket.id);
    customers.add(ticket.customerId);
    for (const merged of ticket.merged ?? []) customers.add(merged.customerId);
  }
  return { ticketIds, customers: customers.size, closed };
}

/**
 * The reply to start from, quoting the analyst's customer-facing note. The
 * requester's name stays a variable: the server fills it for each copy, so
 * every customer reads their own name.
 */
export function followUpBody(resolution: Pick<NonNullable<Escalation['resolution']>, 'outcome' | 'note'>): string {
  const opening =
    resolution.outcome === 'fixed'
      ? 'Good news about the problem you reported: it is fixed.'
      : 'An update on the problem you reported: our team looked into it closely, and it will not be changed for now.';
  return `Hi {{requester.first_name}},\n\n${opening}\n\n${resolution.note.trim()}\n\nThank you for your patience. If anything still looks wrong, just reply to this message.`;
}

export type FollowUpStatus = 'solved' | 'pending';

/** One reply and one status change per ticket, in that order, as one batch (see mutateBatch). */
export function followUpChanges(
  ticketIds: readonly string[],
  body: string,
  status: FollowUpStatus,
  newMessageId: () => string,
): BatchChange[] {
  return ticketIds.flatMap((ticketId): BatchChange[] => [
    { name: 'addMessage', args: { messageId: newMessageId(), ticketId, kind: 'reply', body } },
    { name: 'setStatus', args: { ticketId, status } },
  ]);
}
