import type { ApiKeyScope } from '#shared/api/api-keys';
import { createApiKey } from '../cli/create-api-key.ts';
import type { Sql } from '../db/database.ts';

/**
 * An API key written straight into the database, for tests and for preparing
 * a server process before it starts (the admin routes that create keys are
 * tested on their own). Returns the id and the secret to send.
 */
export function createTestApiKey(
  db: Sql,
  workspaceId: string,
  scopes: readonly ApiKeyScope[],
  options: { name?: string; ratePerMinute?: number } = {},
): Promise<{ id: string; secret: string }> {
  return createApiKey(db, workspaceId, {
    name: options.name ?? 'Test key',
    scopes,
    ratePerMinute: options.ratePerMinute ?? 10_000,
  });
}
