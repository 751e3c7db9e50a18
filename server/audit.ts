import type { AuditAction } from '#shared/api/audit';
import type { Sql } from './db/database.ts';

/** Who did something: a person, an API key, or the server's command line (all null). */
export interface AuditActor {
  userId: string | null;
  apiKeyId?: string | null;
  /** The address the request came from, when there was a request. */
  ip?: string | null;
}

export interface AuditEntry extends AuditActor {
  workspaceId: string | null;
  action: AuditAction;
  detail: Record<string, unknown>;
}

/**
 * Appends to the audit log (append-only: the database refuses updates, deletes
 * and truncation). Call it inside the transaction of the change it records, so
 * a change and its entry commit or vanish together.
 */
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
