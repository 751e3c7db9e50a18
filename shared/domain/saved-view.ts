import { z } from 'zod';
import { ViewDefinition } from '../query/view-definition.ts';
import { EpochMs, SavedViewId, UserId } from './ids.ts';

/** Most views one person keeps to themselves, and most a team shares: enough for real use, small for every device. */
export const MAX_PERSONAL_VIEWS = 50;
export const MAX_SHARED_VIEWS = 100;

export const SAVED_VIEW_NAME_MAX = 80;

/** A name people pick from a list: one line, no control characters, trimmed. */
export const SavedViewName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(SAVED_VIEW_NAME_MAX, `must be at most ${SAVED_VIEW_NAME_MAX} characters`)
  .regex(/^[^\p{Cc}]*$/u, 'must be one line without control characters');

/**
 * Who sees the view: only its owner, or the whole team. A string rather than a
 * `shared` boolean because IndexedDB cannot index booleans, and the team-wide
 * limit counts shared views through a declared index on every side.
 */
export const SAVED_VIEW_VISIBILITIES = ['personal', 'shared'] as const;
export const SavedViewVisibility = z.enum(SAVED_VIEW_VISIBILITIES);
export type SavedViewVisibility = z.infer<typeof SavedViewVisibility>;

/** Where the view sits in the switcher; fractional, so moving one view between two others is one change. */
export const SavedViewPosition = z.number().min(-1e9).max(1e9);

/** A custom view (filter, sort, grouping) saved under a name, for its owner or for the team. */
export const SavedView = z.object({
  id: SavedViewId,
  name: SavedViewName,
  definition: ViewDefinition,
  ownerId: UserId,
  visibility: SavedViewVisibility,
  position: SavedViewPosition.optional(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type SavedView = z.infer<typeof SavedView>;

/**
 * Every device holds the team's saved views (see shared/sync/entities.ts), but
 * a person sees only their own personal views and the shared ones.
 */
export function isVisibleTo(view: { ownerId: string; visibility: SavedViewVisibility }, userId: string): boolean {
  return view.visibility === 'shared' || view.ownerId === userId;
}

/** Names are compared the way people read them: case and surrounding spaces do not make two different. */
export { sameName as sameViewName } from './names.ts';

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The switcher's order: placed views by position, then the rest; within either, by name, then id (stable everywhere). */
export function compareSavedViews(a: SavedView, b: SavedView): number {
  const placed = (a.position === undefined ? 1 : 0) - (b.position === undefined ? 1 : 0);
  if (placed !== 0) return placed;
  const position = (a.position ?? 0) - (b.position ?? 0);
  if (position !== 0) return position;
  return byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
