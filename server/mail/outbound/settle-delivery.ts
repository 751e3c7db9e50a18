import type { Sql } from '../../db/database.ts';
import type { OurMessageId } from '../message-ids.ts';
import { refreshDelivery } from './copy-delivery.ts';

interface CopyRow {
  message_id: string;
  recipient: string;
  ticket_id: string;
  to_email: string;
  state: string;
}

/**
 * The outbound copy a Message-ID of ours names: the reply, and the thread it
 * went to (the reply's own ticket when the id names none, as in every id from
 * before merges). Locked for the settle.
 */
async function copyNamed(tx: Sql, workspaceId: string, ours: OurMessageId): Promise<CopyRow | null> {
  const [row] = await tx.query<CopyRow>(
    `select message_id, recipient, ticket_id, to_email, state from mail_outbox
     where workspace_id = $1 and message_id = $2 and thread_ticket_id = coalesce($3::text, ticket_id)
     order by recipient limit 1 for update`,
    [workspaceId, ours.messageId, ours.ticketId ?? null],
  );
  return row ?? null;
}

/**
 * One copy of our reply came back to the team mailbox (its Bcc): that copy
 * certainly left. A send cut off by a crash (`sending`) is settled as sent,
 * so it is never sent twice; the reply's other copies are untouched. Returns
 * the reply's ticket.
 */
export async function settleOwnCopy(
  tx: Sql,
  workspaceId: string,
  ours: OurMessageId,
  now: number,
): Promise<string | null> {
  const row = await copyNamed(tx, workspaceId, ours);
  if (!row) return null;
  if (row.state === 'sending') {
    await tx.query(
      `update mail_outbox set state = 'sent', sent_at = $4 where workspace_id = $1 and message_id = $2 and recipient = $3`,
      [workspaceId, row.message_id, row.recipient, now],
    );
    await refreshDelivery(tx, workspaceId, row.message_id, now);
  }
  return row.ticket_id;
}

/**
 * A customer's mail server sent one copy of our reply back: that copy
 * failed, and the reply's delivery names who did not get it, and why. A
 * bounce for another recipient (the team's own Bcc copy, say) says nothing
 * about the customer and changes nothing: `applied` is false.
 */
export async function settleBounce(
  tx: Sql,
  workspaceId: string,
  ours: OurMessageId,
  bounce: { reason: string; recipient: string | null },
  now: number,
): Promise<{ ticketId: string; applied: boolean } | null> {
  const row = await copyNamed(tx, workspaceId, ours);
  if (!row) return null;
  if (bounce.recipient && bounce.recipient.toLowerCase() !== row.to_email.toLowerCase()) {
    return { ticketId: row.ticket_id, applied: false };
  }
  const why = `Bounced: ${bounce.reason}`.slice(0, 500);
  await tx.query(
    `update mail_outbox set state = 'failed', last_error = $4 where workspace_id = $1 and message_id = $2 and recipient = $3`,
    [workspaceId, row.message_id, row.recipient, why],
  );
  await refreshDelivery(tx, workspaceId, row.message_id, now);
  return { ticketId: row.ticket_id, applied: true };
}
