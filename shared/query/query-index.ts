import type { QueryRecord } from './query-record.ts';
import { type ViewContext, dependsOnClock, matchesFilter } from './view-match.ts';
import { type RecordComparator, compareBy, effectiveSort, sortRecords, sortSignature } from './view-sort.ts';
import type { SortKey, ViewDefinition, ViewFilter, ViewSort } from './view-definition.ts';
import {
  indexOfSorted,
  insertSorted,
  mergeSortedInto,
  removeSorted,
  removeAllSorted,
  replaceSorted,
} from './sorted-array.ts';

/**
 * The local query layer's core (BRIEF §4): every list in the app reads
 * through it. It holds the lean QueryRecord of every local ticket and keeps,
 * for each open view, its rows in order and its count, updating them
 * incrementally: a write to one ticket costs O(log n) comparisons and one
 * array move per ordering and open view, never a re-read or re-sort of the table.
 *
 * What it keeps:
 * - every record by id;
 * - orderings: all records sorted one way, one per sort signature. `compareBy`
 *   breaks ties by id in the last key's direction, so a sort with every
 *   direction flipped is exactly the reverse order: sorts are normalised to
 *   start ascending and the flipped ones read their ordering backwards. An
 *   ordering is built (one sort) the first time a view or `prepareOrdering`
 *   needs it and is maintained from then on;
 * - per open view, its matching rows in its own order. Opening one is a single
 *   filtered pass over its ordering; a text view whose matches are few sorts
 *   just those instead.
 *
 * Writes: one record is a binary-search remove of the old version and insert
 * of the new one (usually an in-place swap, since most edits keep the order)
 * in each ordering and in each view it was or is in. A batch bigger than
 * `mergeThreshold` is sorted once per sort and, per array, its places are
 * found by binary search and the rows between them shift as blocks, one pass
 * to drop the old versions and one to merge the new: O(k log n) comparisons
 * and O(n) moves per array rather than k splices of O(n). Rows are never
 * compared in a pass: at 100k scattered records, reading each one is what
 * costs, not moving pointers.
 *
 * Records are values: a record given to `upsert` must not be changed
 * afterwards (pass a new object). Positions are found by comparing the record
 * the index holds, so one changed in place could no longer be found.
 */

/** The context a view is evaluated in, minus free-text matches (those are per view). */
export type IndexContext = Omit<ViewContext, 'textMatches'>;

/**
 * A view's rows: read a window of them, find a ticket's position. A new
 * snapshot object stands for each version; its reads are of the view's rows as
 * they are now (they are maintained in place, copying them per write would
 * cost O(n)), so a snapshot held past a change reads the newer rows.
 */
export interface ViewSnapshot {
  readonly key: string;
  readonly length: number;
  /** Bumps whenever the rows change: which, their order, or a row's record. */
  readonly version: number;
  at: (index: number) => QueryRecord | undefined;
  slice: (start: number, end: number) => QueryRecord[];
  /** Position of a ticket in the view, -1 when it is not in it. O(log n). */
  indexOf: (id: string) => number;
}

export interface QueryIndexApi {
  readonly size: number;
  get: (id: string) => QueryRecord | undefined;
  /** Every record, in no particular order (a rare full pass, e.g. re-deriving fields when the SLA config changes). */
  all: () => IterableIterator<QueryRecord>;
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
  /**
   * Builds the ordering for a sort now (one O(n log n) sort) and keeps it for
   * good, so opening a view that sorts so later is one O(n) pass. For a grouped
   * view pass `effectiveSort(view)`. A sort and its full reverse share one.
   */
  prepareOrdering: (sort: ViewSort) => void;
  /** Replaces the context (another agent signs in, a customer's tier changes, the clock moves on). */
  setContext: (context: Partial<IndexContext>) => void;
  /**
   * Called once after each batch that changed anything (records, context, an
   * opened view) with the keys of the views whose rows changed: a view the
   * batch did not touch is not listed, and the set may be empty.
   */
  subscribe: (listener: (changedViews: ReadonlySet<string>) => void) => () => void;
}

