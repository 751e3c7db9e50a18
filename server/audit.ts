import type { Sql } from './db/database.ts';

export interface AuditEntry {
  workspaceId: string | null;
  userId: string | null;
  /** The integration that did it (intake); absent for people and the command line. */
  apiKeyId?: string | null;
  /** The address the request came from, when there was a request. */
  ip?: string | null;
  action: string;
  detail: Record<string, unknown>;
}

/** Appends to the audit log; call it inside the transaction of the change it records. */
export async function recordAudit(sql: Sql, entry: AuditEntry): Promise<void> {
  await sql.query(
    'insert into audit_log (workspace_id, user_id, api_key_id, ip, action, detail) values ($1, $2, $3, $4, $5, $6)',
    [
      entry.workspaceId,
      entry.userId,
      entry.apiKeyId ?? null,
      entry.ip ?? null,
      entry.action,
      JSON.stringify(entry.detail),
    ],
  );
}
