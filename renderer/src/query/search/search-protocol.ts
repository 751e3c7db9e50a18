import { z } from 'zod';
import { CustomerId, TicketId } from '#shared/domain/ids';

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
]);
export type SearchRequest = z.infer<typeof SearchRequest>;

export const SearchHit = z.object({
  id: TicketId,
  score: z.number(),
  /** Matched words as indexed (lowercase, no accents): pass them to highlightSegments(). */
  terms: z.array(z.string()),
});
export type SearchHit = z.infer<typeof SearchHit>;

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
  /** Something failed; with the request's id when it was a search that did. */
  z.object({ type: z.literal('error'), message: z.string(), requestId: RequestId.optional() }),
]);
export type SearchResponse = z.infer<typeof SearchResponse>;

/** The build's progress, as the client passes it on. */
export type SearchProgress = Omit<Extract<SearchResponse, { type: 'progress' }>, 'type'>;
