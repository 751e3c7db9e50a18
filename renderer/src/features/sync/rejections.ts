import type { LocalRejection, ShiftdeskDb } from '../../db/shiftdesk-db.ts';

/** Notices older than this are history, not news. */
const RECENT_MS = 24 * 3_600_000;

/** Changes the server refused in the last day that the agent has not dismissed, newest first. */
export function loadRecentRejections(db: ShiftdeskDb, now = Date.now()): Promise<LocalRejection[]> {
  return db.rejections
    .where('at')
    .above(now - RECENT_MS)
    .filter((rejection) => rejection.dismissedAt === undefined)
    .reverse()
    .sortBy('at');
}

/** Dismissal is local to this device: the record itself stays. */
export async function dismissRejection(db: ShiftdeskDb, id: string, now = Date.now()): Promise<void> {
  await db.rejections.update(id, { dismissedAt: now });
}
