import type { ReplyRecipient } from './message.ts';
import type { Ticket } from './ticket.ts';

/**
 * Who a public reply on this ticket goes to: its requester, then the
 * requester of every ticket merged into it, each once (someone who reported
 * the same fault twice gets one copy, in the thread they wrote first).
 */
export function replyRecipients(
  ticket: Pick<Ticket, 'id' | 'requesterEmail' | 'requesterName' | 'merged'>,
): ReplyRecipient[] {
  const seen = new Set<string>();
  const recipients: ReplyRecipient[] = [];
  const add = (email: string, name: string, ticketId: Ticket['id']) => {
    const key = email.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    recipients.push({ email, name, ticketId });
  };
  add(ticket.requesterEmail, ticket.requesterName, ticket.id);
  for (const merged of ticket.merged ?? []) add(merged.requesterEmail, merged.requesterName, merged.ticketId);
  return recipients;
}
