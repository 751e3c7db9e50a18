import { saveCursor } from './save-cursor.ts';
import type { Database } from '../../db/database.ts';
import type { IngestSource } from './ingest-mail.ts';

/**
 * A mail that fails to be stored again and again (a bug, a row the database
 * refuses) must not stop every mail after it: it is recorded as held, with
 * the error, and the mailbox moves on. The mail itself stays in the mailbox.
 */
export async function holdUnreadable(
  db: Database,
  workspaceId: string,
  source: IngestSource,
  error: unknown,
  now: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into mail_inbound (workspace_id, source_key, subject, received_at, outcome, reason)
       values ($1, $2, '(could not be read)', $3, 'held', $4) on conflict (workspace_id, source_key) do nothing`,
      [workspaceId, source.key, now, `could not be stored: ${String(error).slice(0, 250)}`],
    );
    if (source.cursor) {
      await saveCursor(tx, workspaceId, source.cursor);
    }
  });
}