/**
 * Batches bigger than this are merged rather than spliced record by record.
 * Both find places by binary search; they differ in moves. A splice is a native
 * memmove of the array's tail (~10–20 µs at 100k), a merge shifts every row
 * past the first place once in a JS loop (~1–2 ms at 100k): merging wins from
 * about 10–16 records, at 10k as at 100k since both costs scale with n
 * (bench/micro/query-index.ts prints the crossover).
 */
export const DEFAULT_MERGE_THRESHOLD = 16;

/**
 * Orderings no open view reads are kept this many at a time (least recently
 * used go first): switching back to a recent sort stays one pass, while a
 * user trying many sorts does not leave orderings behind that every write
 * would keep paying for. Prepared orderings are always kept.
 */
export const DEFAULT_IDLE_ORDERINGS = 2;

export interface QueryIndexOptions {
  /** Defaults: nobody signed in, the clock at construction, no tiers known. */
  context?: Partial<IndexContext>;
  mergeThreshold?: number;
  idleOrderings?: number;
}

/** All records in one normalised order (first key ascending). */
interface Ordering {
  readonly compare: RecordComparator;
  rows: QueryRecord[];
  /** Open views reading it; it is idle at 0. */
  users: number;
  pinned: boolean;
  lastUsed: number;
}

interface OpenView {
  readonly key: string;
  definition: ViewDefinition;
  textMatches: ReadonlySet<string> | null;
  /** The shared context plus this view's text matches. */
  context: ViewContext;
  /** The effective sort's comparator: the order of `rows`. */
  compare: RecordComparator;
  /** Signature of the normalised sort, i.e. of the ordering serving this view. */
  signature: string;
  normalisedSort: ViewSort;
  /** The view reads its ordering backwards. */
  reversed: boolean;
  /** The ordering it reads when evaluated from scratch; a text view with few matches needs none. */
  ordering: Ordering | null;
  rows: QueryRecord[];
  version: number;
  snapshot: ViewSnapshot | null;
}

const flip = (key: SortKey): SortKey => ({ field: key.field, direction: key.direction === 'asc' ? 'desc' : 'asc' });

/** A sort starting descending is the exact reverse of its flip, which starts ascending. */
function normalise(sort: ViewSort): { sort: ViewSort; reversed: boolean } {
  if (sort[0]?.direction !== 'desc') return { sort, reversed: false };
  return { sort: sort.map(flip), reversed: true };
}

function dependsOnMe(filter: ViewFilter): boolean {
  return filter.assignee?.kind === 'me' || filter.assignee?.kind === 'meOrUnassigned';
}

