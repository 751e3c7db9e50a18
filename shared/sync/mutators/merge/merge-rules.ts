import type { MergedTicket, Ticket } from '../../../domain/ticket.ts';
import type { MutationContext, MutatorTx } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import { ticketOrReject } from '../ticket/ticket-rules.ts';

/** How a history line names a ticket. */
export function ticketRef(ticket: Pick<Ticket, 'id' | 'number'>): { ticketId: Ticket['id']; number?: number } {
  return ticket.number === undefined ? { ticketId: ticket.id } : { ticketId: ticket.id, number: ticket.number };
}

/** "#1042", or the id for a ticket from before numbering. */
export function ticketName(ticket: Pick<Ticket, 'id' | 'number'>): string {
  return ticket.number === undefined ? ticket.id : `#${ticket.number}`;
}

/** Merges are flattened, so a chain is one link long; the bound only guards against a damaged row. */
const MAX_HOPS = 10;

/**
 * The ticket a merge really lands on: the target itself, or, when the target
 * was itself merged meanwhile (two devices merging the same flood offline),
 * the ticket it went into.
 */
export async function canonicalTicket(tx: MutatorTx, ticketId: string): Promise<Ticket> {
  let ticket = await ticketOrReject(tx, ticketId);
  for (let hop = 0; ticket.mergedInto && hop < MAX_HOPS; hop++) {
    ticket = await ticketOrReject(tx, ticket.mergedInto.ticketId);
  }
  if (ticket.mergedInto) {
    throw new MutationRejected('conflict', `${ticketName(ticket)} is part of a merge loop; nothing was merged.`, {
      subject: { entity: 'ticket', id: ticket.id },
    });
  }
  return ticket;
}

/** What the canonical ticket keeps of a ticket merged into it. */
export function mergedEntry(ticket: Ticket, ctx: MutationContext): MergedTicket {
  return {
    ticketId: ticket.id,
    ...(ticket.number === undefined ? {} : { number: ticket.number }),
    customerId: ticket.customerId,
    requesterName: ticket.requesterName,
    requesterEmail: ticket.requesterEmail,
    subject: ticket.subject,
    mergedAt: ctx.now,
    mergedBy: ctx.actor.id,
  };
}
