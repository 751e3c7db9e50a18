import { createHash, randomBytes } from 'node:crypto';
import { ApiKeyScope } from '#shared/api/api-keys';
import { ApiKeyId, WorkspaceId } from '#shared/domain/ids';
import type { Sql } from '../db/database.ts';
import type { ApiKeyPrincipal } from '../http/principal.ts';

/** Secrets start with this, so they are recognisable in a leak scanner and never mistaken for a session token. */
export const API_KEY_PREFIX = 'sdk_';

/** 256 random bits, base64url: `sdk_…` (47 characters). */
export function newApiKeySecret(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** Keys carry 256 bits of entropy, so a fast hash stores them safely (no password stretching needed). */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function isApiKeySecret(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

interface ApiKeyRow {
  id: string;
  workspace_id: string;
  name: string;
  scopes: string[];
  rate_per_minute: number;
  stale_use: boolean;
}

/** The live (not revoked) key behind a secret, or null. Marks it used at most once a minute. */
export async function findApiKey(sql: Sql, secret: string): Promise<ApiKeyPrincipal | null> {
  const [row] = await sql.query<ApiKeyRow>(
    `select id, workspace_id, name, scopes, rate_per_minute,
            (last_used_at is null or last_used_at < now() - interval '1 minute') as stale_use
       from api_keys where secret_hash = $1 and revoked_at is null`,
    [hashApiKeySecret(secret)],
  );
  if (!row) return null;
  // A write per request would serialize a busy integration on one row; once a minute is precise enough.
  if (row.stale_use) await sql.query('update api_keys set last_used_at = now() where id = $1', [row.id]);
  return {
    kind: 'apiKey',
    id: ApiKeyId.parse(row.id),
    workspaceId: WorkspaceId.parse(row.workspace_id),
    name: row.name,
    // A scope this version does not know (written by a newer one) grants nothing.
    scopes: row.scopes.flatMap((scope) => {
      const parsed = ApiKeyScope.safeParse(scope);
      return parsed.success ? [parsed.data] : [];
    }),
    ratePerMinute: row.rate_per_minute,
  };
}
