import type { MutatorTx } from '#shared/sync/mutator';
import type { Sql } from '../db/database.ts';
import { deleteRow, listRows, readRow, writeRow } from './sync-rows.ts';

/** The shared mutators' view of the database inside one push transaction. */
export function serverMutatorTx(sql: Sql, workspaceId: string, version: number): MutatorTx {
  return {
    get: (entity, id) => readRow(sql, workspaceId, entity, id, { forUpdate: true }),
    put: (entity, row) => writeRow(sql, workspaceId, entity, row, version),
    delete: (entity, id) => deleteRow(sql, workspaceId, entity, id, version),
    list: (entity, field, value) => listRows(sql, workspaceId, entity, field, value),
  };
}
