import MiniSearch, { type Query, type SearchOptions } from 'minisearch';
import type { Customer } from '#shared/domain/customer';
import type { TicketId } from '#shared/domain/ids';
import type { Ticket } from '#shared/domain/ticket';
import { foldSearchTerm, searchTokens } from '#shared/query/highlight';

/** What the index holds of a ticket: only its searchable text. */
export interface TicketSearchDoc {
  id: TicketId;
  subject: string;
  body: string;
  /** The requester's name and email address. */
  requester: string;
  /** The customer's name ('' while the customer is not known locally). */
  customer: string;
}

export interface TicketSearchHit {
  id: TicketId;
  score: number;
  /** The document terms that matched (folded: lowercase, no accents), for highlightSegments(). */
  terms: string[];
}

/**
 * Bodies are indexed up to this many characters. A body may be 100 kB (a
 * pasted log, a forwarded thread); its first few thousand characters carry
 * what a person searches for, while the whole of it would multiply the
 * index's memory and build time for tail terms nobody types.
 */
export const BODY_INDEX_CHARS = 4_000;

/** Query length caps: a pasted paragraph must not turn into a hundred fuzzy lookups. */
export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_TERMS = 8;

/**
 * Subject first: it is the ticket's own summary. The customer's and the
 * requester's names identify it too. The body is long and wordy, so a match
 * there counts least.
 */
const FIELD_BOOST = { subject: 3, customer: 2, requester: 2, body: 1 } as const;
const FIELDS = Object.keys(FIELD_BOOST);

/**
 * The choices bench/micro/ticket-search.ts compares; the defaults are what it
 * measured best within the budget (p95 < 50 ms at 100k tickets).
 */
export interface SearchTuning {
  /** 'and': a ticket must match every word typed; 'or': any of them. */
  combineWith: 'and' | 'or';
  /** Prefix-match every word typed, or only the last (the one still being typed). */
  prefix: 'all' | 'last';
  /**
   * Shortest word prefix-matched; shorter ones match whole words only. A one-
   * or two-letter prefix expands to a large share of the vocabulary (tens of
   * thousands of tickets to score) and says little about what is wanted.
   */
  prefixMinLength: number;
  /** Shortest word matched with one typo (shorter words would match too much); Infinity: none. */
  fuzzyMinLength: number;
  /** Leave out the commonest English function words ("the", "to", "and"), in the index and in queries. */
  stopWords: boolean;
  /**
   * Rank with MiniSearch's query execution and keep only the best `limit`
   * (see RankedMiniSearch), instead of its search(), which builds and sorts
   * a result object for every match.
   */
  topK: boolean;
}

export const DEFAULT_TUNING: SearchTuning = {
  combineWith: 'and',
  prefix: 'all',
  prefixMinLength: 3,
  fuzzyMinLength: 4,
  stopWords: true,
  topK: true,
};

/**
 * Words in nearly every English ticket: indexing them costs memory and build
 * time, and a query on one would score every ticket to rank them by noise.
 * Deliberately short: negations ("not", "no"), "us", "all", "up", "off" and
 * the like carry meaning in support text and stay.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an and are as at be been but by did do does for from had has have i if in into is it its me my of on or our so
  than that the their them then there these they this to was we were what when which will with would you your`.split(
    /\s+/,
  ),
);

const HAS_LETTER = /\p{L}/u;

/** Cuts a body for indexing at a word boundary near BODY_INDEX_CHARS, so no word is indexed half. */
export function bodyForIndex(body: string): string {
  if (body.length <= BODY_INDEX_CHARS) return body;
  const cut = body.slice(0, BODY_INDEX_CHARS + 1);
  const lastSpace = cut.search(/\s\S*$/);
  return lastSpace > 0 ? cut.slice(0, lastSpace) : body.slice(0, BODY_INDEX_CHARS);
}

