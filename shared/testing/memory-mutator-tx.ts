import { declaredIndex, entitySchema, type EntityRow, type WorkspaceEntityName } from '../sync/entities.ts';
import { indexKey, indexKeysOf } from '../sync/entity.ts';
import type { MutatorTx } from '../sync/mutator.ts';

export type MemoryMutatorTx = MutatorTx & {
  /** `entity/id` → row. */
  rows: Map<string, unknown>;
  /** `entity/id` of every put and `-entity/id` of every delete, in order. */
  writes: string[];
};

/**
 * A MutatorTx over plain maps: the reference implementation the conformance
 * suite holds the Dexie and SQL ones to. Like them, it validates what it stores.
 */
export function memoryMutatorTx(
  initial: Iterable<readonly [WorkspaceEntityName, { id: string }]> = [],
): MemoryMutatorTx {
  const rows = new Map<string, unknown>();
  for (const [entity, row] of initial) rows.set(`${entity}/${row.id}`, entitySchema(entity).parse(row));
  const writes: string[] = [];
  return {
    rows,
    writes,
    get: async <E extends WorkspaceEntityName>(entity: E, id: string) =>
      rows.get(`${entity}/${id}`) as EntityRow<E> | undefined,
    put: async (entity, row) => {
      rows.set(`${entity}/${row.id}`, entitySchema(entity).parse(row));
      writes.push(`${entity}/${row.id}`);
    },
    delete: async (entity, id) => {
      rows.delete(`${entity}/${id}`);
      writes.push(`-${entity}/${id}`);
    },
    list: async <E extends WorkspaceEntityName>(entity: E, field: string, value: string | number) => {
      const spec = declaredIndex(entity, field);
      const wanted = indexKey(field, value);
      const found: EntityRow<E>[] = [];
      for (const [key, row] of rows) {
        if (!key.startsWith(`${entity}/`)) continue;
        if (indexKeysOf(row as Record<string, unknown>, spec).includes(wanted)) found.push(row as EntityRow<E>);
      }
      return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
}
