import type { Customer, CustomerTier } from '#shared/domain/customer';
import type { CustomerId, TicketId } from '#shared/domain/ids';
import type { SlaConfig } from '#shared/domain/sla-config';
import type { Ticket } from '#shared/domain/ticket';
import { QueryIndex, type ViewSnapshot } from '#shared/query/query-index';
import { type QueryRecord, toQueryRecord, withSlaConfig } from '#shared/query/query-record';
import type { ViewDefinition } from '#shared/query/view-definition';
import type { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { readSlaConfig } from '../db/read-sla-config.ts';
import type { QueryLoadStatus } from './load-status.ts';
import type { SearchClient } from './search/search-client.ts';
import { SerialQueue } from './serial-queue.ts';
import { type TableChange, watchTableChanges } from './watch-table-changes.ts';

/** Tickets per read while loading: big enough to amortise a transaction, small enough to keep frames short. */
const LOAD_CHUNK = 2_000;
/** Marked once the query layer holds every local ticket and its views are open (for benchmarks). */
export const QUERY_READY_MARK = 'shiftdesk:query-ready';

/** The search worker starts this long after the load (its own reads of every ticket would slow the first screen). */
const SEARCH_START_DELAY_MS = 300;

/** How often views that filter by age are re-checked against the clock. */
const CLOCK_TICK_MS = 30_000;

function sameView(a: ViewDefinition, b: ViewDefinition): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

interface OpenedView {
  view: ViewDefinition;
  textMatches: ReadonlySet<string> | null;
}

export type TicketChangeListener = (change: TableChange) => void;

/**
 * The renderer's side of the query layer: it fills a QueryIndex from
 * IndexedDB once (in chunks, in the background) and then keeps it current
 * from Dexie's change notifications, re-reading only the tickets a write
 * touched. Dexie stays the store of record; lists read windows of the index.
 * One per open database, so a second one (the sandbox) can run beside it.
 */
export class LocalQueryLayer {
  readonly index: QueryIndex;
  private readonly reads = new SerialQueue();
  private readonly statusListeners = new Set<() => void>();
  private readonly changeListeners = new Set<TicketChangeListener>();
  private readonly tiers = new Map<string, CustomerTier>();
  /** The team's SLA config, read before the first ticket; each record's slaDueAt is computed under it. */
  private sla: SlaConfig | null = null;
  private slaSignature = '';
  private readonly slaListeners = new Set<() => void>();
  private statusValue: QueryLoadStatus = { phase: 'loading', loaded: 0, total: null };
  private stops: (() => void)[] = [];
  /** Views asked for during the load, opened when it is done. */
  private readonly waiting = new Map<string, OpenedView>();
  private readonly opened = new Map<string, OpenedView>();
  private generation = 0;

  private searchClient: SearchClient | null = null;
  private readonly searchListeners = new Set<() => void>();

  constructor(
    private readonly db: ShiftdeskDb,
    me: string,
    /** Full-text search for these tickets (a worker in the app, in-process in tests); told of every change. */
    private readonly createSearch: (() => SearchClient) | null = null,
  ) {
    this.index = new QueryIndex({ context: { me, now: Date.now(), tierOf: (id: string) => this.tiers.get(id) } });
  }

  get status(): QueryLoadStatus {
    return this.statusValue;
  }

  /** Starts loading and watching; safe to call again after stop(). */
  start(): void {
    if (this.stops.length > 0) return;
    this.stops.push(
      watchTableChanges(this.db, 'tickets', (change) => this.applyTicketChange(change)),
      watchTableChanges(this.db, 'customers', (change) => {
        void this.reads.run(() => this.loadCustomers());
        if (change.kind === 'keys') this.searchClient?.notifyChanged([], change.keys as CustomerId[]);
        else this.searchClient?.reset();
      }),
      // The starter config follows the workspace's time zone until a lead saves one.
      watchTableChanges(this.db, 'slaConfig', () => void this.reads.run(() => this.loadSlaConfig())),
      watchTableChanges(this.db, 'settings', () => void this.reads.run(() => this.loadSlaConfig())),
    );
    const clock = setInterval(() => this.index.setContext({ now: Date.now() }), CLOCK_TICK_MS);
    this.stops.push(() => clearInterval(clock));
    // After this task: the first screen's own reads (issued by the same render) reach IndexedDB first,
    // and the search worker starts once the load is under way, so neither competes with the first paint.
    const later = setTimeout(() => {
      void this.reads.run(() => this.loadCustomers());
      void this.reads.run(() => this.loadSlaConfig());
      this.reload();
      setTimeout(() => void this.startSearch(), SEARCH_START_DELAY_MS);
    }, 0);
    this.stops.push(() => clearTimeout(later));
  }

  stop(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
    this.generation++;
    this.searchClient?.dispose();
    this.searchClient = null;
  }

  /** The search over these tickets, once it has started (null before, or without one). */
  get search(): SearchClient | null {
    return this.searchClient;
  }

  /** Called when the search client starts or ends. */
  onSearch(listener: () => void): () => void {
    this.searchListeners.add(listener);
    return () => this.searchListeners.delete(listener);
  }

  /** Started once the page has opened the database, so its upgrades never run in the worker. */
  private async startSearch(): Promise<void> {
    if (!this.createSearch || this.searchClient) return;
    const started = this.stops.length;
    await this.db.open();
    if (this.stops.length === 0 || started === 0 || this.searchClient) return;
    this.searchClient = this.createSearch();
    for (const listener of this.searchListeners) listener();
  }

  /**
   * Opens (or redefines) a maintained view; see QueryIndex.openView. While the
   * tickets are still loading it only remembers the view: maintaining open views
   * during the load made it 20–35 times slower (measured at 100k in
   * bench/micro/query-index.ts), so they open once everything is in.
   */
  openView(
    key: string,
    view: ViewDefinition,
    textMatches: ReadonlySet<string> | null = null,
  ): ViewSnapshot | undefined {
    if (this.statusValue.phase !== 'ready') {
      this.waiting.set(key, { view, textMatches });
      return undefined;
    }
    // Several lists may show one view (its count, the list itself): opened once, not re-evaluated per caller.
    const open = this.opened.get(key);
    const existing = this.index.view(key);
    if (open && existing && open.textMatches === textMatches && sameView(open.view, view)) return existing;
    this.opened.set(key, { view, textMatches });
    return this.index.openView(key, view, textMatches);
  }

  /** Stops maintaining a view nobody shows any more (a refined list that went back to its view). */
  closeView(key: string): void {
    this.waiting.delete(key);
    if (this.opened.delete(key)) this.index.closeView(key);
  }

  onStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /**
   * Shows the agent's own change in every list at once, before IndexedDB has
   * it: the rows read back after the write replace these. `refresh` puts back
   * what IndexedDB holds when the write did not happen (refused, failed).
   */
  predict(records: readonly QueryRecord[]): void {
    if (this.statusValue.phase === 'ready') this.index.upsert(records);
  }

  refresh(ids: readonly string[]): void {
    if (ids.length > 0) this.applyTicketChange({ kind: 'keys', keys: [...ids] });
  }

  /** Tells others (the search worker) which tickets changed; the index is updated in the same order. */
  onTicketsChanged(listener: TicketChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private applyTicketChange(change: TableChange): void {
    if (change.kind === 'all') {
      this.reload();
    } else {
      void this.reads.run(async () => {
        const rows = await this.db.rows('ticket').bulkGet(change.keys);
        const present: Ticket[] = [];
        const gone: string[] = [];
        rows.forEach((row, i) => (row ? present.push(row) : gone.push(change.keys[i] ?? '')));
        if (gone.length > 0) this.index.remove(gone);
        if (present.length > 0) this.index.upsert(present.map((ticket) => toQueryRecord(ticket, this.sla)));
      });
    }
    if (change.kind === 'all') this.searchClient?.reset();
    else this.searchClient?.notifyChanged(change.keys as TicketId[]);
    for (const listener of this.changeListeners) listener(change);
  }

  /** Resolves once every read queued so far has reached the index (tests, benchmarks). */
  settled(): Promise<void> {
    return this.reads.idle();
  }

  /** Reads every local ticket again, chunk by chunk: at start and after the local copy was replaced. */
  private reload(): void {
    const generation = ++this.generation;
    void this.loadAll(generation);
  }

  private async loadAll(generation: number): Promise<void> {
    const current = () => generation === this.generation;
    let loaded = 0;
    try {
      this.setStatus({ phase: 'loading', loaded, total: null });
      await this.reads.run(async () => {
        if (!current()) return;
        // Views close for the reload and open again after it, like at start.
        for (const [key, opened] of this.opened) {
          this.index.closeView(key);
          this.waiting.set(key, opened);
        }
        this.opened.clear();
        this.index.clear();
        this.setStatus({ phase: 'loading', loaded, total: await this.db.rows('ticket').count() });
      });
      let after = '';
      for (;;) {
        let rows: Ticket[] = [];
        await this.reads.run(async () => {
          if (!current()) return;
          rows = await this.db.rows('ticket').where(':id').above(after).limit(LOAD_CHUNK).toArray();
          this.index.upsert(rows.map((ticket) => toQueryRecord(ticket, this.sla)));
        });
        if (!current()) return;
        loaded += rows.length;
        const last = rows[rows.length - 1];
        if (rows.length < LOAD_CHUNK || !last) break;
        after = last.id;
        const total = this.statusValue.phase === 'loading' ? this.statusValue.total : null;
        this.setStatus({ phase: 'loading', loaded, total });
        // Yield between chunks: keys and paints go first.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await this.openWaitingViews(current);
      if (!current()) return;
      this.setStatus({ phase: 'ready', loaded });
      performance.mark?.(QUERY_READY_MARK);
    } catch (error) {
      if (current()) {
        this.setStatus({ phase: 'failed', loaded, message: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  /**
   * The views asked for while loading, one per task so no single frame pays
   * for all of them; the view on screen was asked for first, so it opens first.
   */
  private async openWaitingViews(current: () => boolean): Promise<void> {
    for (const [key, { view, textMatches }] of this.waiting) {
      if (!current()) return;
      await this.reads.run(async () => {
        this.index.openView(key, view, textMatches);
        this.opened.set(key, { view, textMatches });
        await Promise.resolve();
      });
      this.waiting.delete(key);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  private async loadCustomers(): Promise<void> {
    const customers: Customer[] = await this.db.rows('customer').toArray();
    this.tiers.clear();
    for (const customer of customers) this.tiers.set(customer.id, customer.tier);
    // A new function, so the index re-checks views that filter by tier.
    this.index.setContext({ tierOf: (id) => this.tiers.get(id) });
  }

  /** The SLA config in use (null until read); records' slaDueAt agree with it. */
  get slaConfig(): SlaConfig | null {
    return this.sla;
  }

  /** Called after the SLA config changed and every record's deadline follows it. */
  onSlaConfig(listener: () => void): () => void {
    this.slaListeners.add(listener);
    return () => this.slaListeners.delete(listener);
  }

  /**
   * Reads the SLA config; when it changed (a lead saved policies: rare), every
   * record's deadline is worked out again from the record itself, in one batch,
   * and only the records whose deadline moved are written.
   */
  private async loadSlaConfig(): Promise<void> {
    const config = await readSlaConfig(this.db);
    const signature = JSON.stringify({ calendar: config.calendar, policies: config.policies });
    if (signature === this.slaSignature) return;
    this.sla = config;
    this.slaSignature = signature;
    const moved: QueryRecord[] = [];
    for (const record of this.index.all()) {
      const next = withSlaConfig(record, config);
      if (next !== record) moved.push(next);
    }
    this.index.upsert(moved);
    for (const listener of this.slaListeners) listener();
  }

  private setStatus(status: QueryLoadStatus): void {
    this.statusValue = status;
    for (const listener of this.statusListeners) listener();
  }
}