/** The index's view of a ticket; `customer` is the customer's current name, if known. */
export function ticketSearchDoc(
  ticket: Pick<Ticket, 'id' | 'subject' | 'body' | 'requesterName' | 'requesterEmail'>,
  customer: Pick<Customer, 'name'> | undefined,
): TicketSearchDoc {
  return {
    id: ticket.id,
    subject: ticket.subject,
    body: bodyForIndex(ticket.body),
    requester: `${ticket.requesterName} ${ticket.requesterEmail}`,
    customer: customer?.name ?? '',
  };
}

/** One word of a query, with how loosely it may match. */
interface QueryTerm {
  term: string;
  prefix: boolean;
  /** Edits allowed (false: none). */
  fuzzy: number | false;
}

/** One match as MiniSearch's query execution leaves it (before search() turns it into a result). */
interface RawMatch {
  score: number;
  /** Query terms matched. */
  terms: string[];
  /** Document term → fields it matched in. */
  match: Record<string, string[]>;
}

type ExecuteQuery = (query: Query, options: SearchOptions) => Map<number, RawMatch>;

interface Ranked {
  shortId: number;
  score: number;
  match: RawMatch;
}

/** Best `limit` of `matches`, best first; on equal scores the earlier first, as search()'s stable sort does. */
function selectTop(matches: Map<number, RawMatch>, limit: number): Ranked[] {
  // search() multiplies by the number of query terms matched (its "quality").
  const scoreOf = (match: RawMatch) => match.score * (match.terms.length || 1);
  if (limit > 200) {
    // Insertion into a long best-list costs more than one sort.
    const all: Ranked[] = [];
    for (const [shortId, match] of matches) all.push({ shortId, score: scoreOf(match), match });
    return all.sort((a, b) => b.score - a.score).slice(0, limit);
  }
  const best: Ranked[] = [];
  for (const [shortId, match] of matches) {
    const score = scoreOf(match);
    if (best.length === limit && score <= (best[limit - 1]?.score ?? -Infinity)) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((best[middle]?.score ?? -Infinity) >= score) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, { shortId, score, match });
    if (best.length > limit) best.pop();
  }
  return best;
}

/**
 * MiniSearch, searched faster at 100k tickets while matching and scoring
 * exactly as it does (ticket-search-index.test.ts checks both agree):
 *
 * - Its search() builds a result object for every match and sorts them all:
 *   a common word matches 15,000 tickets, and that costs as much again as
 *   finding and scoring them. Here only the best `limit` become results.
 * - Its AND scores every word over all of the tickets that have it, then
 *   intersects. Here the words run one after another, the likely rarest
 *   first: the first is scored over all its tickets, each later one only over
 *   the tickets still in (the others are skipped by boostDocument 0 before
 *   any scoring). "sync stuck upd" scores the 5,600 "stuck" tickets and then
 *   a few hundred, not the 31,000 that have any of the three.
 * - The first word's matches are kept for the next query (see firstTerm).
 *
 * Both go through executeQuery, MiniSearch's query execution, which is not in
 * its typed API: where it is missing (a later version) search() is used as it
 * is, slower but the same.
 */
class RankedMiniSearch extends MiniSearch<TicketSearchDoc> {
  /**
   * The matches of the last query's first word. Typing "password reset" asks
   * "password r", "password re", …: each reuses "password" (15,000 tickets
   * at 100k) and only scores the word being typed. Any change to the index
   * drops it (forget()).
   */
  private firstTerm: { key: string; matches: Map<number, RawMatch> } | null = null;

  private get execute(): ExecuteQuery | null {
    const execute = (this as unknown as { executeQuery?: unknown }).executeQuery;
    return typeof execute === 'function' ? (execute.bind(this) as ExecuteQuery) : null;
  }

  /** The index changed: remembered matches are stale. */
  forget(): void {
    this.firstTerm = null;
  }

