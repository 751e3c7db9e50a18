import type { Sql } from '../../db/database.ts';
import { writeDelivery } from '../message-delivery.ts';
import { type CopyDelivery, summariseDelivery } from './delivery-summary.ts';

/**
 * Recomputes a reply's `delivery` from all of its copies, after one of them
 * changed, inside the caller's transaction (which holds the workspace row, so
 * two copies settling at once are summarised one after the other and the last
 * word sees both). Writes only when the summary changed.
 */
export async function refreshDelivery(tx: Sql, workspaceId: string, messageId: string, now: number): Promise<void> {
  const rows = await tx.query<{ to_email: string; state: CopyDelivery['state']; last_error: string | null }>(
    'select to_email, state, last_error from mail_outbox where workspace_id = $1 and message_id = $2 order by recipient',
    [workspaceId, messageId],
  );
  const delivery = summariseDelivery(
    rows.map((row) => ({ email: row.to_email, state: row.state, error: row.last_error })),
    now,
  );
  if (delivery) await writeDelivery(tx, workspaceId, messageId, delivery);
}
