import { create } from 'zustand';
import type { PullProgress } from '#shared/sync/protocol';

export type Connection = 'connecting' | 'online' | 'offline' | 'signed_out';

/**
 * Ephemeral sync status for the status bar. Pending count and last-synced time
 * are not here: they live in IndexedDB and are read with live queries.
 */
export interface SyncStatus {
  connection: Connection;
  /** Set while a full-state download is in progress. */
  bootstrap: PullProgress | null;
  /** What went wrong last, in words for the agent; null when all is well. */
  problem: string | null;
  /** Something the agent should know that outlives the next successful sync. */
  notice: string | null;
}

export const useSyncStatus = create<SyncStatus>(() => ({
  connection: 'connecting',
  bootstrap: null,
  problem: null,
  notice: null,
}));

export function setSyncStatus(patch: Partial<SyncStatus>): void {
  useSyncStatus.setState(patch);
}
