import type { Ticket } from '#shared/domain/ticket';
import type { Sql } from '../../db/database.ts';
import { readRow } from '../../sync/sync-rows.ts';
import { ticketIdByNumber } from '../../tickets/ticket-numbers.ts';
import type { InboundMail } from './inbound-mail.ts';
import { ticketNumberInSubject } from './ticket-number-in-subject.ts';

/** Mail services anyone can sign up to: sharing one says nothing about who someone works for. */
const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'yandex.ru',
  'yandex.com',
  'mail.ru',
  'qq.com',
  '163.com',
  '126.com',
  'zoho.com',
  'fastmail.com',
  'hey.com',
  'tutanota.com',
]);

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * The ticket a mail answers: by its In-Reply-To and References (any mail we
 * sent or received on the ticket), else by the `[#1234]` in its subject. The
 * subject alone is trusted only from the requester's address or company domain
 * (never a public mail service), so a stranger cannot write into someone
 * else's ticket by guessing its number.
 */
export async function findThread(tx: Sql, workspaceId: string, mail: InboundMail): Promise<Ticket | null> {
  const ids = [...mail.inReplyTo, ...[...mail.references].reverse()].slice(0, 60);
  if (ids.length > 0) {
    const [row] = await tx.query<{ ticket_id: string }>(
      `select ticket_id from mail_threads where workspace_id = $1 and rfc_message_id = any($2::text[])
       order by at desc limit 1`,
      [workspaceId, ids],
    );
    const ticket = row ? await readRow(tx, workspaceId, 'ticket', row.ticket_id) : undefined;
    if (ticket) return ticket;
  }
  const number = ticketNumberInSubject(mail.subject);
  if (number === null || !mail.from) return null;
  const ticketId = await ticketIdByNumber(tx, workspaceId, number);
  const ticket = ticketId ? await readRow(tx, workspaceId, 'ticket', ticketId) : undefined;
  if (!ticket) return null;
  const sender = mail.from.email.toLowerCase();
  const requester = ticket.requesterEmail.toLowerCase();
  if (sender === requester) return ticket;
  // A colleague at the customer's company may write in; anyone at gmail.com may not.
  const domain = domainOf(requester);
  return domainOf(sender) === domain && !PUBLIC_MAIL_DOMAINS.has(domain) ? ticket : null;
}
