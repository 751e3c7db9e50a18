import { CreatedOrder } from './created-order.ts';
import { PostingList } from './posting-list.ts';
import { TermAnalyzer, fieldText } from './ticket-terms.ts';
import { TopK } from './top-k.ts';

/**
 * Similar tickets by TF-IDF cosine over an inverted index, incrementally
 * maintained, in memory (the search worker keeps one beside the search index).
 *
 * The method, in full (so a person can check why two tickets matched):
 * - a ticket's terms come from its subject, body and customer messages
 *   (ticket-terms.ts), all alike: counting subject words twice was measured
 *   on the labelled fixture and did no better (slightly worse), so the
 *   simpler rule stays;
 * - a term's weight in a ticket is (1 + ln tf) × idf, with idf = ln(1 + N / df)
 *   (N tickets, df of them with the term): a word in every ticket weighs
 *   little, one in a handful weighs a lot, and repeating a word ten times
 *   does not make it ten times as important;
 * - two tickets' similarity is the cosine of their weight vectors, 0..1, and
 *   the shared terms that contribute most to it are shown as the reason.
 *
 * Cost does not grow with the number of tickets:
 * - an upsert or removal touches only that ticket's terms (their postings and
 *   document frequencies); a ticket whose text did not change (a status or
 *   assignee change) costs one hash of its text;
 * - a query reads the postings of the ticket's MAX_QUERY_TERMS heaviest terms,
 *   and of a very common term only its newest MAX_POSTINGS_PER_TERM (newest
 *   by when the index got them), so at most 32 × 4,096 postings, whatever
 *   the size; the best 64 candidates by that partial sum (8 × the limit, if
 *   more) are then scored exactly from their own term lists. The benchmark
 *   checks the result against brute force (bench/benchmarks/similar-tickets.ts).
 *
 * IDF drift: idf changes as tickets arrive. Term weights are stored without
 * idf (1 + ln tf only) and multiplied by the current idf when read, so dot
 * products are always current. A ticket's vector length (its norm) depends on
 * the idf of all its terms, so it is stored and goes stale; it is used only
 * to pick candidates, and:
 * - every candidate shown is scored exactly (norms recomputed with today's
 *   idf from its term list, and stored back), so returned scores are exact
 *   and symmetric (a~b equals b~a);
 * - all stored norms are recomputed whenever the number of tickets has
 *   doubled or halved since they last were, like a growing array: amortized,
 *   that is a constant cost per upsert, and stale norms stay within one
 *   doubling of the truth.
 */

export interface SimilarityDoc<Id extends string = string> {
  id: Id;
  subject: string;
  body: string;
  /** More text by the customer (follow-up messages), weighed as the body is. */
  extraText?: string;
  /** Epoch ms. */
  createdAt: number;
  /** Never suggested (a ticket merged into another), but its words still count in idf and in flood volume. */
  excluded?: boolean;
}

export interface SimilarTicket<Id extends string = string> {
  id: Id;
  /** Cosine similarity, 0..1. */
  score: number;
  /** The shared words that contribute most to the score, strongest first (a word as written, folded). */
  sharedTerms: string[];
}

export interface SimilarOptions {
  limit?: number;
  /** Matches scoring below this are not suggested. */
  minScore?: number;
  /**
   * Score by cosine and neighbourhood agreement (true, the default: see
   * NEIGHBOURHOOD), or by cosine alone (false: `score` is then exactly
   * similarity(id, match.id)).
   */
  neighbourhood?: boolean;
}

/** A ticket's weighted, unit-length term vector, for clustering (flood-detection.ts). */
export interface TicketVector<Id extends string = string> {
  id: Id;
  subject: string;
  createdAt: number;
  excluded: boolean;
  /** Term ids, ascending. */
  terms: Uint32Array;
  /** Unit-length weights (current idf), beside `terms`. */
  weights: Float64Array;
}

/**
 * Suggestions scoring below this are not shown. Chosen on the labelled
 * fixture (similarity-quality.test.ts): see the reasoning there.
 */
