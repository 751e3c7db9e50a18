import type { SessionUser } from '#shared/api/auth';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/errors.ts';

/**
 * A client group (one local database) belongs to the user who first synced it.
 * Nobody else may push into it or read its rejections.
 */
export async function claimClientGroup(sql: Sql, clientGroupId: string, user: SessionUser): Promise<void> {
  await sql.query(
    'insert into client_groups (id, user_id, workspace_id) values ($1, $2, $3) on conflict (id) do nothing',
    [clientGroupId, user.id, user.workspaceId],
  );
  const [owner] = await sql.query<{ user_id: string }>('select user_id from client_groups where id = $1', [
    clientGroupId,
  ]);
  if (owner?.user_id !== user.id) {
    throw new HttpError(403, 'client_group_forbidden', 'This device’s sync identity belongs to another account.');
  }
}

function clientForbidden(): HttpError {
  return new HttpError(403, 'client_forbidden', 'This client id belongs to another client group.');
}

/** Locks the client's row for this push (creating it at 0) and returns its last processed mutation id. */
export async function lockClient(sql: Sql, clientId: string, clientGroupId: string): Promise<number> {
  await sql.query('insert into clients (id, client_group_id) values ($1, $2) on conflict (id) do nothing', [
    clientId,
    clientGroupId,
  ]);
  const [row] = await sql.query<{ client_group_id: string; last_mutation_id: number }>(
    'select client_group_id, last_mutation_id from clients where id = $1 for update',
    [clientId],
  );
  if (!row || row.client_group_id !== clientGroupId) throw clientForbidden();
  return row.last_mutation_id;
}

/**
 * The last processed mutation id of a client in this group, 0 if the server has
 * never seen it. Read-only; a client of another group is refused, so nobody
 * learns anything about another device.
 */
export async function lastMutationIdOf(sql: Sql, clientId: string, clientGroupId: string): Promise<number> {
  const [row] = await sql.query<{ client_group_id: string; last_mutation_id: number }>(
    'select client_group_id, last_mutation_id from clients where id = $1',
    [clientId],
  );
  if (!row) return 0;
  if (row.client_group_id !== clientGroupId) throw clientForbidden();
  return row.last_mutation_id;
}
