import { useLiveQuery } from 'dexie-react-hooks';
import type { SavedView } from '#shared/domain/saved-view';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { loadSavedViews } from './saved-view-queries.ts';

/**
 * My personal views and the team's shared ones, sorted by position then name,
 * kept live: a teammate's rename or a view saved on another device shows up
 * here as soon as it syncs. Undefined while the first read is under way.
 */
export function useSavedViews(): SavedView[] | undefined {
  const { db, user } = useWorkspace();
  return useLiveQuery(() => loadSavedViews(db, user.id), [db, user.id]);
}
