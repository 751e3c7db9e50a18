import {
  declaredIndex,
  entitySchema,
  type EntityRow,
  type MutableEntityName,
  type WorkspaceEntityName,
} from '#shared/sync/entities';
import { indexField } from '#shared/sync/entity';
import type { MutatorTx } from '#shared/sync/mutator';
import { type ShiftdeskDb, shadowKey } from '../db/shiftdesk-db.ts';

/**
 * The shared mutators' view of the local database. Before a row is first
 * changed optimistically, its server version is kept as a shadow, so a rebase
 * can put it back if the server decides differently. Like the server, it
 * validates what it stores. Call inside a Dexie transaction over `db.syncTables()`.
 */
export function dexieMutatorTx(db: ShiftdeskDb): MutatorTx {
  const keepShadow = async (entity: MutableEntityName, id: string) => {
    const key = shadowKey(entity, id);
    if (await db.local.shadows.get(key)) return;
    const serverRow = (await db.rows(entity).get(id)) ?? null;
    await db.local.shadows.put({ key, entity, id, row: serverRow });
  };
  return {
    get: (entity, id) => db.rows(entity).get(id),
    put: async <E extends MutableEntityName>(entity: E, row: EntityRow<E>) => {
      const value = entitySchema(entity).parse(row);
      await keepShadow(entity, value.id);
      await db.rows(entity).put(value);
    },
    delete: async (entity, id) => {
      if (!(await db.rows(entity).get(id))) return;
      await keepShadow(entity, id);
      await db.rows(entity).delete(id);
    },
    list: async <E extends WorkspaceEntityName>(entity: E, field: string, value: string | number) => {
      indexField(declaredIndex(entity, field));
      const rows = await db.rows(entity).where(field).equals(value).toArray();
      // A multi-entry index lists a row once per matching element; ids are unique per row.
      const unique = new Map(rows.map((row) => [row.id, row]));
      return [...unique.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
}
