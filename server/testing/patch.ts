import type { EntityName, EntityRow } from '#shared/sync/entities';
import type { PatchOp } from '#shared/sync/protocol';

/** The rows of one entity a patch puts, typed. */
export function putsOf<E extends EntityName>(patch: readonly PatchOp[], entity: E): EntityRow<E>[] {
  return patch.flatMap((op) => (op.op === 'put' && op.entity === entity ? [op.value as EntityRow<E>] : []));
}
