import type { CustomerId, TicketId } from '#shared/domain/ids';
import {
  MAX_SEARCH_LIMIT,
  MAX_SEARCH_TEXT,
  type SearchHit,
  type SearchProgress,
  type SearchRequest,
  SearchResponse,
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

export const DEFAULT_SEARCH_LIMIT = 50;

/**
 * The page's side of ticket search. The latest search wins: starting one
 * rejects the previous with SearchSuperseded at once, and a late answer to an
 * old one is dropped, so results never arrive out of order.
 */
export class SearchClient {
  private readonly endpoint: SearchEndpoint;
  private nextRequestId = 1;
  private pending: PendingSearch | null = null;
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
    this.progressListeners.clear();
    this.errorListeners.clear();
    this.endpoint.terminate();
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
      case 'error': {
        if (message.requestId === undefined) {
          this.report(new Error(message.message));
        } else if (this.pending?.requestId === message.requestId) {
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
    this.report(error);
  }

  private report(error: Error): void {
    for (const listener of [...this.errorListeners]) listener(error);
  }
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
