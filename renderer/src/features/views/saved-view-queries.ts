import { type SavedView, compareSavedViews, isVisibleTo } from '#shared/domain/saved-view';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';

/**
 * The saved views one person sees, in switcher order: their own (personal and
 * shared) and every shared one. Two index reads, not the table: the device
 * also holds teammates' personal views, which are not theirs to see.
 */
export async function loadSavedViews(db: ShiftdeskDb, userId: string): Promise<SavedView[]> {
  const [own, shared] = await Promise.all([
    db.rows('savedView').where('ownerId').equals(userId).toArray(),
    db.rows('savedView').where('visibility').equals('shared').toArray(),
  ]);
  const byId = new Map([...own, ...shared].filter((view) => isVisibleTo(view, userId)).map((view) => [view.id, view]));
  return [...byId.values()].sort(compareSavedViews);
}
