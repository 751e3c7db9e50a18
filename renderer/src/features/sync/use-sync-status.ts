import { useLiveQuery } from 'dexie-react-hooks';
import { useStore } from 'zustand';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { peekSyncState } from '../../db/sync-state.ts';
import type { SyncStatus } from '../../sync/sync-status.ts';

/** The engine's live status (connection, download, last problem). */
export function useSyncStatus<T>(select: (status: SyncStatus) => T): T {
  return useStore(useWorkspace().sync.status, select);
}

export interface PendingChanges {
  /** Made on this device, not yet confirmed. */
  own: number;
  /** Imported from another device's export, not yet confirmed. */
  imported: number;
}

/** What waits on this device, from IndexedDB (every window of the profile sees the same). */
export function usePendingChanges(): PendingChanges | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(
    async () => ({
      own: await db.local.outbox.count(),
      imported: await db.local.importedOutbox.filter((entry) => entry.confirmedAt === null).count(),
    }),
    [db],
  );
}

/** The sync bookkeeping record (cookie, last sync), or null before the first start. */
export function useSyncState() {
  const { db } = useWorkspace();
  return useLiveQuery(() => peekSyncState(db), [db]);
}
