import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  type EntityRow,
  WORKSPACE_ENTITY_NAMES,
  type WorkspaceEntityName,
  entities,
  rootOf,
  windowAtOf,
} from '#shared/sync/entities';
import { indexKeysOf } from '#shared/sync/entity';
import type { Database, Sql } from '../db/database.ts';

/** The window key of rows that never leave the window (active roots, and rows that are not roots). */
export const ALWAYS_IN_WINDOW = Number.MAX_SAFE_INTEGER;

export interface DerivedColumns {
  rootEntity: string | null;
  rootId: string | null;
  windowKey: number;
  indexKeys: string[];
}

/** The columns the server keeps beside a row's data, all computed from its entity's registration. */
export function derivedColumns(entity: WorkspaceEntityName, row: EntityRow<WorkspaceEntityName>): DerivedColumns {
  const root = rootOf(entity, row);
  const indexes = entities[entity].indexes as readonly string[];
  return {
    rootEntity: root?.entity ?? null,
    rootId: root?.id ?? null,
    windowKey: windowAtOf(entity, row) ?? ALWAYS_IN_WINDOW,
    indexKeys: indexes.flatMap((spec) => indexKeysOf(row as Record<string, unknown>, spec)),
  };
}

/**
 * What the derived columns of an entity depend on. The window rule is a
 * function, so its source text stands in for it: editing the rule changes the
 * fingerprint, and every row of that entity is recomputed at the next start.
 */
export function layoutFingerprint(entity: WorkspaceEntityName): { scope: string; indexes: string } {
  const def = entities[entity];
  const scope = { ...def.scope, windowAt: 'windowAt' in def.scope ? String(def.scope.windowAt) : null };
  const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
  return { scope: hash(scope), indexes: hash(def.indexes) };
}

function storedScope(fingerprint: string): string | null {
  const parsed = z.object({ scope: z.string() }).safeParse(JSON.parse(fingerprint));
  return parsed.success ? parsed.data.scope : null;
}

const BATCH = 1_000;
// Any constant works; it only has to be the same for every server instance.
const LAYOUT_LOCK_KEY = 48_70_2027;

/**
 * Brings every row's derived columns in line with the current registrations:
 * on the first start after an upgrade, and whenever a registration changed.
 * A changed window or root rule also starts a new epoch, so every client
 * downloads its window again instead of trusting one computed by the old rule.
 */
export async function refreshDerivedColumns(db: Database): Promise<{ entity: string; rows: number }[]> {
  const refreshed: { entity: string; rows: number }[] = [];
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [LAYOUT_LOCK_KEY]);
    const stored = new Map(
      (await tx.query<{ entity: string; fingerprint: string }>('select entity, fingerprint from sync_layouts')).map(
        (row) => [row.entity, row.fingerprint],
      ),
    );
    let windowRulesChanged = false;
    for (const entity of WORKSPACE_ENTITY_NAMES) {
      const fingerprint = JSON.stringify(layoutFingerprint(entity));
      const previous = stored.get(entity);
      if (previous === fingerprint) continue;
      if (previous !== undefined && storedScope(previous) !== layoutFingerprint(entity).scope) {
        windowRulesChanged = true;
      }
      refreshed.push({ entity, rows: await recomputeEntity(tx, entity) });
      await tx.query(
        'insert into sync_layouts (entity, fingerprint) values ($1, $2) on conflict (entity) do update set fingerprint = excluded.fingerprint',
        [entity, fingerprint],
      );
    }
    if (windowRulesChanged) await tx.query('update workspaces set epoch = gen_random_uuid()::text');
  });
  return refreshed;
}

async function recomputeEntity(tx: Sql, entity: WorkspaceEntityName): Promise<number> {
  const schema = entities[entity].schema;
  let after = { workspace: '', id: '' };
  let count = 0;
  for (;;) {
    const rows = await tx.query<{ workspace_id: string; id: string; data: unknown }>(
      `select workspace_id, id, data from sync_rows
        where entity = $1 and (workspace_id, id) > ($2, $3) order by workspace_id, id limit $4`,
      [entity, after.workspace, after.id, BATCH],
    );
    if (rows.length === 0) return count;
    for (const row of rows) {
      // A stored row that no longer parses keeps its columns; pulls set it aside on the clients.
      const parsed = schema.safeParse(row.data);
      if (!parsed.success) continue;
      const columns = derivedColumns(entity, parsed.data);
      await tx.query(
        `update sync_rows set root_entity = $4, root_id = $5, window_key = $6, index_keys = $7
          where workspace_id = $1 and entity = $2 and id = $3`,
        [row.workspace_id, entity, row.id, columns.rootEntity, columns.rootId, columns.windowKey, columns.indexKeys],
      );
      count++;
    }
    const last = rows.at(-1);
    if (!last) return count;
    after = { workspace: last.workspace_id, id: last.id };
  }
}
