import type { QueryRecord } from './query-record.ts';
import type { ViewContext } from './view-match.ts';
import type { ViewDefinition } from './view-definition.ts';

/**
 * The local query layer's core (BRIEF §4): every list in the app reads
 * through it. It holds the lean QueryRecord of every local ticket and keeps,
 * for each open view, its rows in order and its count, updating them
 * incrementally: a write to one ticket costs O(log n) comparisons and one
 * array move per open view, never a re-read or re-sort of the table.
 *
 * IMPLEMENTATION NOTES (to be replaced by the real implementation):
 * - orderings: one sorted array of all records per sort signature (views that
 *   sort alike share one); a view opened with a new filter is one O(n) pass
 *   over its ordering, never a sort.
 * - big batches (a pull of thousands) are merged, not spliced one by one.
 */

/** The context a view is evaluated in, minus free-text matches (those are per view). */
export type IndexContext = Omit<ViewContext, 'textMatches'>;

/** A view's rows as they are now: read a window of them, find a ticket's position. */
export interface ViewSnapshot {
  readonly key: string;
  readonly length: number;
  /** Bumps whenever rows, order or length change. */
  readonly version: number;
  at: (index: number) => QueryRecord | undefined;
  slice: (start: number, end: number) => QueryRecord[];
  /** Position of a ticket in the view, -1 when it is not in it. O(log n). */
  indexOf: (id: string) => number;
}

export interface QueryIndexApi {
  readonly size: number;
  get: (id: string) => QueryRecord | undefined;
  /** Adds or replaces records (a pull, a local change, the initial load in chunks). */
  upsert: (records: readonly QueryRecord[]) => void;
  remove: (ids: readonly string[]) => void;
  /** Drops everything (a fresh download replaces the local copy). */
  clear: () => void;
  /**
   * Starts maintaining a view under a key (replacing the definition if the key
   * is open already). Text filters need `textMatches` (null: none yet → empty).
   */
  openView: (key: string, view: ViewDefinition, textMatches?: ReadonlySet<string> | null) => ViewSnapshot;
  closeView: (key: string) => void;
  view: (key: string) => ViewSnapshot | undefined;
  /** Replaces the context (another agent signs in, a customer's tier changes, the clock moves on). */
  setContext: (context: Partial<IndexContext>) => void;
  /** Called after each batch of changes with the keys of the views whose rows changed. */
  subscribe: (listener: (changedViews: ReadonlySet<string>) => void) => () => void;
}
