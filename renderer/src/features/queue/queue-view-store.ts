import { create } from 'zustand';
import { DEFAULT_VIEW_ID } from '#shared/query/builtin-views';
import { NO_REFINEMENT, type ViewRefinement } from '#shared/query/refine-view';
import type { ViewFilter, ViewSort } from '#shared/query/view-definition';

export type Density = 'comfortable' | 'compact';

const DENSITY_KEY = 'shiftdesk:density';

function storedDensity(): Density {
  try {
    return globalThis.localStorage?.getItem(DENSITY_KEY) === 'compact' ? 'compact' : 'comfortable';
  } catch {
    return 'comfortable';
  }
}

/**
 * How the agent is looking at the queue right now: which view, what they
 * refined on top of it, what they searched for, and what they selected. Ephemeral
 * UI state: the rows themselves stay in IndexedDB and the query layer.
 */
export interface QueueViewState {
  viewId: string;
  refinement: ViewRefinement;
  /** The search box's text; an empty string is no search. */
  search: string;
  /** Tickets picked with x / shift+x for a bulk action. */
  selection: ReadonlySet<string>;
  /** Where the last x was pressed: shift+x selects from here to the cursor. */
  anchorId: string | null;
  density: Density;
  /** The filter bar is out of the way until asked for (f); the list gets the room. */
  filtersOpen: boolean;
  showView: (viewId: string) => void;
  refine: (key: keyof ViewFilter, value: ViewFilter[keyof ViewFilter] | undefined) => void;
  sortBy: (sort: ViewSort | null) => void;
  clearRefinement: () => void;
  setSearch: (text: string) => void;
  setSelection: (ids: ReadonlySet<string>, anchorId: string | null) => void;
  clearSelection: () => void;
  setDensity: (density: Density) => void;
  setFiltersOpen: (open: boolean) => void;
}

export const useQueueViewStore = create<QueueViewState>((set) => ({
  viewId: DEFAULT_VIEW_ID,
  refinement: NO_REFINEMENT,
  search: '',
  selection: new Set(),
  anchorId: null,
  density: storedDensity(),
  filtersOpen: false,
  // Another view starts clean: refinements and a selection belong to the list they were made on.
  showView: (viewId) => set({ viewId, refinement: NO_REFINEMENT, search: '', selection: new Set(), anchorId: null }),
  refine: (key, value) =>
    set((s) => ({ refinement: { ...s.refinement, filter: { ...s.refinement.filter, [key]: value } } })),
  sortBy: (sort) => set((s) => ({ refinement: { ...s.refinement, sort } })),
  clearRefinement: () => set({ refinement: NO_REFINEMENT }),
  setSearch: (search) => set({ search }),
  setSelection: (selection, anchorId) => set({ selection, anchorId }),
  clearSelection: () => set({ selection: new Set(), anchorId: null }),
  setFiltersOpen: (filtersOpen) => set({ filtersOpen }),
  setDensity: (density) => {
    try {
      globalThis.localStorage?.setItem(DENSITY_KEY, density);
    } catch {
      // A device that cannot store preferences still switches for this session.
    }
    set({ density });
  },
}));
