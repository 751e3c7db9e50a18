import type { Sql } from '../../db/database.ts';
import { readRow } from '../../sync/sync-rows.ts';
import type { ReplyInput } from './compose-reply.ts';
import type { OutboxRow } from './mail-outbox.ts';

/**
 * Everything one copy of a queued reply needs to become an email, read fresh
 * at send time: the message, the agent's name, and the copy's own thread: the
 * ticket the requester wrote (its number and subject, never another
 * requester's) and its mail (the requester's newest mail for In-Reply-To,
 * every id for References). Null when the reply or that ticket is gone.
 */
export async function replyInputFor(
  sql: Sql,
  row: OutboxRow,
  from: { email: string; name: string },
  bccSelf: boolean,
): Promise<ReplyInput | null> {
  const message = await readRow(sql, row.workspaceId, 'message', row.messageId);
  const ticket = await readRow(sql, row.workspaceId, 'ticket', row.threadTicketId);
  if (!message || !ticket) return null;
  const [author] = message.authorId
    ? await sql.query<{ name: string }>('select name from users where id = $1', [message.authorId])
    : [];
  const thread = await sql.query<{ rfc_message_id: string; direction: 'in' | 'out' }>(
    `select rfc_message_id, direction from mail_threads
     where workspace_id = $1 and ticket_id = $2 and rfc_message_id <> $3 order by at, rfc_message_id`,
    [row.workspaceId, row.threadTicketId, row.rfcMessageId],
  );
  const newestFromCustomer = thread.filter((entry) => entry.direction === 'in').at(-1)?.rfc_message_id ?? null;
  const listed = message.recipients?.find((recipient) => recipient.email.toLowerCase() === row.recipient);
  const name =
    listed?.name ?? (ticket.requesterEmail.toLowerCase() === row.recipient ? ticket.requesterName : undefined);
  return {
    workspaceId: row.workspaceId,
    messageId: row.messageId,
    rfcMessageId: row.rfcMessageId,
    ticketNumber: ticket.number ?? 0,
    ticketSubject: ticket.subject,
    to: name === undefined ? { email: row.toEmail } : { email: row.toEmail, name },
    from,
    body: message.body,
    agentName: author?.name ?? null,
    inReplyTo: newestFromCustomer,
    references: thread.map((entry) => entry.rfc_message_id),
    bccSelf,
  };
}
