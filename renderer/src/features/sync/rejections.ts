import type { MutationRejection } from '#shared/sync/rejection';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';

/** Notices older than this are history, not news. */
const RECENT_MS = 24 * 3_600_000;

/** Changes the server refused in the last day that the agent has not dismissed here, newest first. */
export async function loadRecentRejections(db: ShiftdeskDb, now = Date.now()): Promise<MutationRejection[]> {
  const recent = await db
    .rows('rejection')
    .where('at')
    .above(now - RECENT_MS)
    .reverse()
    .sortBy('at');
  const dismissed = await db.local.dismissals.bulkGet(recent.map((rejection) => rejection.id));
  return recent.filter((_, index) => dismissed[index] === undefined);
}

/** Dismissal is local to this device: the record itself stays. */
export async function dismissRejection(db: ShiftdeskDb, id: string, now = Date.now()): Promise<void> {
  await db.local.dismissals.put({ id, dismissedAt: now });
}
