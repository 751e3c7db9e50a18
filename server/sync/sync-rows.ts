import { WorkspaceSettings, defaultWorkspaceSettings } from '#shared/domain/workspace-settings';
import { type EntityRow, type WorkspaceEntityName, declaredIndex, entitySchema } from '#shared/sync/entities';
import { indexKey } from '#shared/sync/entity';
import type { Sql } from '../db/database.ts';
import { derivedColumns } from './derived-columns.ts';

/**
 * Every synced row of every entity lives in one table (sync_rows): its data is
 * the zod-validated domain object, beside columns derived from the entity's
 * registration. Adding an entity needs no table and no migration.
 */

/** Reads one live row, validated, or undefined when absent or deleted. */
export async function readRow<E extends WorkspaceEntityName>(
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
  return row ? entitySchema(entity).parse(row.data) : undefined;
}

/** Live rows whose declared index `field` holds `value`, ordered by id (answered from the index_keys GIN index). */
export async function listRows<E extends WorkspaceEntityName>(
  sql: Sql,
  workspaceId: string,
  entity: E,
  field: string,
  value: string | number,
): Promise<EntityRow<E>[]> {
  declaredIndex(entity, field);
  const rows = await sql.query<{ data: unknown }>(
    `select data from sync_rows
      where workspace_id = $1 and entity = $2 and index_keys @> array[$3::text] and not deleted
      order by id collate "C"`,
    [workspaceId, entity, indexKey(field, value)],
  );
  return rows.map((row) => entitySchema(entity).parse(row.data));
}

/** Writes a row at `version`, validating it first: a mutator bug must not store a row clients would refuse. */
export async function writeRow<E extends WorkspaceEntityName>(
  sql: Sql,
  workspaceId: string,
  entity: E,
  row: EntityRow<E>,
  version: number,
): Promise<void> {
  const value = entitySchema(entity).parse(row) as EntityRow<E>;
  const columns = derivedColumns(entity, value);
  await sql.query(
    `insert into sync_rows (workspace_id, entity, id, data, version, created_version, deleted, root_entity, root_id, window_key, index_keys)
     values ($1, $2, $3, $4::jsonb, $5, $5, false, $6, $7, $8, $9)
     on conflict (workspace_id, entity, id) do update set
       data = excluded.data, version = excluded.version, deleted = false, root_entity = excluded.root_entity,
       root_id = excluded.root_id, window_key = excluded.window_key, index_keys = excluded.index_keys`,
    [
      workspaceId,
      entity,
      value.id,
      JSON.stringify(value),
      version,
      columns.rootEntity,
      columns.rootId,
      columns.windowKey,
      columns.indexKeys,
    ],
  );
}

/** Deletes a row by leaving a tombstone at `version`, so every client hears of it. Deleting nothing is a no-op. */
export async function deleteRow(
  sql: Sql,
  workspaceId: string,
  entity: WorkspaceEntityName,
  id: string,
  version: number,
): Promise<void> {
  await sql.query(
    'update sync_rows set deleted = true, version = $4 where workspace_id = $1 and entity = $2 and id = $3 and not deleted',
    [workspaceId, entity, id, version],
  );
}

/**
 * Inserts many new rows at once (seeding, imports), with the same validation
 * and derived columns as writeRow. Rows must not exist yet.
 */
export async function insertRows<E extends WorkspaceEntityName>(
  sql: Sql,
  workspaceId: string,
  entity: E,
  rows: readonly EntityRow<E>[],
  version: number,
): Promise<void> {
  if (rows.length === 0) return;
  const schema = entitySchema(entity);
  const values = rows.map((row) => schema.parse(row) as EntityRow<E>);
  const columns = values.map((value) => derivedColumns(entity, value));
  await sql.query(
    `insert into sync_rows (workspace_id, entity, id, data, version, created_version, root_entity, root_id, window_key, index_keys)
     select $1, $2, v.id, v.data, $3, $3, v.root_entity, v.root_id, v.window_key,
            array(select jsonb_array_elements_text(v.index_keys))
       from unnest($4::text[], $5::jsonb[], $6::text[], $7::text[], $8::int8[], $9::jsonb[])
         as v(id, data, root_entity, root_id, window_key, index_keys)`,
    [
      workspaceId,
      entity,
      version,
      values.map((value) => value.id),
      values.map((value) => JSON.stringify(value)),
      columns.map((c) => c.rootEntity) as string[],
      columns.map((c) => c.rootId) as string[],
      columns.map((c) => c.windowKey),
      columns.map((c) => JSON.stringify(c.indexKeys)),
    ],
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

/** The team's settings row (written at workspace creation); defaults if it is missing or damaged. */
export async function readWorkspaceSettings(sql: Sql, workspaceId: string): Promise<WorkspaceSettings> {
  const [row] = await sql.query<{ data: unknown }>(
    "select data from sync_rows where workspace_id = $1 and entity = 'settings' and id = 'settings' and not deleted",
    [workspaceId],
  );
  const parsed = WorkspaceSettings.safeParse(row?.data);
  return parsed.success ? parsed.data : defaultWorkspaceSettings();
}

export const POKE_CHANNEL = 'shiftdesk_poke';

/** Queues a poke; Postgres delivers NOTIFY only when the transaction commits. */
export async function notifyPoke(sql: Sql, workspaceId: string, version: number): Promise<void> {
  await sql.query('select pg_notify($1, $2)', [POKE_CHANNEL, JSON.stringify({ workspaceId, version })]);
}
