import type { EntityRow, MutableEntityName } from '#shared/sync/entities';
import type { MutatorTx } from '#shared/sync/mutator';
import { type ShiftdeskDb, shadowKey } from '../db/shiftdesk-db.ts';

/**
 * The shared mutators' view of the local database. Before a row is first
 * changed optimistically, its server version is kept as a shadow, so a rebase
 * can put it back if the server decides differently. Call inside a Dexie
 * transaction over `db.syncTables()`.
 */
export function dexieMutatorTx(db: ShiftdeskDb): MutatorTx {
  return {
    get: (entity, id) => db.tableFor(entity).get(id),
    put: async <E extends MutableEntityName>(entity: E, row: EntityRow<E>) => {
      const table = db.tableFor(entity);
      const key = shadowKey(entity, row.id);
      if (!(await db.shadows.get(key))) {
        const serverRow = (await table.get(row.id)) ?? null;
        await db.shadows.put({ key, entity, id: row.id, row: serverRow });
      }
      await table.put(row);
    },
  };
}
