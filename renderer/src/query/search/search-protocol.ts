import { z } from 'zod';
import { CustomerId, EpochMs, TicketId } from '#shared/domain/ids';

/**
 * What the page and the search worker say to each other. Both sides parse
 * what they receive: a worker is a boundary like any other, and a message of
 * the wrong shape (from a stale build of the other side, say) is reported,
 * never half-handled.
 */

/** Up to this many hits per search: a results list, or the matches a view filters by. */
export const MAX_SEARCH_LIMIT = 10_000;
/** Longer text is cut by the index anyway (MAX_QUERY_CHARS); this only bounds the message. */
export const MAX_SEARCH_TEXT = 1_000;

/** Similar tickets per request at most: a side panel's worth. */
export const MAX_SIMILAR_LIMIT = 50;
/** The longest flood window asked for: a shift's worth. */
export const MAX_FLOOD_WINDOW_MINUTES = 12 * 60;

const RequestId = z.number().int().nonnegative();

export const SearchRequest = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('search'),
    requestId: RequestId,
    text: z.string().max(MAX_SEARCH_TEXT),
    limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT),
  }),
  /**
   * Rows changed in the local database: tickets to re-read (present: index
   * them; absent: deleted or evicted, drop them), and customers whose name
   * may have changed (their tickets are re-indexed).
   */
  z.object({
    type: z.literal('changed'),
    ids: z.array(TicketId),
    customerIds: z.array(CustomerId).optional(),
  }),
  /** The local copy was replaced (a fresh download): rebuild from scratch. */
  z.object({ type: z.literal('reset') }),
  /** Tickets like this one (shared/similarity/similarity-index.ts). */
  z.object({
    type: z.literal('similar'),
    requestId: RequestId,
    ticketId: TicketId,
    limit: z.number().int().min(1).max(MAX_SIMILAR_LIMIT),
  }),
  /** Is the queue flooding at `now` (shared/similarity/flood-detection.ts)? */
  z.object({
    type: z.literal('flood'),
    requestId: RequestId,
    now: EpochMs,
    windowMinutes: z.number().int().min(1).max(MAX_FLOOD_WINDOW_MINUTES).optional(),
  }),
]);
export type SearchRequest = z.infer<typeof SearchRequest>;

export const SearchHit = z.object({
  id: TicketId,
  score: z.number(),
  /** Matched words as indexed (lowercase, no accents): pass them to highlightSegments(). */
  terms: z.array(z.string()),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SimilarTicketMatch = z.object({
  id: TicketId,
  /** Cosine similarity, 0..1. */
  score: z.number().min(0).max(1),
  /** Why they matched: the shared words that weigh most, as written (folded). Plain text. */
  sharedTerms: z.array(z.string()),
});
export type SimilarTicketMatch = z.infer<typeof SimilarTicketMatch>;

export const FloodCluster = z.object({
  /** The centre first. */
  ticketIds: z.array(TicketId).min(1),
  centreId: TicketId,
  /** The centre's subject, cleaned. Plain text. */
  label: z.string(),
  topTerms: z.array(z.string()),
});
export type FloodCluster = z.infer<typeof FloodCluster>;

export const FloodReport = z.object({
  windowMinutes: z.number().int().positive(),
  count: z.number().int().nonnegative(),
  expected: z.number().nonnegative(),
  baselineHours: z.number().nonnegative(),
  /** Tickets of the window clustered (the newest few hundred): cluster sizes are "of the latest `clustered`". */
  clustered: z.number().int().nonnegative(),
  reason: z.enum(['volume', 'cluster']),
  /** Largest first. */
  clusters: z.array(FloodCluster),
});
export type FloodReport = z.infer<typeof FloodReport>;

export const SearchResponse = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('results'),
    requestId: RequestId,
    hits: z.array(SearchHit),
    /** False while the index is still being built: the hits cover only the tickets indexed so far. */
    complete: z.boolean(),
  }),
  /** The background build: tickets read so far, of how many; `complete` once all are in. */
  z.object({
    type: z.literal('progress'),
    indexed: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    complete: z.boolean(),
  }),
  z.object({
    type: z.literal('similar'),
    requestId: RequestId,
    ticketId: TicketId,
    /** Best first; empty when the ticket is not indexed (yet). */
    matches: z.array(SimilarTicketMatch),
    complete: z.boolean(),
  }),
  /** null: no flood. */
  z.object({ type: z.literal('flood'), requestId: RequestId, report: FloodReport.nullable(), complete: z.boolean() }),
  /** Something failed; with the request's id when it was a request that did. */
  z.object({ type: z.literal('error'), message: z.string(), requestId: RequestId.optional() }),
]);
export type SearchResponse = z.infer<typeof SearchResponse>;

/** The build's progress, as the client passes it on. */
export type SearchProgress = Omit<Extract<SearchResponse, { type: 'progress' }>, 'type'>;