export const DEFAULT_MIN_SCORE = 0.18;
/**
 * Neighbourhood agreement (second-order similarity). Duplicates share a
 * cause, not always words: "Notifications stopped" and "the app no longer
 * alerts me" have a low cosine, yet both are close to the same other reports
 * of the fault. So a suggestion's score is the mean of
 * - its cosine with the ticket, and
 * - its mean cosine with the ticket's other NEIGHBOURHOOD − 1 nearest tickets
 *   (by cosine): how well it agrees with what the ticket is like.
 * A candidate that shares one rare word by chance (a one-off near miss) has a
 * fair cosine but is unlike the ticket's other neighbours, and drops; a
 * paraphrase that every neighbour resembles rises. This is the "mean
 * similarity to the k nearest neighbours" form of shared-nearest-neighbour
 * scoring (Jarvis & Patrick; cf. Rocchio feedback), measured against true
 * SNN (overlap of both tickets' neighbour lists, which would need a query per
 * candidate) in similarity-quality.test.ts's notes, and as good there.
 * Cost: NEIGHBOURHOOD × (NEIGHBOURHOOD − 1) / 2 exact cosines between tickets
 * already scored, whatever the index size. The divisor is fixed, so a ticket
 * with few neighbours (a small queue) gets little agreement: little evidence.
 * The price: a lone pair that no other ticket backs needs a cosine of twice
 * DEFAULT_MIN_SCORE (0.36) to be suggested, where cosine alone asked 0.25.
 * Scores stay in 0..1; the shared words shown are still the ones the ticket
 * and the suggestion have in common.
 */
export const NEIGHBOURHOOD = 10;
export const DEFAULT_SIMILAR_LIMIT = 5;
/** Terms of the asking ticket whose postings are read: its heaviest (its rarest, most repeated). */
export const MAX_QUERY_TERMS = 32;
/** Postings read per term at most; the newest. */
export const MAX_POSTINGS_PER_TERM = 4_096;
/** Candidates scored exactly, at least (and at least 8 × the limit). */
const MIN_CANDIDATES = 64;
const SHARED_TERMS_SHOWN = 5;
/** Below this many tickets, norms are simply recomputed on every doubling from here. */
const MIN_NORM_EPOCH = 32;

interface Entry<Id extends string> {
  id: Id;
  slot: number;
  subject: string;
  createdAt: number;
  excluded: boolean;
  /** Of subject, body and extra text: a change of anything else does not re-index. */
  fingerprint: number;
  /** Term ids, ascending. */
  terms: Uint32Array;
  /** 1 + ln(tf) per term (no idf: see IDF drift above). */
  weights: Float32Array;
  /** |vector| with the idf of when it was last computed. */
  norm: number;
}

