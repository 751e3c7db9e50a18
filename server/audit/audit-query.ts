import { AUDIT_ACTIONS, AuditEntry, type AuditPage, type AuditQuery } from '#shared/api/audit';
import type { z } from 'zod';
import type { Sql } from '../db/database.ts';

interface AuditRow {
  id: number;
  at_ms: number;
  action: string;
  user_id: string | null;
  api_key_id: string | null;
  ip: string | null;
  detail: Record<string, unknown> | null;
}

/**
 * Before ticket changes were audited as `ticket.changed`, they were written as
 * `mutation.<name>` (and `mutation.rejected`). The log is append-only, so
 * those rows stay as they are and are read as what they mean.
 */
const LEGACY_MUTATION = 'mutation.';

function toEntry(row: AuditRow): AuditEntry {
  const detail = row.detail ?? {};
  const legacy = row.action.startsWith(LEGACY_MUTATION);
  const legacyName = row.action.slice(LEGACY_MUTATION.length);
  return AuditEntry.parse({
    id: row.id,
    at: row.at_ms,
    action: legacy ? 'ticket.changed' : row.action,
    userId: row.user_id,
    apiKeyId: row.api_key_id,
    ip: row.ip,
    detail: legacy
      ? { name: legacyName === 'rejected' ? detail.name : legacyName, ...detail, outcome: legacyOutcome(legacyName) }
      : detail,
  });
}

function legacyOutcome(name: string): 'applied' | 'refused' {
  return name === 'rejected' ? 'refused' : 'applied';
}

/**
 * One page of a workspace's audit log, newest first. `userId` matches entries
 * by that person and entries about them (`detail.targetUserId`): "everything
 * concerning Sam". `from`/`to` are inclusive epoch milliseconds. Entries with an
 * action this version does not know (written by a newer one) are left out.
 * Failed sign-ins for emails with no account belong to no team and are not shown.
 */
export async function queryAuditLog(
  sql: Sql,
  workspaceId: string,
  query: z.output<typeof AuditQuery>,
): Promise<AuditPage> {
  const rows = await sql.query<AuditRow>(
    `select id, floor(extract(epoch from at) * 1000)::int8 as at_ms, action, user_id, api_key_id, ip, detail
       from audit_log
      where workspace_id = $1
        and (action = any($2::text[]) or action like 'mutation.%')
        and ($3::text is null or action = $3 or ($3 = 'ticket.changed' and action like 'mutation.%'))
        and ($4::text is null or user_id = $4 or detail->>'targetUserId' = $4)
        and ($5::float8 is null or at >= to_timestamp($5 / 1000.0))
        and ($6::float8 is null or at < to_timestamp(($6 + 1) / 1000.0))
        and ($7::int8 is null or id < $7)
      order by id desc
      limit $8`,
    [
      workspaceId,
      AUDIT_ACTIONS,
      query.action ?? null,
      query.userId ?? null,
      query.from ?? null,
      query.to ?? null,
      query.before ?? null,
      query.limit + 1,
    ],
  );
  const page = rows.slice(0, query.limit).map(toEntry);
  const more = rows.length > query.limit;
  return { entries: page, nextBefore: more ? (page.at(-1)?.id ?? null) : null };
}