function sameRows(a: readonly QueryRecord[], b: readonly QueryRecord[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function lostRecord(id: string): Error {
  // Only reachable when a record was changed in place after upsert (or a bug here):
  // continuing would leave rows out of order, so say so loudly.
  return new Error(`QueryIndex: record ${id} is not where its order says; records must not be mutated after upsert`);
}

export class QueryIndex implements QueryIndexApi {
  private readonly records = new Map<string, QueryRecord>();
  private readonly orderings = new Map<string, Ordering>();
  private readonly views = new Map<string, OpenView>();
  private readonly listeners = new Set<(changedViews: ReadonlySet<string>) => void>();
  private context: IndexContext;
  private readonly mergeThreshold: number;
  private readonly idleOrderings: number;
  /** One counter for every view, so a key closed and opened again never repeats a version. */
  private versions = 0;
  private uses = 0;

  constructor(options: QueryIndexOptions = {}) {
    this.context = { me: null, now: Date.now(), tierOf: () => undefined, ...definedOnly(options.context ?? {}) };
    this.mergeThreshold = options.mergeThreshold ?? DEFAULT_MERGE_THRESHOLD;
    this.idleOrderings = options.idleOrderings ?? DEFAULT_IDLE_ORDERINGS;
  }

  get size(): number {
    return this.records.size;
  }

  /** How many orderings are maintained (each costs O(log n) per write); for tests and diagnostics. */
  get orderingCount(): number {
    return this.orderings.size;
  }

  get = (id: string): QueryRecord | undefined => this.records.get(id);

  all = (): IterableIterator<QueryRecord> => this.records.values();

  upsert = (records: readonly QueryRecord[]): void => {
    if (records.length === 0) return;
    const changed = new Set<string>();
    const wrote =
      records.length > this.mergeThreshold ? this.mergeUpsert(records, changed) : this.spliceUpsert(records, changed);
    if (wrote) this.notify(changed);
  };

  remove = (ids: readonly string[]): void => {
    const gone: QueryRecord[] = [];
    for (const id of ids) {
      const record = this.records.get(id);
      if (record === undefined) continue;
      this.records.delete(id);
      gone.push(record);
    }
    if (gone.length === 0) return;
    const changed = new Set<string>();
    if (gone.length > this.mergeThreshold) {
      for (const ordering of this.orderings.values()) {
        const lost = removeAllSorted(ordering.rows, gone, ordering.compare);
        if (lost) throw lostRecord(lost.id);
      }
      for (const view of this.views.values()) {
        const shown = gone.filter((record) => this.matches(view, record));
        if (shown.length === 0) continue;
        const lost = removeAllSorted(view.rows, shown, view.compare);
        if (lost) throw lostRecord(lost.id);
        this.markChanged(view, changed);
      }
    } else {
      for (const record of gone) {
        for (const ordering of this.orderings.values()) {
          if (removeSorted(ordering.rows, record, ordering.compare) < 0) throw lostRecord(record.id);
        }
        for (const view of this.views.values()) {
          if (!this.matches(view, record)) continue;
          if (removeSorted(view.rows, record, view.compare) < 0) throw lostRecord(record.id);
          this.markChanged(view, changed);
        }
      }
    }
    this.notify(changed);
  };

  clear = (): void => {
    if (this.records.size === 0) return;
    this.records.clear();
    for (const ordering of this.orderings.values()) ordering.rows.length = 0;
    const changed = new Set<string>();
    for (const view of this.views.values()) {
      if (view.rows.length === 0) continue;
      view.rows.length = 0;
      this.markChanged(view, changed);
    }
    this.notify(changed);
  };

  openView = (
    key: string,
    definition: ViewDefinition,
    textMatches: ReadonlySet<string> | null = null,
  ): ViewSnapshot => {
    const effective = effectiveSort(definition);
    const { sort: normalisedSort, reversed } = normalise(effective);
    const signature = sortSignature(normalisedSort);
    const previous = this.views.get(key);
    // Acquire before releasing the previous one, so reopening with the same sort never drops its ordering.
    const ordering = definition.filter.text === undefined ? this.acquireOrdering(signature, normalisedSort) : null;
    const fields = {
      definition,
      textMatches,
      context: { ...this.context, textMatches },
      compare: compareBy(effective),
      signature,
      normalisedSort,
      reversed,
      ordering,
    };
    let view: OpenView;
    let changed: boolean;
    if (previous) {
      // Reuse the record so snapshots handed out for this key keep reading it.
      if (previous.ordering) this.releaseOrdering(previous.ordering);
      Object.assign(previous, fields);
      view = previous;
      const rows = this.evaluate(view);
      changed = !sameRows(rows, view.rows);
      view.rows = rows;
    } else {
      view = { key, ...fields, rows: [], version: 0, snapshot: null };
      view.rows = this.evaluate(view);
      this.views.set(key, view);
      changed = true;
    }
    const changedViews = new Set<string>();
    if (changed) this.markChanged(view, changedViews);
    this.trimIdleOrderings();
    this.notify(changedViews);
    return this.snapshotOf(view);
  };

  closeView = (key: string): void => {
    const view = this.views.get(key);
    if (!view) return;
    this.views.delete(key);
    if (view.ordering) this.releaseOrdering(view.ordering);
    view.ordering = null;
    this.trimIdleOrderings();
  };

  view = (key: string): ViewSnapshot | undefined => {
    const view = this.views.get(key);
    return view && this.snapshotOf(view);
  };

  prepareOrdering = (sort: ViewSort): void => {
    const normalised = normalise(sort).sort;
    const ordering = this.orderingFor(sortSignature(normalised), normalised);
    ordering.pinned = true;
  };

  setContext = (partial: Partial<IndexContext>): void => {
    const next: IndexContext = { ...this.context, ...definedOnly(partial) };
    const meChanged = next.me !== this.context.me;
    const nowChanged = next.now !== this.context.now;
    const tiersChanged = next.tierOf !== this.context.tierOf;
    if (!meChanged && !nowChanged && !tiersChanged) return;
    this.context = next;
    const changed = new Set<string>();
    for (const view of this.views.values()) {
      view.context = { ...next, textMatches: view.textMatches };
      const filter = view.definition.filter;
      const affected =
        (meChanged && dependsOnMe(filter)) ||
        (tiersChanged && filter.customerTiers !== undefined) ||
        (nowChanged && dependsOnClock(filter));
      if (!affected) continue;
      // O(n) per affected view: fine, these are rare (a sign-in, a tier change, the clock's minute).
      const rows = this.evaluate(view);
      if (sameRows(rows, view.rows)) continue;
      view.rows = rows;
      this.markChanged(view, changed);
    }
    this.trimIdleOrderings();
    this.notify(changed);
  };

  subscribe = (listener: (changedViews: ReadonlySet<string>) => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Record by record: O(log n) comparisons per ordering and view, one move each. */
  private spliceUpsert(records: readonly QueryRecord[], changed: Set<string>): boolean {
    let wrote = false;
    for (const record of records) {
      const old = this.records.get(record.id);
      if (old === record) continue;
      wrote = true;
      this.records.set(record.id, record);
      for (const ordering of this.orderings.values()) {
        if (old === undefined) insertSorted(ordering.rows, record, ordering.compare);
        else if (replaceSorted(ordering.rows, old, record, ordering.compare) < 0) throw lostRecord(old.id);
      }
      for (const view of this.views.values()) {
        // The view holds exactly the records matching it in the current context, so
        // matching the old version says whether it is there, with no search.
        const wasIn = old !== undefined && this.matches(view, old);
        const isIn = this.matches(view, record);
        if (wasIn && isIn) {
          if (replaceSorted(view.rows, old, record, view.compare) < 0) throw lostRecord(old.id);
        } else if (wasIn) {
          if (removeSorted(view.rows, old, view.compare) < 0) throw lostRecord(old.id);
        } else if (isIn) {
          insertSorted(view.rows, record, view.compare);
        } else {
          continue;
        }
        this.markChanged(view, changed);
      }
    }
    return wrote;
  }

  /**
   * A big batch: per array, the replaced records are found by binary search and
   * dropped in one pass, and the sorted batch is merged in with one more. The
   * same comparisons as record by record (k log n), but each row moves at most
   * twice instead of once per record.
   */
  private mergeUpsert(records: readonly QueryRecord[], changed: Set<string>): boolean {
    // The last version of an id in the batch wins, as it would record by record.
    const latest = new Map<string, QueryRecord>();
    for (const record of records) latest.set(record.id, record);
    const fresh: QueryRecord[] = [];
    const replaced: QueryRecord[] = [];
    for (const record of latest.values()) {
      const old = this.records.get(record.id);
      if (old === record) continue;
      if (old !== undefined) replaced.push(old);
      fresh.push(record);
      this.records.set(record.id, record);
    }
    if (fresh.length === 0) return false;
    // The batch sorted once per normalised sort, shared by the ordering and every view using it.
    const sortedBatches = new Map<string, QueryRecord[]>();
    const sortedBatch = (signature: string, compare: () => RecordComparator): QueryRecord[] => {
      let sorted = sortedBatches.get(signature);
      if (!sorted) sortedBatches.set(signature, (sorted = [...fresh].sort(compare())));
      return sorted;
    };
    for (const [signature, ordering] of this.orderings) {
      const lost = removeAllSorted(ordering.rows, replaced, ordering.compare);
      if (lost) throw lostRecord(lost.id);
      mergeSortedInto(
        ordering.rows,
        sortedBatch(signature, () => ordering.compare),
        ordering.compare,
      );
    }
    for (const view of this.views.values()) {
      const removed = replaced.filter((old) => this.matches(view, old));
      const lost = removeAllSorted(view.rows, removed, view.compare);
      if (lost) throw lostRecord(lost.id);
      const additions = sortedBatch(view.signature, () => compareBy(view.normalisedSort)).filter((record) =>
        this.matches(view, record),
      );
      if (view.reversed) additions.reverse();
      mergeSortedInto(view.rows, additions, view.compare);
      if (removed.length > 0 || additions.length > 0) this.markChanged(view, changed);
    }
    return true;
  }

  private matches(view: OpenView, record: QueryRecord): boolean {
    return matchesFilter(record, view.definition.filter, view.context);
  }

  /** The view's rows from scratch, never by sorting the table: a pass over its ordering, or its few text matches sorted. */
  private evaluate(view: OpenView): QueryRecord[] {
    const rows: QueryRecord[] = [];
    if (view.definition.filter.text !== undefined) {
      const matches = view.textMatches;
      if (matches === null) return rows;
      if (matches.size < this.records.size / 8) {
        for (const id of matches) {
          const record = this.records.get(id);
          if (record !== undefined && this.matches(view, record)) rows.push(record);
        }
        return rows.sort(view.compare);
      }
    }
    // A text view takes an ordering only once its matches are many, and then keeps it while open:
    // as the user types, every keystroke re-opens it.
    view.ordering ??= this.acquireOrdering(view.signature, view.normalisedSort);
    const all = view.ordering.rows;
    if (view.reversed) {
      for (let i = all.length - 1; i >= 0; i--) {
        const record = all[i] as QueryRecord;
        if (this.matches(view, record)) rows.push(record);
      }
    } else {
      for (const record of all) if (this.matches(view, record)) rows.push(record);
    }
    return rows;
  }

  /** The ordering for a normalised sort, built (one sort of every record) if nobody kept it. */
  private orderingFor(signature: string, sort: ViewSort): Ordering {
    let ordering = this.orderings.get(signature);
    if (!ordering) {
      const compare = compareBy(sort);
      ordering = { compare, rows: sortRecords([...this.records.values()], sort), users: 0, pinned: false, lastUsed: 0 };
      this.orderings.set(signature, ordering);
    }
    ordering.lastUsed = ++this.uses;
    return ordering;
  }

  private acquireOrdering(signature: string, sort: ViewSort): Ordering {
    const ordering = this.orderingFor(signature, sort);
    ordering.users++;
    return ordering;
  }

  private releaseOrdering(ordering: Ordering): void {
    ordering.users--;
    ordering.lastUsed = ++this.uses;
  }

  private trimIdleOrderings(): void {
    const idle = [...this.orderings].filter(([, ordering]) => ordering.users === 0 && !ordering.pinned);
    if (idle.length <= this.idleOrderings) return;
    idle.sort(([, a], [, b]) => b.lastUsed - a.lastUsed);
    for (const [signature] of idle.slice(this.idleOrderings)) this.orderings.delete(signature);
  }

  /** Bumps a view's version once per batch, however many of its rows the batch touched. */
  private markChanged(view: OpenView, changed: Set<string>): void {
    if (changed.has(view.key)) return;
    changed.add(view.key);
    view.version = ++this.versions;
    view.snapshot = null;
  }

  /** One snapshot object per version, so `useSyncExternalStore` sees a new one exactly when the rows changed. */
  private snapshotOf(view: OpenView): ViewSnapshot {
    if (view.snapshot) return view.snapshot;
    const { key, version } = view;
    const records = this.records;
    const snapshot: ViewSnapshot = {
      key,
      version,
      get length() {
        return view.rows.length;
      },
      at: (index) => view.rows[index],
      slice: (start, end) => view.rows.slice(start, end),
      indexOf: (id) => {
        const record = records.get(id);
        return record === undefined ? -1 : indexOfSorted(view.rows, record, view.compare);
      },
    };
    view.snapshot = Object.freeze(snapshot);
    return view.snapshot;
  }

  private notify(changedViews: ReadonlySet<string>): void {
    // A copy: a listener may unsubscribe (or subscribe) while we call them.
    const failures: unknown[] = [];
    for (const listener of [...this.listeners]) {
      try {
        listener(changedViews);
      } catch (error) {
        // The index is consistent already; the other listeners still hear of the change.
        failures.push(error);
      }
    }
    if (failures.length === 1 && failures[0] instanceof Error) throw failures[0];
    if (failures.length > 0) throw new AggregateError(failures, 'QueryIndex: listeners failed');
  }
}

/** `{ me: undefined }` leaves `me` as it was rather than unsetting it. */
function definedOnly(partial: Partial<IndexContext>): Partial<IndexContext> {
  const result: Partial<IndexContext> = {};
  if (partial.me !== undefined) result.me = partial.me;
  if (partial.now !== undefined) result.now = partial.now;
  if (partial.tierOf !== undefined) result.tierOf = partial.tierOf;
  return result;
}
