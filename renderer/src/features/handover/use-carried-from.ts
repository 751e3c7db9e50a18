import { useLiveQuery } from 'dexie-react-hooks';
import type { Handover } from '#shared/domain/handover';
import { useWorkspace } from '../../app/workspace-context.tsx';

/** Who wrote each handover the items were carried from (by handover id), for "Carried from Sam's handover". */
export function useCarriedFrom(handover: Handover | undefined | null): ReadonlyMap<string, string> {
  const { db } = useWorkspace();
  const ids = [
    ...new Set((handover?.items ?? []).flatMap((item) => (item.carried ? [item.carried.fromHandoverId] : []))),
  ].sort();
  const key = ids.join('|');
  return (
    useLiveQuery(
      async () => {
        const rows = await db.rows('handover').bulkGet(ids);
        return new Map(rows.flatMap((row) => (row ? [[row.id, row.fromUserId] as const] : [])));
      },
      // The ids, not the array: a new array each render must not read again.
      [db, key],
    ) ?? new Map<string, string>()
  );
}
