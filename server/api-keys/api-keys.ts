import { randomBytes } from 'node:crypto';
import { ApiKeyScope, ApiKeySummary } from '#shared/api/api-keys';
import { type AuditActor, recordAudit } from '../audit.ts';
import { API_KEY_PREFIX, hashApiKeySecret, newApiKeySecret } from '../auth/api-key-secrets.ts';
import type { Database, Sql } from '../db/database.ts';
import { AccountError } from '../accounts/account-errors.ts';

/** Requests per minute a key may make when its creator did not say. */
export const DEFAULT_API_KEY_RATE_PER_MINUTE = 120;
/** Characters of the secret (after `sdk_`) kept in clear, to tell keys apart in lists and logs. */
const PREFIX_LENGTH = 8;

interface ApiKeyRow {
  id: string;
  name: string;
  scopes: string[];
  prefix: string;
  created_at_ms: number;
  created_by: string | null;
  last_used_at_ms: number | null;
  revoked_at_ms: number | null;
  rate_per_minute: number;
}

const KEY_SELECT = `
  select id, name, scopes, prefix, created_by, rate_per_minute,
         floor(extract(epoch from created_at) * 1000)::int8 as created_at_ms,
         floor(extract(epoch from last_used_at) * 1000)::int8 as last_used_at_ms,
         floor(extract(epoch from revoked_at) * 1000)::int8 as revoked_at_ms
    from api_keys
   where workspace_id = $1`;

function toSummary(row: ApiKeyRow): ApiKeySummary {
  return ApiKeySummary.parse({
    id: row.id,
    name: row.name,
    // A scope this version does not know (written by a newer one) is not shown as granted.
    scopes: row.scopes.filter((scope) => ApiKeyScope.safeParse(scope).success),
    prefix: row.prefix,
    createdAt: row.created_at_ms,
    createdBy: row.created_by,
    lastUsedAt: row.last_used_at_ms,
    revokedAt: row.revoked_at_ms,
    ratePerMinute: row.rate_per_minute,
  });
}

async function readKey(sql: Sql, workspaceId: string, id: string): Promise<ApiKeySummary | undefined> {
  const [row] = await sql.query<ApiKeyRow>(`${KEY_SELECT} and id = $2`, [workspaceId, id]);
  return row ? toSummary(row) : undefined;
}

/** Every key of a workspace, newest first, revoked ones included; never a secret (only hashes are stored). */
export async function listApiKeys(sql: Sql, workspaceId: string): Promise<ApiKeySummary[]> {
  const rows = await sql.query<ApiKeyRow>(`${KEY_SELECT} order by created_at desc, id`, [workspaceId]);
  return rows.map(toSummary);
}

/** Creates a key; the secret is returned here only, the database keeps its SHA-256. */
export async function createApiKey(
  db: Database,
  input: {
    workspaceId: string;
    name: string;
    scopes: readonly ApiKeyScope[];
    ratePerMinute?: number;
    actor: AuditActor;
  },
): Promise<{ key: ApiKeySummary; secret: string }> {
  const secret = newApiKeySecret();
  const id = `key_${randomBytes(9).toString('base64url')}`;
  const scopes = [...new Set(input.scopes)];
  const name = input.name.trim();
  const key = await db.transaction(async (tx) => {
    await tx.query(
      `insert into api_keys (id, workspace_id, name, scopes, prefix, secret_hash, rate_per_minute, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        input.workspaceId,
        name,
        scopes,
        secret.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + PREFIX_LENGTH),
        hashApiKeySecret(secret),
        input.ratePerMinute ?? DEFAULT_API_KEY_RATE_PER_MINUTE,
        input.actor.userId,
      ],
    );
    await recordAudit(tx, {
      ...input.actor,
      workspaceId: input.workspaceId,
      action: 'apikey.created',
      detail: { apiKeyId: id, name, scopes },
    });
    return readKey(tx, input.workspaceId, id);
  });
  if (!key) throw new Error(`The API key ${id} vanished while it was being created.`);
  return { key, secret };
}

/**
 * Revokes a key; the next request with it gets 401 (keys are looked up on
 * every request, never cached). Revoking a revoked key changes nothing.
 */
export async function revokeApiKey(
  db: Database,
  input: { workspaceId: string; id: string; actor: AuditActor },
): Promise<ApiKeySummary> {
  const key = await db.transaction(async (tx) => {
    const revoked = await tx.query<{ name: string }>(
      `update api_keys set revoked_at = now()
        where id = $1 and workspace_id = $2 and revoked_at is null returning name`,
      [input.id, input.workspaceId],
    );
    if (revoked[0]) {
      await recordAudit(tx, {
        ...input.actor,
        workspaceId: input.workspaceId,
        action: 'apikey.revoked',
        detail: { apiKeyId: input.id, name: revoked[0].name },
      });
    }
    return readKey(tx, input.workspaceId, input.id);
  });
  if (!key) throw new AccountError('not_found', 'There is no such API key in this team.');
  return key;
}
