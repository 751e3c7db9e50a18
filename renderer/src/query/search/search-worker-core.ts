import type { CustomerId, TicketId } from '#shared/domain/ids';
import type { Ticket } from '#shared/domain/ticket';
import { detectFlood } from '#shared/similarity/flood-detection';
import { SimilarityIndex } from '#shared/similarity/similarity-index';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { MAX_SEARCH_LIMIT, MAX_SIMILAR_LIMIT, SearchRequest, type SearchResponse } from './search-protocol.ts';
import { similarityDoc } from './similarity-doc.ts';
import { TicketSearchIndex, ticketSearchDoc } from './ticket-search-index.ts';

export interface SearchWorkerCoreOptions {
  /** The user's local database, opened by name in the worker. */
  db: ShiftdeskDb;
  /** Sends a message to the page. */
  post: (message: SearchResponse) => void;
  /** Tickets read from the database at a time, in primary-key order. */
  chunkSize?: number;
  /**
   * Tickets indexed between two pauses. Indexing 250 costs ~20 ms at most, so
   * a search arriving mid-build waits no longer than that for its turn.
   */
  sliceSize?: number;
  /** Lets queued messages (searches) run: a macrotask, so the event loop turns. */
  pause?: () => Promise<void>;
}

type TicketRow = Pick<
  Ticket,
  'id' | 'customerId' | 'subject' | 'body' | 'requesterName' | 'requesterEmail' | 'createdAt'
>;

const DEFAULT_CHUNK_SIZE = 2_000;
const DEFAULT_SLICE_SIZE = 250;

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * What the search worker does, as a plain module (search.worker.ts only wires
 * it to the worker's messages; createInProcessSearch runs it in the page's
 * thread, or in node for tests).
 *
 * Beside the search index it keeps a similarity index (similar tickets and
 * flood detection, shared/similarity/), fed by the same build and changes.
 *
 * The index is built in the background from the local database, 2,000
 * tickets at a time in primary-key order, pausing often so searches are
 * answered meanwhile, from what is indexed so far (`complete: false`).
 *
 * Database work (build chunks, changes, a reset) runs one task at a time, in
 * the order it arrived: a change read after a chunk is applied after it, so
 * an older copy of a row never overwrites a newer one. Searches do not wait
 * for that queue: they read the index as it is.
 */
export class SearchWorkerCore {
  private readonly db: ShiftdeskDb;
  private readonly post: (message: SearchResponse) => void;
  private readonly chunkSize: number;
  private readonly sliceSize: number;
  private readonly pause: () => Promise<void>;

  private readonly index = new TicketSearchIndex();
  private readonly similarity = new SimilarityIndex<TicketId>();
  /** Customer id → name; null: looked up and not there. */
  private readonly customerNames = new Map<string, string | null>();
  /** Bumped by reset() and dispose(): tasks of an older generation stop. */
  private generation = 0;
  private complete = false;
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;
  /** The latest search not yet answered; an older one is dropped unanswered (the client has moved on). */
  private pendingSearch: Extract<SearchRequest, { type: 'search' }> | null = null;
  private searchScheduled = false;
  /** Settles once the changes received so far are in the index. */
  private changesApplied: Promise<unknown> = Promise.resolve();

  constructor(options: SearchWorkerCoreOptions) {
    this.db = options.db;
    this.post = options.post;
    this.chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    this.sliceSize = options.sliceSize ?? DEFAULT_SLICE_SIZE;
    this.pause = options.pause ?? macrotask;
  }

  /** Starts building the index in the background. */
  start(): void {
    void this.build(this.generation);
  }

