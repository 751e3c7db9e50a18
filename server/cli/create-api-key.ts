import { randomBytes } from 'node:crypto';
import type { ApiKeyScope } from '#shared/api/api-keys';
import { hashApiKeySecret, newApiKeySecret } from '../auth/api-key-secrets.ts';
import type { Sql } from '../db/database.ts';

/** Requests per minute for a key when nobody says otherwise (the intake default). */
export const DEFAULT_KEY_RATE_PER_MINUTE = 120;

/**
 * Writes a new API key and returns its secret, which is stored only as a hash.
 * Used by the temporary `server:apikey` command and by tests; the admin screen
 * and `shiftdesk-server apikey create` will create keys through the admin route.
 */
export async function createApiKey(
  db: Sql,
  workspaceId: string,
  options: { name: string; scopes: readonly ApiKeyScope[]; ratePerMinute?: number },
): Promise<{ id: string; secret: string }> {
  const secret = newApiKeySecret();
  const id = `key_${randomBytes(9).toString('base64url')}`;
  await db.query(
    `insert into api_keys (id, workspace_id, name, scopes, prefix, secret_hash, rate_per_minute)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      id,
      workspaceId,
      options.name,
      [...options.scopes],
      secret.slice(0, 8),
      hashApiKeySecret(secret),
      options.ratePerMinute ?? DEFAULT_KEY_RATE_PER_MINUTE,
    ],
  );
  return { id, secret };
}
