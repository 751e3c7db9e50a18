import { useMemo } from 'react';
import type { SavedView } from '#shared/domain/saved-view';
import { BUILTIN_VIEWS, DEFAULT_VIEW_ID, type ViewSpec } from '#shared/query/builtin-views';
import { savedViewToSpec } from '../views/saved-view-spec.ts';
import { useSavedViews } from '../views/use-saved-views.ts';

export interface QueueViews {
  views: readonly ViewSpec[];
  /** The view for an id; an unknown one (a saved view deleted since) is the default view. */
  resolve: (viewId: string) => ViewSpec;
  /** The saved view behind an id, for editing; undefined for built-in views. */
  saved: (viewId: string) => SavedView | undefined;
}

/** Every view this agent can switch to: the built-in ones, then their saved ones and the team's. */
export function useQueueViews(): QueueViews {
  const savedViews = useSavedViews();
  return useMemo(() => {
    const views = [...BUILTIN_VIEWS, ...(savedViews ?? []).map(savedViewToSpec)];
    const fallback = views.find((view) => view.id === DEFAULT_VIEW_ID) ?? BUILTIN_VIEWS[0]!;
    return {
      views,
      resolve: (viewId) => views.find((view) => view.id === viewId) ?? fallback,
      saved: (viewId) => savedViews?.find((view) => view.id === viewId),
    };
  }, [savedViews]);
}
