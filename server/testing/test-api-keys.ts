import { randomBytes } from 'node:crypto';
import type { ApiKeyScope } from '#shared/api/api-keys';
import { hashApiKeySecret, newApiKeySecret } from '../auth/api-key-secrets.ts';
import type { Sql } from '../db/database.ts';

/** An API key written straight to the database, for tests of routes that take keys; returns its secret. */
export async function insertTestApiKey(
  sql: Sql,
  workspaceId: string,
  scopes: readonly ApiKeyScope[],
  options: { ratePerMinute?: number } = {},
): Promise<{ id: string; secret: string }> {
  const id = `key_test${randomBytes(6).toString('hex')}`;
  const secret = newApiKeySecret();
  await sql.query(
    `insert into api_keys (id, workspace_id, name, scopes, prefix, secret_hash, rate_per_minute)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      id,
      workspaceId,
      `test key (${scopes.join(', ') || 'no scope'})`,
      [...scopes],
      secret.slice(4, 12),
      hashApiKeySecret(secret),
      options.ratePerMinute ?? 10_000,
    ],
  );
  return { id, secret };
}
