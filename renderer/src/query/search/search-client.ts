import type { CustomerId, TicketId } from '#shared/domain/ids';
import {
  type FloodReport,
  MAX_SEARCH_LIMIT,
  MAX_SEARCH_TEXT,
  MAX_SIMILAR_LIMIT,
  type SearchHit,
  type SearchProgress,
  type SearchRequest,
  SearchResponse,
  type SimilarTicketMatch,
} from './search-protocol.ts';

/** Where searches go: the worker, or anything speaking its protocol (a fake, the in-process core). */
export interface SearchEndpoint {
  post: (message: SearchRequest) => void;
  /** Called once, before any message is posted: where to deliver what the other side says, and its failure. */
  listen: (onMessage: (data: unknown) => void, onFailure: (error: Error) => void) => void;
  terminate: () => void;
}

export type SearchEndpointFactory = () => SearchEndpoint;

export interface SearchResult {
  /** Best first. */
  hits: SearchHit[];
  /** False while the index is still being built: these are matches among the tickets indexed so far. */
  complete: boolean;
}

/** The rejection of a search that a newer one replaced (or that dispose() cut short). */
export class SearchSuperseded extends Error {
  constructor(message = 'a newer search replaced this one') {
    super(message);
    // The name fetch() uses for a cancelled request, so generic "ignore aborts" handling applies.
    this.name = 'AbortError';
  }
}

export function isSearchSuperseded(error: unknown): error is SearchSuperseded {
  return error instanceof SearchSuperseded;
}

interface PendingSearch {
  requestId: number;
  resolve: (result: SearchResult) => void;
  reject: (error: Error) => void;
}

/** A similar-tickets or flood request: answered in turn, none replaces another. */
interface PendingRequest {
  resolve: (message: Extract<SearchResponse, { type: 'similar' | 'flood' }>) => void;
  reject: (error: Error) => void;
}

export const DEFAULT_SEARCH_LIMIT = 50;
export const DEFAULT_SIMILAR_LIMIT = 5;

/**
 * The page's side of ticket search. The latest search wins: starting one
 * rejects the previous with SearchSuperseded at once, and a late answer to an
 * old one is dropped, so results never arrive out of order.
 */
export class SearchClient {
  private readonly endpoint: SearchEndpoint;
  private nextRequestId = 1;
  private pending: PendingSearch | null = null;
  private readonly requests = new Map<number, PendingRequest>();
  private lastProgress: SearchProgress | null = null;
  private failure: Error | null = null;
  private disposed = false;
  private readonly progressListeners = new Set<(progress: SearchProgress) => void>();
  private readonly errorListeners = new Set<(error: Error) => void>();

  constructor(createEndpoint: SearchEndpointFactory) {
    this.endpoint = createEndpoint();
    this.endpoint.listen(
      (data) => this.receive(data),
      (error) => this.fail(error),
    );
  }

  /** The index build's latest progress (null until the worker first reports). */
  get progress(): SearchProgress | null {
    return this.lastProgress;
  }

  search(text: string, limit = DEFAULT_SEARCH_LIMIT): Promise<SearchResult> {
    this.supersede(new SearchSuperseded());
    if (this.disposed) return Promise.reject(new SearchSuperseded('the search client was disposed'));
    if (this.failure) return Promise.reject(this.failure);
    const requestId = this.nextRequestId++;
    const result = new Promise<SearchResult>((resolve, reject) => {
      this.pending = { requestId, resolve, reject };
    });
    this.endpoint.post({
      type: 'search',
      requestId,
      text: text.slice(0, MAX_SEARCH_TEXT),
      limit: Math.min(MAX_SEARCH_LIMIT, Math.max(1, Math.floor(limit) || 1)),
    });
    return result;
  }

  /**
   * Tickets most like `ticketId`'s (subject, body), best first, each with the
   * words that made them match; never the ticket itself nor a merged one.
   * Several may be in flight at once (unlike search, none replaces another).
   * While the index is still being built (see `progress`), the matches are
   * among the tickets indexed so far.
   */
  similarTickets(ticketId: TicketId, limit = DEFAULT_SIMILAR_LIMIT): Promise<SimilarTicketMatch[]> {
    return this.request({
      type: 'similar',
      requestId: this.nextRequestId++,
      ticketId,
      limit: Math.min(MAX_SIMILAR_LIMIT, Math.max(1, Math.floor(limit) || 1)),
    }).then((message) => (message.type === 'similar' ? message.matches : unexpected(message)));
  }

  /**
   * Whether tickets are flooding in at `now` (epoch ms): how many in the
   * window, how many expected, and the clusters of look-alikes; null when
   * the inflow is normal.
   */
  detectFlood(now: number, windowMinutes?: number): Promise<FloodReport | null> {
    return this.request({
      type: 'flood',
      requestId: this.nextRequestId++,
      now: Math.max(0, Math.floor(now)),
      ...(windowMinutes === undefined ? {} : { windowMinutes }),
    }).then((message) => (message.type === 'flood' ? message.report : unexpected(message)));
  }