  /** Tickets matching every term, best `limit` first. */
  topAll(terms: readonly QueryTerm[], options: SearchOptions, limit: number): TicketSearchHit[] {
    const execute = this.execute;
    if (!execute) return this.viaSearch(terms, 'AND', options, limit);
    // Longer words are rarer, and a word matched exactly (no prefix) expands to fewer terms.
    const [first, ...rest] = [...terms].sort(
      (a, b) => Number(a.prefix) - Number(b.prefix) || b.term.length - a.term.length,
    );
    if (!first) return [];
    const key = `${first.term}\u0000${first.prefix}\u0000${first.fuzzy}`;
    if (this.firstTerm?.key !== key) {
      this.firstTerm = { key, matches: execute(first.term, { ...options, prefix: first.prefix, fuzzy: first.fuzzy }) };
    }
    // Never modified below: the next query may reuse it.
    let combined = this.firstTerm.matches;
    for (const { term, prefix, fuzzy } of rest) {
      if (combined.size === 0) break;
      const still = combined;
      const boostDocument = (id: unknown) => {
        const shortId = this._idToShortId.get(id);
        return shortId !== undefined && still.has(shortId) ? 1 : 0;
      };
      const matches = execute(term, { ...options, prefix, fuzzy, boostDocument });
      // Only tickets this word matched too stay in, with the scores added up as MiniSearch's AND does.
      const next = new Map<number, RawMatch>();
      for (const [shortId, match] of matches) {
        const sofar = combined.get(shortId);
        if (!sofar) continue;
        const queryTerms = sofar.terms.slice();
        for (const queryTerm of match.terms) if (!queryTerms.includes(queryTerm)) queryTerms.push(queryTerm);
        next.set(shortId, {
          score: sofar.score + match.score,
          terms: queryTerms,
          match: Object.assign({}, sofar.match, match.match),
        });
      }
      combined = next;
    }
    return this.hits(combined, limit);
  }

  /** Tickets matching any of the terms, best `limit` first. */
  topAny(terms: readonly QueryTerm[], options: SearchOptions, limit: number): TicketSearchHit[] {
    const execute = this.execute;
    if (!execute) return this.viaSearch(terms, 'OR', options, limit);
    return this.hits(execute(this.queryOf(terms, 'OR'), options), limit);
  }

  /** The same search through MiniSearch's search(), as the library does it. */
  viaSearch(
    terms: readonly QueryTerm[],
    combineWith: 'AND' | 'OR',
    options: SearchOptions,
    limit: number,
  ): TicketSearchHit[] {
    return this.search(this.queryOf(terms, combineWith), options)
      .slice(0, limit)
      .map((result) => ({ id: result.id as TicketId, score: result.score, terms: result.terms }));
  }

  private queryOf(terms: readonly QueryTerm[], combineWith: 'AND' | 'OR'): Query {
    return { combineWith, queries: terms.map(({ term, prefix, fuzzy }) => ({ queries: [term], prefix, fuzzy })) };
  }

  private hits(matches: Map<number, RawMatch>, limit: number): TicketSearchHit[] {
    return selectTop(matches, limit).map(({ shortId, score, match }) => ({
      id: this._documentIds.get(shortId) as TicketId,
      score,
      terms: Object.keys(match.match),
    }));
  }
}

/**
 * Full-text search over tickets (MiniSearch: an inverted index on a radix
 * tree, BM25 ranking), with the tokenizing and folding the highlighter uses.
 * Text is only ever split into words and compared: nothing is interpreted as
 * markup or as a pattern.
 */
export class TicketSearchIndex {
  private readonly index: RankedMiniSearch;
  private readonly tuning: SearchTuning;
  private readonly searchOptions: SearchOptions;

