import { DEFAULT_SYNC_WINDOW_DAYS } from '#shared/domain/workspace-settings';
import { ROOT_ENTITY_NAMES, childrenOf, type EntityName, windowAtOf, windowIndexOf } from '#shared/sync/entities';
import type { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { shadowKey } from '../db/shiftdesk-db.ts';

const DAY_MS = 86_400_000;
/** A ticket opened from the archive stays this long after it was fetched. */
export const KEEP_FETCHED_MS = DAY_MS;

/**
 * Keeps the device's copy bounded by the team's sync window: roots that left
 * it (finished and unchanged for longer than the window) go, with their
 * children, unless a change to them is still pending or the agent fetched
 * them recently. The server still has them; opening one fetches it again.
 */
export async function evictOutsideWindow(
  db: ShiftdeskDb,
  now: number,
  keepFetchedMs = KEEP_FETCHED_MS,
): Promise<number> {
  const settings = await db.rows('settings').get('settings');
  const cutoff = now - (settings?.syncWindowDays ?? DEFAULT_SYNC_WINDOW_DAYS) * DAY_MS;
  let evicted = 0;
  for (const root of ROOT_ENTITY_NAMES) {
    // Read-only scan first, so the write transaction below stays short.
    const candidates = await db
      .rows(root)
      .where(windowIndexOf(root))
      .below(cutoff)
      .filter((row) => {
        const windowAt = windowAtOf(root, row);
        return windowAt !== null && windowAt < cutoff;
      })
      .primaryKeys();
    if (candidates.length === 0) continue;
    evicted += await db.transaction('rw', db.syncTables(), async () => {
      let count = 0;
      for (const id of candidates) {
        const row = await db.rows(root).get(id);
        const windowAt = row ? windowAtOf(root, row) : null;
        if (!row || windowAt === null || windowAt >= cutoff) continue;
        if (await db.local.shadows.get(shadowKey(root, id))) continue;
        const fetched = await db.local.fetchedRoots.get(shadowKey(root, id));
        if (fetched && now - fetched.fetchedAt < keepFetchedMs) continue;
        // A pending change to any child (a note, say) keeps the whole ticket: find all of them first.
        const children: { entity: EntityName; ids: string[] }[] = [];
        let pending = false;
        for (const child of childrenOf(root)) {
          const childIds = (await db.rows(child.entity).where(child.rootKey).equals(id).primaryKeys()).map(String);
          const shadows = await db.local.shadows.bulkGet(childIds.map((childId) => shadowKey(child.entity, childId)));
          pending ||= shadows.some(Boolean);
          children.push({ entity: child.entity, ids: childIds });
        }
        if (pending) continue;
        for (const child of children) await db.rows(child.entity).bulkDelete(child.ids);
        await db.rows(root).delete(id);
        await db.local.fetchedRoots.delete(shadowKey(root, id));
        count++;
      }
      return count;
    });
  }
  return evicted;
}
