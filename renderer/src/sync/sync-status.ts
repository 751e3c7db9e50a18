import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PresenceEntry } from '#shared/sync/socket-protocol';
import type { PullProgressEvent } from './sync-core.ts';

export type Connection = 'connecting' | 'online' | 'offline' | 'signed_out';

/**
 * One engine's ephemeral status, for the status bar and the sync panel. Pending
 * counts and the last sync time are not here: they live in IndexedDB and are
 * read with live queries.
 */
export interface SyncStatus {
  /** `follower`: another window of this profile does the syncing; this one reads and writes locally. */
  role: 'starting' | 'leader' | 'follower';
  connection: Connection;
  /** A download under way: the whole window, or a long catch-up. */
  download: PullProgressEvent | null;
  /** What went wrong last, in words for the agent; null when all is well. */
  problem: string | null;
  lastError: { message: string; at: number } | null;
  /** Something the agent should know that outlives the next successful sync. */
  notice: string | null;
}

export function createSyncStatus(): StoreApi<SyncStatus> {
  return createStore<SyncStatus>(() => ({
    role: 'starting',
    connection: 'connecting',
    download: null,
    problem: null,
    lastError: null,
    notice: null,
  }));
}

/** Who is where, as this window last heard from the server. */
export interface PresenceStatus {
  connectionId: string | null;
  entries: PresenceEntry[];
}

export function createPresenceStatus(): StoreApi<PresenceStatus> {
  return createStore<PresenceStatus>(() => ({ connectionId: null, entries: [] }));
}