  constructor(tuning: Partial<SearchTuning> = {}) {
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
    const { stopWords } = this.tuning;
    this.index = new RankedMiniSearch({
      fields: FIELDS,
      storeFields: [],
      tokenize: searchTokens,
      processTerm: (term) => {
        const folded = foldSearchTerm(term);
        return folded === '' || (stopWords && STOP_WORDS.has(folded)) ? null : folded;
      },
    });
    this.searchOptions = {
      boost: { ...FIELD_BOOST },
      // A longer form of the word typed ("logins" for "login") is a better match than
      // another word one typo away ("logon"): MiniSearch's defaults (0.375, 0.45) rank them the other way.
      weights: { prefix: 0.5, fuzzy: 0.3 },
      // The query's words arrive folded and filtered (see search()): MiniSearch keeps them as they are.
      processTerm: (term) => term,
    };
  }

  /** Tickets indexed. */
  get size(): number {
    return this.index.documentCount;
  }

  has(id: TicketId): boolean {
    return this.index.has(id);
  }

  /** Adds tickets, or replaces the indexed text of tickets already there. */
  upsert(docs: readonly TicketSearchDoc[]): void {
    for (const doc of docs) {
      // replace() discards the old version by id: the index need not keep the old text to remove it.
      if (this.index.has(doc.id)) this.index.replace(doc);
      else this.index.add(doc);
    }
    this.index.forget();
  }

  /**
   * Drops tickets; ids not indexed are ignored. discard() marks them gone at
   * once (searches skip them) and the index is compacted in the background
   * once enough are discarded (MiniSearch's auto-vacuum).
   */
  remove(ids: readonly TicketId[]): void {
    for (const id of ids) {
      if (this.index.has(id)) this.index.discard(id);
    }
    this.index.forget();
  }

  clear(): void {
    this.index.removeAll();
    this.index.forget();
  }

  /**
   * Best `limit` matches, best first. Every word must match (as typed, as the
   * start of a longer word from three letters, or with one typo from four).
   * Stop words are left out, except the last word, which may be the start of
   * a longer one still being typed ("for" → "format"). A last word that is
   * still provisional (too short to be a prefix, or a stop word) narrows the
   * results only if something matches it: typing "printer a" on the way to
   * "printer access" keeps showing the printer tickets rather than nothing.
   * An empty or all-punctuation query matches nothing.
   */
  search(text: string, limit: number): TicketSearchHit[] {
    const { stopWords, prefixMinLength } = this.tuning;
    const words = searchTokens(text.slice(0, MAX_QUERY_CHARS))
      .slice(0, MAX_QUERY_TERMS)
      .map(foldSearchTerm)
      .filter((word) => word !== '');
    const kept = stopWords ? words.filter((word, index) => index === words.length - 1 || !STOP_WORDS.has(word)) : words;
    const terms = [...new Set(kept)];
    const last = terms.at(-1);
    if (last === undefined || limit <= 0) return [];
    const hits = this.run(terms, limit);
    const provisional = last.length < prefixMinLength || (stopWords && STOP_WORDS.has(last));
    return hits.length === 0 && provisional && terms.length > 1 ? this.run(terms.slice(0, -1), limit) : hits;
  }

  /** The same search through MiniSearch's own search(): what the fast path must agree with. */
  searchViaLibrary(text: string, limit: number): TicketSearchHit[] {
    const previous = this.tuning.topK;
    this.tuning.topK = false;
    try {
      return this.search(text, limit);
    } finally {
      this.tuning.topK = previous;
    }
  }

  private run(words: readonly string[], limit: number): TicketSearchHit[] {
    const { prefix, prefixMinLength, fuzzyMinLength, combineWith, topK } = this.tuning;
    const terms = words.map((term, index): QueryTerm => ({
      term,
      prefix: term.length >= prefixMinLength && (prefix === 'all' || index === words.length - 1),
      // A number with one digit off is another order or error code, not a typo.
      fuzzy: term.length >= fuzzyMinLength && HAS_LETTER.test(term) ? 1 : false,
    }));
    if (!topK) return this.index.viaSearch(terms, combineWith === 'and' ? 'AND' : 'OR', this.searchOptions, limit);
    return combineWith === 'and'
      ? this.index.topAll(terms, this.searchOptions, limit)
      : this.index.topAny(terms, this.searchOptions, limit);
  }
}
