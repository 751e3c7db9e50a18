import type { Sql } from '../../db/database.ts';

/** Records how far a mailbox was read, in the transaction that stored (or held) the mail. */
export async function saveCursor(
  tx: Sql,
  workspaceId: string,
  cursor: { mailbox: string; uidValidity: string; uid: number; importUntil: number | null },
): Promise<void> {
  await tx.query(
    `insert into mail_cursors (workspace_id, mailbox, uid_validity, last_uid, import_until) values ($1, $2, $3, $4, $5)
     on conflict (workspace_id, mailbox) do update
       set uid_validity = excluded.uid_validity, last_uid = excluded.last_uid, import_until = excluded.import_until`,
    [workspaceId, cursor.mailbox, cursor.uidValidity, cursor.uid, cursor.importUntil],
  );
}
