import { useLiveQuery } from 'dexie-react-hooks';
import { useWorkspace } from '../../app/workspace-context.tsx';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';

/**
 * Device-local marks in the `meta` table (they never sync: having read the
 * list on the desk does not mean having read it on the laptop):
 * - seen up to: notifications after it are unread (the bell's count);
 * - notified up to: notifications after it have not gone to the shell yet.
 */
const SEEN_KEY = 'escalation-notifications:seen-up-to';
const NOTIFIED_KEY = 'escalation-notifications:notified-up-to';

async function readMark(db: ShiftdeskDb, key: string): Promise<number | undefined> {
  const value = (await db.local.meta.get(key))?.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Seen up to when, live; 0 (everything unread) on a device that never opened the list, undefined while read. */
export function useSeenUpTo(): number | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => (await readMark(db, SEEN_KEY)) ?? 0, [db]);
}

/** Moves the mark forward only: two windows reading at once never make old news unread again. */
export async function markSeenUpTo(db: ShiftdeskDb, at: number): Promise<void> {
  await db.transaction('rw', db.local.meta, async () => {
    if (at > ((await readMark(db, SEEN_KEY)) ?? 0)) await db.local.meta.put({ key: SEEN_KEY, value: at });
  });
}

export function readNotifiedUpTo(db: ShiftdeskDb): Promise<number | undefined> {
  return readMark(db, NOTIFIED_KEY);
}

export async function writeNotifiedUpTo(db: ShiftdeskDb, at: number): Promise<void> {
  await db.local.meta.put({ key: NOTIFIED_KEY, value: at });
}
