import { type EntityName, type EntityRow, entitySchemas } from '#shared/sync/entities';
import type { Sql } from '../db/database.ts';

/** Reads one live row, validated, or undefined when absent or deleted. */
export async function readRow<E extends EntityName>(
  sql: Sql,
  workspaceId: string,
  entity: E,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<EntityRow<E> | undefined> {
  const [row] = await sql.query<{ data: unknown }>(
    `select data from sync_rows where workspace_id = $1 and entity = $2 and id = $3 and not deleted${options.forUpdate ? ' for update' : ''}`,
    [workspaceId, entity, id],
  );
  return row ? (entitySchemas[entity].parse(row.data) as EntityRow<E>) : undefined;
}

/** Writes a row at `version`, validating it first: a mutator bug must not store a row clients would refuse. */
export async function writeRow<E extends EntityName>(
  sql: Sql,
  workspaceId: string,
  entity: E,
  row: EntityRow<E>,
  version: number,
): Promise<void> {
  const value = entitySchemas[entity].parse(row) as { id: string };
  await sql.query(
    `insert into sync_rows (workspace_id, entity, id, data, version, deleted)
     values ($1, $2, $3, $4::jsonb, $5, false)
     on conflict (workspace_id, entity, id) do update set data = excluded.data, version = excluded.version, deleted = false`,
    [workspaceId, entity, value.id, JSON.stringify(value), version],
  );
}

/** Bumps the workspace version under its row lock: every commit gets a version no later commit can undercut. */
export async function nextWorkspaceVersion(sql: Sql, workspaceId: string): Promise<number> {
  const [row] = await sql.query<{ version: number }>(
    'update workspaces set version = version + 1 where id = $1 returning version',
    [workspaceId],
  );
  if (!row) throw new Error(`Workspace ${workspaceId} does not exist.`);
  return row.version;
}

export const POKE_CHANNEL = 'shiftdesk_poke';

/** Queues a poke; Postgres delivers NOTIFY only when the transaction commits. */
export async function notifyPoke(sql: Sql, workspaceId: string, version: number): Promise<void> {
  await sql.query('select pg_notify($1, $2)', [POKE_CHANNEL, JSON.stringify({ workspaceId, version })]);
}
