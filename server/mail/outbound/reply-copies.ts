import type { Message } from '#shared/domain/message';
import type { Ticket } from '#shared/domain/ticket';

/** One requester's own mail of a reply. */
export interface ReplyCopy {
  /** The address as the requester wrote it. */
  email: string;
  /** Lowercased address: what makes a copy (one mail per person, however their address is spelled). */
  recipient: string;
  name?: string;
  /** The ticket whose mail thread this copy continues: the requester's own, merged or canonical. */
  threadTicketId: string;
}

/**
 * The mails a public reply becomes: one per recipient the reply recorded
 * (its requester and every merged ticket's), or the ticket's requester for a
 * reply from before merges. Each copy goes to one person only, never with
 * the others in To or Cc: requesters of one flood may work for competitors.
 * A person listed twice, or two people in one thread (a damaged list), get
 * the first copy only, so no mail goes out twice and each copy's Message-ID
 * (which names its thread) stays unique.
 */
export function replyCopies(
  message: Pick<Message, 'recipients'>,
  ticket: Pick<Ticket, 'id' | 'requesterEmail' | 'requesterName'>,
): ReplyCopy[] {
  // An empty list is no reply anyone wrote on purpose: a public reply always reaches at least its requester.
  const recipients =
    message.recipients && message.recipients.length > 0
      ? message.recipients
      : [{ email: ticket.requesterEmail, name: ticket.requesterName, ticketId: ticket.id }];
  const people = new Set<string>();
  const threads = new Set<string>();
  const copies: ReplyCopy[] = [];
  for (const { email, name, ticketId } of recipients) {
    const recipient = email.toLowerCase();
    if (people.has(recipient) || threads.has(ticketId)) continue;
    people.add(recipient);
    threads.add(ticketId);
    copies.push({ email, recipient, threadTicketId: ticketId, ...(name ? { name } : {}) });
  }
  return copies;
}