  /** One message from the page; anything not in the protocol is answered with an error. */
  handle(data: unknown): void {
    if (this.disposed) return;
    const parsed = SearchRequest.safeParse(data);
    if (!parsed.success) {
      const requestId = readRequestId(data);
      this.post({
        type: 'error',
        message: `search worker: malformed message: ${parsed.error.message}`,
        ...(requestId === undefined ? {} : { requestId }),
      });
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'search':
        this.pendingSearch = message;
        if (this.searchScheduled) return;
        this.searchScheduled = true;
        // After the changes sent before it (a ticket just saved is found by its new
        // words), and on a later turn of the event loop, so searches that queued up
        // behind a long task collapse into the latest.
        void this.changesApplied.then(() => setTimeout(() => this.answerSearch(), 0));
        return;
      case 'changed':
        this.changesApplied = this.enqueue(this.generation, () =>
          this.applyChanges(message.ids, message.customerIds ?? []),
        );
        return;
      case 'reset':
        this.reset();
        return;
      case 'similar':
      case 'flood':
        // After the changes sent before it: a ticket just written is compared as it is now.
        void this.changesApplied.then(() => this.answer(message));
        return;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.pendingSearch = null;
    this.index.clear();
    this.similarity.clear();
  }

  private answer(request: Extract<SearchRequest, { type: 'similar' | 'flood' }>): void {
    if (this.disposed) return;
    try {
      if (request.type === 'similar') {
        const matches = this.similarity.similarTo(request.ticketId, {
          limit: Math.min(request.limit, MAX_SIMILAR_LIMIT),
        });
        this.post({
          type: 'similar',
          requestId: request.requestId,
          ticketId: request.ticketId,
          matches,
          complete: this.complete,
        });
      } else {
        const report = detectFlood(this.similarity, {
          now: request.now,
          ...(request.windowMinutes === undefined ? {} : { windowMinutes: request.windowMinutes }),
        });
        this.post({ type: 'flood', requestId: request.requestId, report, complete: this.complete });
      }
    } catch (error) {
      this.post({ type: 'error', message: errorMessage(error), requestId: request.requestId });
    }
  }

  private answerSearch(): void {
    this.searchScheduled = false;
    const request = this.pendingSearch;
    this.pendingSearch = null;
    if (!request || this.disposed) return;
    try {
      const hits = this.index.search(request.text, Math.min(request.limit, MAX_SEARCH_LIMIT));
      this.post({ type: 'results', requestId: request.requestId, hits, complete: this.complete });
    } catch (error) {
      this.post({ type: 'error', message: errorMessage(error), requestId: request.requestId });
    }
  }

  private reset(): void {
    const generation = ++this.generation;
    this.complete = false;
    // Cleared at once: searches from now on must not show the replaced copy's tickets.
    this.index.clear();
    this.similarity.clear();
    this.customerNames.clear();
    void this.build(generation);
  }

  /**
   * Runs `task` after every task queued before it, unless a reset or dispose
   * came in between. Resolves to whether it ran and succeeded; a failure is
   * reported to the page.
   */
  private enqueue(generation: number, task: () => Promise<void>): Promise<boolean> {
    const run = this.queue.then(async () => {
      if (generation !== this.generation) return false;
      try {
        await task();
        return true;
      } catch (error) {
        if (generation === this.generation) this.post({ type: 'error', message: errorMessage(error) });
        return false;
      }
    });
    this.queue = run.then(() => undefined);
    return run;
  }

  /**
   * Reads every ticket into the index, a chunk per task. Stops at the first
   * failure (reported): searches go on over what was indexed, and a reset
   * starts over.
   */
  private async build(generation: number): Promise<void> {
    let total = 0;
    let indexed = 0;
    let after = '';
    let done = false;
    let ok = await this.enqueue(generation, async () => {
      const customers = await this.db.rows('customer').toArray();
      for (const customer of customers) this.customerNames.set(customer.id, customer.name);
      total = await this.db.rows('ticket').count();
      this.progress(generation, indexed, total, false);
    });
    while (ok && !done) {
      // One task per chunk, so changes that arrive during the build are applied between chunks.
      ok = await this.enqueue(generation, async () => {
        const rows: TicketRow[] = await this.db
          .rows('ticket')
          .where(':id')
          .above(after)
          .limit(this.chunkSize)
          .toArray();
        await this.indexRows(generation, rows);
        if (generation !== this.generation) return;
        indexed += rows.length;
        after = rows.at(-1)?.id ?? after;
        done = rows.length < this.chunkSize;
        if (done) {
          this.complete = true;
          // Rows added or deleted while building change the count: report what is indexed.
          this.progress(generation, this.index.size, this.index.size, true);
        } else {
          this.progress(generation, indexed, Math.max(total, indexed), false);
        }
      });
    }
  }

  private progress(generation: number, indexed: number, total: number, complete: boolean): void {
    if (generation === this.generation) this.post({ type: 'progress', indexed, total, complete });
  }

  /** Indexes rows a slice at a time, pausing between slices. */
  private async indexRows(generation: number, rows: readonly TicketRow[]): Promise<void> {
    await this.loadCustomers(rows.map((row) => row.customerId));
    for (let start = 0; start < rows.length; start += this.sliceSize) {
      if (start > 0) await this.pause();
      if (generation !== this.generation) return;
      const slice = rows.slice(start, start + this.sliceSize);
      this.index.upsert(slice.map((row) => ticketSearchDoc(row, this.customerOf(row.customerId))));
      // A row whose text did not change (a status, an assignee, a customer's new name) costs one hash here.
      this.similarity.upsert(slice.map(similarityDoc));
    }
  }

  private customerOf(customerId: string): { name: string } | undefined {
    const name = this.customerNames.get(customerId);
    return name == null ? undefined : { name };
  }

  /** Looks up customers not seen yet (a ticket can arrive with a customer new to this device). */
  private async loadCustomers(customerIds: readonly string[]): Promise<void> {
    const unknown = [...new Set(customerIds)].filter((id) => !this.customerNames.has(id));
    if (unknown.length === 0) return;
    const customers = await this.db.rows('customer').bulkGet(unknown);
    unknown.forEach((id, i) => this.customerNames.set(id, customers[i]?.name ?? null));
  }

  private async applyChanges(ids: readonly TicketId[], customerIds: readonly CustomerId[]): Promise<void> {
    const generation = this.generation;
    for (let start = 0; start < ids.length; start += this.chunkSize) {
      if (start > 0) await this.pause();
      if (generation !== this.generation) return;
      const chunk = ids.slice(start, start + this.chunkSize);
      const rows = await this.db.rows('ticket').bulkGet([...chunk]);
      const present: TicketRow[] = [];
      const absent: TicketId[] = [];
      chunk.forEach((id, i) => {
        const row = rows[i];
        if (row) present.push(row);
        else absent.push(id);
      });
      // Deleted, or evicted from the local window: no longer searchable here.
      this.index.remove(absent);
      this.similarity.remove(absent);
      await this.indexRows(generation, present);
    }
    if (customerIds.length > 0) await this.applyCustomerChanges(generation, customerIds);
  }

  /** A customer renamed (or new, or gone): its tickets are indexed again under the current name. */
  private async applyCustomerChanges(generation: number, customerIds: readonly CustomerId[]): Promise<void> {
    const unique = [...new Set(customerIds)];
    const customers = await this.db.rows('customer').bulkGet(unique);
    unique.forEach((id, i) => this.customerNames.set(id, customers[i]?.name ?? null));
    // By the customerId index, so no map from customers to tickets has to be kept in memory.
    const ticketIds = await this.db.rows('ticket').where('customerId').anyOf(unique).primaryKeys();
    for (let start = 0; start < ticketIds.length; start += this.chunkSize) {
      if (start > 0) await this.pause();
      if (generation !== this.generation) return;
      const rows = await this.db.rows('ticket').bulkGet(ticketIds.slice(start, start + this.chunkSize));
      await this.indexRows(
        generation,
        rows.filter((row): row is NonNullable<typeof row> => row !== undefined),
      );
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The request id of a malformed search, so its caller is told rather than left waiting. */
function readRequestId(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null || !('requestId' in data)) return undefined;
  const { requestId } = data;
  return typeof requestId === 'number' && Number.isInteger(requestId) && requestId >= 0 ? requestId : undefined;
}