  /**
   * Tickets written, deleted or evicted locally (by id), and customers whose
   * row changed: the index re-reads them. Call after the write committed.
   */
  notifyChanged(ids: readonly TicketId[], customerIds: readonly CustomerId[] = []): void {
    if (this.disposed || (ids.length === 0 && customerIds.length === 0)) return;
    this.endpoint.post({
      type: 'changed',
      ids: [...ids],
      ...(customerIds.length > 0 ? { customerIds: [...customerIds] } : {}),
    });
  }

  /** The local copy was replaced wholesale (a fresh download): the index is rebuilt. */
  reset(): void {
    if (this.disposed) return;
    this.lastProgress = null;
    this.endpoint.post({ type: 'reset' });
  }

  /** Each progress report of the background build, from now on (see `progress` for the latest). */
  onProgress(listener: (progress: SearchProgress) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  /** Failures not tied to a search: the build could not read the database, the worker died. */
  onError(listener: (error: Error) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.supersede(new SearchSuperseded('the search client was disposed'));
    this.rejectRequests(new SearchSuperseded('the search client was disposed'));
    this.progressListeners.clear();
    this.errorListeners.clear();
    this.endpoint.terminate();
  }

  private request(
    message: Extract<SearchRequest, { type: 'similar' | 'flood' }>,
  ): Promise<Extract<SearchResponse, { type: 'similar' | 'flood' }>> {
    if (this.disposed) return Promise.reject(new SearchSuperseded('the search client was disposed'));
    if (this.failure) return Promise.reject(this.failure);
    const answer = new Promise<Extract<SearchResponse, { type: 'similar' | 'flood' }>>((resolve, reject) => {
      this.requests.set(message.requestId, { resolve, reject });
    });
    this.endpoint.post(message);
    return answer;
  }

  /** Rejects every similar-tickets and flood request in flight. */
  private rejectRequests(error: Error): void {
    const requests = [...this.requests.values()];
    this.requests.clear();
    for (const { reject } of requests) reject(error);
  }

  private supersede(error: Error): void {
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }

  private receive(data: unknown): void {
    if (this.disposed) return;
    const parsed = SearchResponse.safeParse(data);
    if (!parsed.success) {
      this.report(new Error(`search worker sent a malformed message: ${parsed.error.message}`));
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'results': {
        if (this.pending?.requestId !== message.requestId) return; // An answer to a replaced search.
        const { resolve } = this.pending;
        this.pending = null;
        resolve({ hits: message.hits, complete: message.complete });
        return;
      }
      case 'progress': {
        const { indexed, total, complete } = message;
        this.lastProgress = { indexed, total, complete };
        for (const listener of [...this.progressListeners]) listener(this.lastProgress);
        return;
      }
      case 'similar':
      case 'flood': {
        const request = this.requests.get(message.requestId);
        if (!request) return; // Not ours (any more): the client was reset or the id is stale.
        this.requests.delete(message.requestId);
        request.resolve(message);
        return;
      }
      case 'error': {
        const { requestId } = message;
        const request = requestId === undefined ? undefined : this.requests.get(requestId);
        if (requestId === undefined) {
          this.report(new Error(message.message));
        } else if (request) {
          this.requests.delete(requestId);
          request.reject(new Error(message.message));
        } else if (this.pending?.requestId === requestId) {
          const { reject } = this.pending;
          this.pending = null;
          reject(new Error(message.message));
        }
        return;
      }
    }
  }

  /** The worker is gone (failed to load, crashed): every search from now on fails with why. */
  private fail(error: Error): void {
    if (this.disposed || this.failure) return;
    this.failure = error;
    this.supersede(error);
    this.rejectRequests(error);
    this.report(error);
  }

  private report(error: Error): void {
    for (const listener of [...this.errorListeners]) listener(error);
  }
}

function unexpected(message: { type: string }): never {
  throw new Error(`search worker answered with a ${message.type} message`);
}

/** A Worker as a SearchEndpoint. */
export function workerEndpoint(worker: Worker): SearchEndpoint {
  return {
    post: (message) => worker.postMessage(message),
    listen: (onMessage, onFailure) => {
      worker.onmessage = (event: MessageEvent) => onMessage(event.data);
      worker.onmessageerror = () => onFailure(new Error('search worker: a message could not be read'));
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        onFailure(new Error(`search worker failed: ${event.message || 'it could not be loaded'}`));
      };
    },
    terminate: () => worker.terminate(),
  };
}

/**
 * The real thing: a module worker (allowed by the CSP's worker-src 'self')
 * over the user's database, by its name (databaseName()). It starts building
 * its index at once, in the background.
 */
export function createSearchWorkerClient(dbName: string): SearchClient {
  return new SearchClient(() =>
    workerEndpoint(new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: dbName })),
  );
}
