import type { Sql } from '../../db/database.ts';
import { writeDelivery } from '../message-delivery.ts';

/**
 * Our own reply came back to the team mailbox (the Bcc copy): it certainly
 * left. A send cut off by a crash (`sending`) is settled as sent, so it is
 * never sent twice. Returns the reply's ticket.
 */
export async function settleOwnCopy(
  tx: Sql,
  workspaceId: string,
  messageId: string,
  now: number,
): Promise<string | null> {
  const [row] = await tx.query<{ ticket_id: string; state: string }>(
    'select ticket_id, state from mail_outbox where workspace_id = $1 and message_id = $2 for update',
    [workspaceId, messageId],
  );
  if (!row) return null;
  if (row.state === 'sending') {
    await tx.query(`update mail_outbox set state = 'sent', sent_at = $3 where workspace_id = $1 and message_id = $2`, [
      workspaceId,
      messageId,
      now,
    ]);
    await writeDelivery(tx, workspaceId, messageId, { state: 'sent', at: now });
  }
  return row.ticket_id;
}

/**
 * The customer's mail server sent our reply back: the agent sees it failed,
 * and why. A bounce for another recipient (the team's own Bcc copy, say) says
 * nothing about the customer and changes nothing: `applied` is false.
 */
export async function settleBounce(
  tx: Sql,
  workspaceId: string,
  messageId: string,
  bounce: { reason: string; recipient: string | null },
  now: number,
): Promise<{ ticketId: string; applied: boolean } | null> {
  const [row] = await tx.query<{ ticket_id: string; to_email: string }>(
    'select ticket_id, to_email from mail_outbox where workspace_id = $1 and message_id = $2 for update',
    [workspaceId, messageId],
  );
  if (!row) return null;
  if (bounce.recipient && bounce.recipient.toLowerCase() !== row.to_email.toLowerCase()) {
    return { ticketId: row.ticket_id, applied: false };
  }
  const why = `Bounced: ${bounce.reason}`.slice(0, 500);
  await tx.query(
    `update mail_outbox set state = 'failed', last_error = $3 where workspace_id = $1 and message_id = $2`,
    [workspaceId, messageId, why],
  );
  await writeDelivery(tx, workspaceId, messageId, { state: 'failed', at: now, reason: why });
  return { ticketId: row.ticket_id, applied: true };
}
