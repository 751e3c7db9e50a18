import type { MessageDelivery } from '#shared/domain/message';
import type { Sql } from '../db/database.ts';
import { nextWorkspaceVersion, notifyPoke, readRow, writeRow } from '../sync/sync-rows.ts';

/**
 * Shows how far a reply got on its message row, so every agent's app sees
 * "sent" or "failed: why" live. Inside the caller's transaction; a message
 * that is gone (deleted ticket) is skipped.
 */
export async function writeDelivery(
  tx: Sql,
  workspaceId: string,
  messageId: string,
  delivery: MessageDelivery,
): Promise<void> {
  // The workspace row first, as every writer does, so two writers never wait on each other in opposite order.
  await tx.query('select 1 from workspaces where id = $1 for update', [workspaceId]);
  const message = await readRow(tx, workspaceId, 'message', messageId);
  if (!message) return;
  const same =
    message.delivery?.state === delivery.state && (message.delivery.reason ?? null) === (delivery.reason ?? null);
  if (same) return;
  const version = await nextWorkspaceVersion(tx, workspaceId);
  await writeRow(tx, workspaceId, 'message', { ...message, delivery }, version);
  await notifyPoke(tx, workspaceId, version);
}