/** FNV-1a over the text's UTF-16 units: tells whether a ticket's text changed without keeping the text. */
function fingerprint(parts: readonly string[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      hash ^= part.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0xffff;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function isList<T>(value: T | readonly T[]): value is readonly T[] {
  return Array.isArray(value);
}

/** The dot product of two unit-length ticket vectors: their cosine. */
function unitDot(a: TicketVector, b: TicketVector): number {
  let dot = 0;
  let j = 0;
  for (let i = 0; i < a.terms.length; i++) {
    const term = a.terms[i] as number;
    while (j < b.terms.length && (b.terms[j] as number) < term) j++;
    if (b.terms[j] === term) dot += (a.weights[i] as number) * (b.weights[j] as number);
  }
  return dot;
}

/** A vector's Euclidean length. */
function length(weights: Float64Array): number {
  let sum = 0;
  for (const weight of weights) sum += weight * weight;
  return Math.sqrt(sum);
}

export class SimilarityIndex<Id extends string = string> {
  private readonly analyzer = new TermAnalyzer();
  private readonly termIds = new Map<string, number>();
  /** Per term id: how it is shown (the shortest word seen that became it). */
  private readonly display: string[] = [];
  private readonly postings: PostingList[] = [];
  private documentFrequency = new Int32Array(1024);
  private readonly entries = new Map<Id, Entry<Id>>();
  /** Slot → entry (undefined once removed). Slots only grow, so postings stay sorted by slot. */
  private bySlot: (Entry<Id> | undefined)[] = [];
  private nextSlot = 0;
  private readonly order = new CreatedOrder();
  /** The ticket count when every norm was last recomputed. */
  private normEpoch = MIN_NORM_EPOCH;
  /** Scratch for queries: one score per slot, and which slots were touched. */
  private scratch = new Float64Array(1024);
  private touched = new Int32Array(1024);

  /** Tickets indexed. */
  get size(): number {
    return this.entries.size;
  }

  has(id: Id): boolean {
    return this.entries.has(id);
  }

  /** Adds tickets, or updates those already in (re-indexing their text only if it changed). */
  upsert(docs: SimilarityDoc<Id> | readonly SimilarityDoc<Id>[]): void {
    const list: readonly SimilarityDoc<Id>[] = isList(docs) ? docs : [docs];
    for (const doc of list) this.upsertOne(doc);
    this.maybeRefreshNorms();
  }

  /** Drops tickets; ids not indexed are ignored. */
  remove(ids: Id | readonly Id[]): void {
    for (const id of typeof ids === 'string' ? [ids] : ids) {
      const entry = this.entries.get(id);
      if (entry) this.removeEntry(entry);
    }
    this.maybeRefreshNorms();
  }

  clear(): void {
    this.termIds.clear();
    this.display.length = 0;
    this.postings.length = 0;
    this.documentFrequency = new Int32Array(1024);
    this.entries.clear();
    this.bySlot = [];
    this.nextSlot = 0;
    this.order.clear();
    this.normEpoch = MIN_NORM_EPOCH;
    this.analyzer.clear();
  }

  /**
   * The tickets most similar to `id`'s, best first: at most `limit`, each
   * scoring at least `minScore`, never `id` itself nor an excluded ticket.
   * An unknown id has none.
   */
  similarTo(id: Id, options: SimilarOptions = {}): SimilarTicket<Id>[] {
    const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_SIMILAR_LIMIT));
    const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
    const query = this.entries.get(id);
    if (!query || limit === 0) return [];
    const queryWeights = this.weighted(query);
    const queryNorm = length(queryWeights);
    if (queryNorm === 0) return [];

    const scored: { entry: Entry<Id>; match: SimilarTicket<Id> }[] = [];
    for (const { slot } of this.candidates(query, queryWeights, Math.max(MIN_CANDIDATES, 8 * limit)).take()) {
      const entry = this.bySlot[slot];
      if (entry) scored.push({ entry, match: this.exactMatch(query, queryWeights, queryNorm, entry) });
    }
    const byScore = (a: SimilarTicket<Id>, b: SimilarTicket<Id>) => b.score - a.score || (a.id < b.id ? -1 : 1);
    scored.sort((a, b) => byScore(a.match, b.match));
    const results =
      options.neighbourhood === false
        ? scored.map(({ match }) => match)
        : this.withAgreement(scored.slice(0, NEIGHBOURHOOD).filter(({ match }) => match.score > 0));
    return results
      .filter((match) => match.score >= minScore)
      .sort(byScore)
      .slice(0, limit);
  }

  /** Each neighbour's score becomes the mean of its cosine and its mean cosine with the other neighbours (NEIGHBOURHOOD). */
  private withAgreement(neighbours: readonly { entry: Entry<Id>; match: SimilarTicket<Id> }[]): SimilarTicket<Id>[] {
    const vectors = neighbours.map(({ entry }) => this.vectorOf(entry));
    const agreement = new Float64Array(neighbours.length);
    for (let a = 0; a < vectors.length; a++) {
      for (let b = a + 1; b < vectors.length; b++) {
        const cosine = unitDot(vectors[a] as TicketVector<Id>, vectors[b] as TicketVector<Id>);
        agreement[a] = (agreement[a] as number) + cosine;
        agreement[b] = (agreement[b] as number) + cosine;
      }
    }
    return neighbours.map(({ match }, i) => ({
      ...match,
      score: (match.score + (agreement[i] as number) / (NEIGHBOURHOOD - 1)) / 2,
    }));
  }

  /** Exact cosine of two indexed tickets (0 when either is unknown): for tests and tools. */
  similarity(a: Id, b: Id): number {
    const first = this.entries.get(a);
    const second = this.entries.get(b);
    if (!first || !second) return 0;
    const weights = this.weighted(first);
    const norm = length(weights);
    return norm === 0 ? 0 : this.exactMatch(first, weights, norm, second).score;
  }

  /** Tickets created in [from, to). */
  countCreatedBetween(from: number, to: number): number {
    return this.order.countBetween(from, to);
  }

  /** When the oldest ticket indexed was created (undefined: none). */
  earliestCreatedAt(): number | undefined {
    return this.order.earliest();
  }

  /** Vectors of the tickets created in [from, to), oldest first; only the newest `newest` of them. */
  createdBetween(from: number, to: number, newest = Infinity): TicketVector<Id>[] {
    const vectors: TicketVector<Id>[] = [];
    for (const slot of this.order.slotsBetween(from, to, newest)) {
      const entry = this.bySlot[slot];
      if (entry) vectors.push(this.vectorOf(entry));
    }
    return vectors;
  }

  /** A term as people read it. */
  displayTerm(termId: number): string {
    return this.display[termId] ?? '';
  }

  private upsertOne(doc: SimilarityDoc<Id>): void {
    const body = fieldText(doc.body);
    const extra = fieldText(doc.extraText ?? '');
    const print = fingerprint([doc.subject, body, extra]);
    const existing = this.entries.get(doc.id);
    if (existing && existing.fingerprint === print && existing.createdAt === doc.createdAt) {
      existing.excluded = doc.excluded === true;
      return;
    }
    if (existing) this.removeEntry(existing);

    const counts = new Map<number, number>();
    const count = (term: string, word: string) => {
      const termId = this.termIdOf(term, word);
      counts.set(termId, (counts.get(termId) ?? 0) + 1);
    };
    for (const text of [doc.subject, body, extra]) this.analyzer.forEachTerm(text, count);

    const terms = Uint32Array.from(counts.keys()).sort();
    const weights = Float32Array.from(terms, (termId) => 1 + Math.log(counts.get(termId) ?? 1));
    const slot = this.nextSlot++;
    const entry: Entry<Id> = {
      id: doc.id,
      slot,
      subject: doc.subject,
      createdAt: doc.createdAt,
      excluded: doc.excluded === true,
      fingerprint: print,
      terms,
      weights,
      norm: 0,
    };
    terms.forEach((termId, i) => {
      this.postingsOf(termId).append(slot, weights[i] as number);
      this.documentFrequency[termId] = (this.documentFrequency[termId] ?? 0) + 1;
    });
    this.entries.set(doc.id, entry);
    this.bySlot[slot] = entry;
    this.order.add(doc.createdAt, slot);
    entry.norm = this.normOf(entry);
  }

  private removeEntry(entry: Entry<Id>): void {
    for (const termId of entry.terms) {
      this.postings[termId]?.remove(entry.slot);
      this.documentFrequency[termId] = (this.documentFrequency[termId] ?? 1) - 1;
    }
    this.entries.delete(entry.id);
    this.bySlot[entry.slot] = undefined;
    this.order.remove(entry.createdAt, entry.slot);
  }

  private termIdOf(term: string, word: string): number {
    let termId = this.termIds.get(term);
    if (termId === undefined) {
      termId = this.display.length;
      this.termIds.set(term, termId);
      this.display.push(word);
      this.postings.push(new PostingList());
      if (termId >= this.documentFrequency.length) {
        const grown = new Int32Array(this.documentFrequency.length * 2);
        grown.set(this.documentFrequency);
        this.documentFrequency = grown;
      }
    } else {
      // The shortest form read is usually the plain one ("fail", not "failing").
      const shown = this.display[termId] as string;
      if (word.length < shown.length || (word.length === shown.length && word < shown)) this.display[termId] = word;
    }
    return termId;
  }

  private postingsOf(termId: number): PostingList {
    const list = this.postings[termId];
    if (!list) throw new Error(`no postings for term ${termId}`);
    return list;
  }

  private idf(termId: number): number {
    const df = this.documentFrequency[termId] ?? 0;
    return df > 0 ? Math.log(1 + this.entries.size / df) : 0;
  }

  /** The entry's term weights with today's idf, beside its terms. */
  private weighted(entry: Entry<Id>): Float64Array {
    return Float64Array.from(entry.terms, (termId, i) => (entry.weights[i] as number) * this.idf(termId));
  }

  private vectorOf(entry: Entry<Id>): TicketVector<Id> {
    const weights = this.weighted(entry);
    const norm = length(weights);
    if (norm > 0) for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] as number) / norm;
    return {
      id: entry.id,
      subject: entry.subject,
      createdAt: entry.createdAt,
      excluded: entry.excluded,
      terms: entry.terms,
      weights,
    };
  }

  /**
   * The `k` tickets with the highest query · ticket / stored norm, adding up
   * the postings of the query's heaviest terms only (bounded: see the class
   * comment). Never the query itself, an excluded or an empty ticket.
   */
  private candidates(query: Entry<Id>, queryWeights: Float64Array, k: number): TopK {
    if (this.scratch.length < this.nextSlot) {
      const capacity = Math.max(this.nextSlot, this.scratch.length * 2);
      this.scratch = new Float64Array(capacity);
      this.touched = new Int32Array(capacity);
    }
    const { scratch, touched } = this;
    let touchedCount = 0;
    const heaviest = Array.from(query.terms.keys())
      // A term only this ticket has cannot find another.
      .filter((i) => (this.documentFrequency[query.terms[i] as number] ?? 0) > 1)
      .sort((a, b) => (queryWeights[b] as number) - (queryWeights[a] as number))
      .slice(0, MAX_QUERY_TERMS);
    for (const i of heaviest) {
      const termId = query.terms[i] as number;
      const list = this.postingsOf(termId);
      // The posting holds 1 + ln tf: the ticket's weight is that × idf.
      const factor = (queryWeights[i] as number) * this.idf(termId);
      const { slots, weights } = list;
      for (let p = Math.max(0, list.length - MAX_POSTINGS_PER_TERM); p < list.length; p++) {
        const slot = slots[p] as number;
        const sofar = scratch[slot] as number;
        if (sofar === 0) touched[touchedCount++] = slot;
        scratch[slot] = sofar + factor * (weights[p] as number);
      }
    }
    const best = new TopK(k);
    for (let t = 0; t < touchedCount; t++) {
      const slot = touched[t] as number;
      const entry = this.bySlot[slot];
      if (entry && entry !== query && !entry.excluded && entry.norm > 0)
        best.offer(slot, (scratch[slot] as number) / entry.norm);
      scratch[slot] = 0;
    }
    return best;
  }

  /** The exact cosine and the strongest shared terms; refreshes the candidate's stored norm. */
  private exactMatch(
    query: Entry<Id>,
    queryWeights: Float64Array,
    queryNorm: number,
    candidate: Entry<Id>,
  ): SimilarTicket<Id> {
    const shared: { termId: number; contribution: number }[] = [];
    let dot = 0;
    let squares = 0;
    let i = 0;
    for (let j = 0; j < candidate.terms.length; j++) {
      const termId = candidate.terms[j] as number;
      const weight = (candidate.weights[j] as number) * this.idf(termId);
      squares += weight * weight;
      while (i < query.terms.length && (query.terms[i] as number) < termId) i++;
      if (query.terms[i] === termId) {
        const contribution = (queryWeights[i] as number) * weight;
        dot += contribution;
        shared.push({ termId, contribution });
      }
    }
    candidate.norm = Math.sqrt(squares);
    const score = candidate.norm === 0 ? 0 : Math.min(1, dot / (queryNorm * candidate.norm));
    return {
      id: candidate.id,
      score,
      sharedTerms: shared
        .sort((x, y) => y.contribution - x.contribution)
        .slice(0, SHARED_TERMS_SHOWN)
        .map(({ termId }) => this.displayTerm(termId)),
    };
  }

  /** |vector| of a ticket with today's idf. */
  private normOf(entry: Entry<Id>): number {
    let squares = 0;
    for (let j = 0; j < entry.terms.length; j++) {
      const weight = (entry.weights[j] as number) * this.idf(entry.terms[j] as number);
      squares += weight * weight;
    }
    return Math.sqrt(squares);
  }

  /** Recomputes every stored norm once the ticket count has doubled or halved since the last time. */
  private maybeRefreshNorms(): void {
    const size = this.entries.size;
    if (size < 2 * this.normEpoch && 2 * size > this.normEpoch) return;
    this.normEpoch = Math.max(MIN_NORM_EPOCH, size);
    for (const entry of this.entries.values()) entry.norm = this.normOf(entry);
  }
}
