import { isEntityName, isRootEntityName } from '#shared/sync/entities';
import type { PutOp, SetAsideRow } from '#shared/sync/protocol';
import type { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { shadowKey } from '../db/shiftdesk-db.ts';
import { peekSyncState } from '../db/sync-state.ts';
import type { ApiClient } from './api-client.ts';

/** Roots per fetch request (the server's limit). */
const FETCH_BATCH = 50;

/**
 * Stores rows fetched outside the sync window. Only rows this device does not
 * hold are written: a row it holds is kept current by sync, and the fetched
 * copy may already be older than what a pull brought meanwhile.
 */
export async function storeFetched(
  db: ShiftdeskDb,
  patch: readonly PutOp[],
  setAside: readonly SetAsideRow[],
  options: { markFetched: boolean; now: number; cookie: string | null },
): Promise<boolean> {
  return db.transaction('rw', db.syncTables(), async () => {
    // A pull landed while the answer was on its way (it may have deleted one of these rows): ask again.
    if ((await peekSyncState(db))?.cookie !== options.cookie) return false;
    for (const op of patch) {
      if (await db.local.shadows.get(shadowKey(op.entity, op.value.id))) continue;
      const table = db.rows(op.entity);
      if (await table.get(op.value.id)) continue;
      await table.put(op.value);
      if (options.markFetched && isRootEntityName(op.entity)) {
        await db.local.fetchedRoots.put({
          key: shadowKey(op.entity, op.value.id),
          entity: op.entity,
          id: op.value.id,
          fetchedAt: options.now,
        });
      }
    }
    if (setAside.length > 0) {
      await db.local.setAside.bulkPut(
        setAside.map((row) => ({ key: `${row.entity}/${row.id}`, ...row, at: options.now, reported: false })),
      );
    }
    return true;
  });
}

/**
 * Fetches roots (with their children) this device lacks: tickets opened by
 * link or from the archive search (`markFetched`: kept a day, then evicted),
 * and the history of tickets that came back into the window. Returns the ones
 * the server does not have.
 */
export async function fetchRoots(
  db: ShiftdeskDb,
  api: ApiClient,
  roots: readonly { entity: string; id: string }[],
  options: { markFetched: boolean; now?: () => number },
): Promise<{ entity: string; id: string }[]> {
  const missing: { entity: string; id: string }[] = [];
  for (let start = 0; start < roots.length; start += FETCH_BATCH) {
    const batch = roots.slice(start, start + FETCH_BATCH);
    for (let attempt = 0; ; attempt++) {
      const cookie = (await peekSyncState(db))?.cookie ?? null;
      const response = await api.fetchRoots({ roots: batch });
      const stored = await storeFetched(db, response.patch, response.setAside, {
        markFetched: options.markFetched,
        now: options.now?.() ?? Date.now(),
        cookie,
      });
      if (stored) {
        missing.push(...response.missing);
        break;
      }
      // Still racing pulls after a few tries: give up for now (queued fetches stay queued and retry).
      if (attempt >= 3) throw new Error('The queue kept changing while an older ticket was fetched; try again.');
    }
  }
  return missing;
}

/** Whether a root is on this device now (in the window, or fetched earlier). */
export async function holdsRoot(db: ShiftdeskDb, entity: string, id: string): Promise<boolean> {
  return isEntityName(entity) ? (await db.rows(entity).get(id)) !== undefined : false;
}
