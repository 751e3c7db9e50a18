import type { ApiKeyScope } from '#shared/api/api-keys';
import { newApiKeySecret, hashApiKeySecret } from '../auth/api-key-secrets.ts';
import type { Sql } from '../db/database.ts';

/**
 * An API key written straight into the database, for tests and for preparing
 * a server process before it starts (the admin routes that create keys are
 * tested on their own). Returns the id and the secret to send.
 */
export async function createTestApiKey(
  db: Sql,
  workspaceId: string,
  scopes: readonly ApiKeyScope[],
  options: { name?: string; ratePerMinute?: number } = {},
): Promise<{ id: string; secret: string }> {
  const secret = newApiKeySecret();
  const id = `key_${hashApiKeySecret(secret).slice(0, 16)}`;
  await db.query(
    `insert into api_keys (id, workspace_id, name, scopes, prefix, secret_hash, rate_per_minute)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      id,
      workspaceId,
      options.name ?? 'Test key',
      [...scopes],
      secret.slice(0, 8),
      hashApiKeySecret(secret),
      options.ratePerMinute ?? 10_000,
    ],
  );
  return { id, secret };
}
