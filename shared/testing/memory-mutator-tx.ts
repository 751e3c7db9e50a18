import type { EntityRow, MutableEntityName } from '../sync/entities.ts';
import type { MutatorTx } from '../sync/mutator.ts';

/** A MutatorTx over plain maps, for testing mutators as pure functions. */
export function memoryMutatorTx(): MutatorTx & { rows: Map<string, unknown>; writes: string[] } {
  const rows = new Map<string, unknown>();
  const writes: string[] = [];
  return {
    rows,
    writes,
    get: async <E extends MutableEntityName>(entity: E, id: string) =>
      rows.get(`${entity}/${id}`) as EntityRow<E> | undefined,
    put: async (entity, row) => {
      rows.set(`${entity}/${row.id}`, row);
      writes.push(`${entity}/${row.id}`);
    },
  };
}
