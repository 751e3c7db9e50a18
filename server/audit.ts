import type { Sql } from './db/database.ts';

export interface AuditEntry {
  workspaceId: string | null;
  userId: string | null;
  action: string;
  detail: Record<string, unknown>;
}

/** Appends to the audit log; call it inside the transaction of the change it records. */
export async function recordAudit(sql: Sql, entry: AuditEntry): Promise<void> {
  await sql.query('insert into audit_log (workspace_id, user_id, action, detail) values ($1, $2, $3, $4)', [
    entry.workspaceId,
    entry.userId,
    entry.action,
    JSON.stringify(entry.detail),
  ]);
}
