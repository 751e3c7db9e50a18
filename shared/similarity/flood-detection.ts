import type { SimilarityIndex, TicketVector } from './similarity-index.ts';
import { ticketLabel } from './ticket-label.ts';

/**
 * Is the queue flooding, and with what? "38 new tickets in 20 min (about 6
 * expected), 31 look like 'Login fails after update'".
 *
 * Volume: tickets created in the last `windowMinutes` against the number
 * expected from the shift's baseline, the inflow rate over the
 * `baselineHours` before the window (the window itself left out, so a flood
 * does not raise its own bar). It is a flood when
 *   count ≥ max(minimumCount, factor × expected).
 * The minimum keeps a quiet night (expected ≈ 0) from calling three tickets a
 * flood; the factor of 3 is a clear departure from a Poisson-like inflow (at
 * 20 expected, 60 is more than eight standard deviations out), yet an outage
 * doubling a busy day's inflow plus a cluster is caught by the cluster rule.
 * The baseline covers the part of those hours that the index has tickets for
 * (from its oldest ticket on): the device holds every ticket created in the
 * last days, so this only matters for a workspace younger than the baseline,
 * whose first hours would otherwise read as quiet ones. A baseline shorter
 * than the window says nothing: then only the minimum applies. Hours with no
 * tickets after the oldest one are quiet hours, and count.
 *
 * Clusters: the window's tickets grouped by what they say. Star clustering
 * (Aslam et al.) over the similarity graph: two tickets are linked when their
 * cosine (the suggestions' measure, with the index's idf) reaches
 * `clusterScore`; the ticket with the most links is a star's centre and its
 * unclaimed neighbours its members, and so on down. Each star then takes in
 * every unclaimed ticket as close to its centroid as a link requires: people
 * describe one outage in many ways, and a ticket that shares a word or two
 * with each of several members ("can't get in since the update") belongs
 * although it is linked to none. The member closest to the centroid is the
 * most central ticket: its subject (cleaned: ticketLabel) names the cluster,
 * and the centroid's heaviest words are its top terms.
 *
 * `clusterScore` is lower than the suggestions' DEFAULT_MIN_SCORE on
 * purpose: among tickets that arrived in the same twenty minutes of a surge,
 * the same evidence (a cosine) means more, because far more of them are
 * about one thing than any two tickets picked from the whole queue. Its value
 * was chosen on the labelled fixture (similarity-quality.test.ts).
 *
 * Only the newest MAX_CLUSTERED tickets of the window are clustered: the
 * graph costs up to the square of the tickets, and 400 are plenty to say what
 * a flood is about.
 *
 * A flood of look-alikes hidden in a busy day: a cluster of `clusterTrigger`
 * or more similar new tickets is reported as a flood even when the volume is
 * not (reason 'cluster'): twelve people reporting the same fault in twenty
 * minutes is an incident whatever else is arriving. Below both bars the
 * answer is null: the banner is for floods, and duplicates in a calm queue
 * are what the per-ticket suggestions are for.
 *
 * Merged (excluded) tickets count: they arrived, and merging a flood's
 * duplicates must not make the banner say the flood is over.
 */

export interface FloodOptions {
  /** Epoch ms. */
  now: number;
  windowMinutes?: number;
  baselineHours?: number;
  minimumCount?: number;
  factor?: number;
  /** Cosine at which two new tickets "look alike". */
  clusterScore?: number;
  /** Smallest group reported as a cluster. */
  minClusterSize?: number;
  /** A cluster this large is a flood on its own. */
  clusterTrigger?: number;
}

export interface FloodCluster<Id extends string = string> {
  /** The members, the centre first, then newest first. */
  ticketIds: Id[];
  /** The centre: the member most like the others. */
  centreId: Id;
  /** The centre's subject, cleaned. */
  label: string;
  /** The words weighing most across the members, as written (folded). */
  topTerms: string[];
}

export interface FloodReport<Id extends string = string> {
  windowMinutes: number;
  /** Tickets created in the window. */
  count: number;
  /** Tickets expected in a window of that length, at the baseline's rate (one decimal). */
  expected: number;
  /** The baseline's length asked for (it is shorter when the index holds no older tickets). */
  baselineHours: number;
  /**
   * Tickets of the window that were clustered: the newest MAX_CLUSTERED. Less
   * than `count` in a very large flood: cluster sizes are then "of the latest
   * `clustered`".
   */
  clustered: number;
  /** What made it a flood: the volume (maybe with clusters), or one large cluster alone. */
  reason: 'volume' | 'cluster';
  /** Largest first. */
  clusters: FloodCluster<Id>[];
}

export const DEFAULT_FLOOD_OPTIONS = {
  windowMinutes: 20,
  baselineHours: 8,
  minimumCount: 10,
  factor: 3,
  clusterScore: 0.15,
  minClusterSize: 3,
  clusterTrigger: 12,
} as const satisfies Required<Omit<FloodOptions, 'now'>>;

export const MAX_CLUSTERED = 400;
const TOP_TERMS = 5;
const MINUTE = 60_000;

export function detectFlood<Id extends string>(
  index: SimilarityIndex<Id>,
  options: FloodOptions,
): FloodReport<Id> | null {
  const settings = { ...DEFAULT_FLOOD_OPTIONS, ...options };
  const { now, windowMinutes, baselineHours, minimumCount, factor, clusterTrigger } = settings;
  const windowStart = now - windowMinutes * MINUTE;
  // The baseline covers what this device holds of the hours before the window (see above).
  const baselineStart = Math.max(windowStart - baselineHours * 60 * MINUTE, index.earliestCreatedAt() ?? Infinity);
  const baselineMinutes = (windowStart - baselineStart) / MINUTE;
  // Everything from the window's start, including tickets stamped a little ahead by another clock.
  const count = index.countCreatedBetween(windowStart, Infinity);
  const expected =
    baselineMinutes >= windowMinutes
      ? (index.countCreatedBetween(baselineStart, windowStart) * windowMinutes) / baselineMinutes
      : 0;
  const byVolume = count >= Math.max(minimumCount, factor * expected);
  if (!byVolume && count < clusterTrigger) return null;

  const sample = index.createdBetween(windowStart, Infinity, MAX_CLUSTERED);
  const clusters = clusterTickets(index, sample, settings);
  const largest = clusters[0]?.ticketIds.length ?? 0;
  if (!byVolume && largest < clusterTrigger) return null;
  return {
    windowMinutes,
    count,
    expected: Math.round(expected * 10) / 10,
    baselineHours,
    clustered: sample.length,
    reason: byVolume ? 'volume' : 'cluster',
    clusters,
  };
}

/** For each ticket, the others at or above `threshold`, with their scores. */
function similarityGraph(vectors: readonly TicketVector[], threshold: number): Map<number, number>[] {
  // A small inverted index over these tickets only (ticket, weight), so unrelated pairs are never compared.
  const byTerm = new Map<number, { tickets: number[]; weights: number[] }>();
  vectors.forEach((vector, i) => {
    vector.terms.forEach((term, t) => {
      let list = byTerm.get(term);
      if (!list) byTerm.set(term, (list = { tickets: [], weights: [] }));
      list.tickets.push(i);
      list.weights.push(vector.weights[t] as number);
    });
  });
  const scores = new Float64Array(vectors.length);
  const touched: number[] = [];
  return vectors.map((vector, i) => {
    vector.terms.forEach((term, t) => {
      const weight = vector.weights[t] as number;
      const list = byTerm.get(term);
      if (!list) return;
      for (let p = 0; p < list.tickets.length; p++) {
        const j = list.tickets[p] as number;
        if (scores[j] === 0) touched.push(j);
        scores[j] = (scores[j] as number) + weight * (list.weights[p] as number);
      }
    });
    const links = new Map<number, number>();
    for (const j of touched) {
      if (j !== i && (scores[j] as number) >= threshold) links.set(j, scores[j] as number);
      scores[j] = 0;
    }
    touched.length = 0;
    return links;
  });
}

function clusterTickets<Id extends string>(
  index: SimilarityIndex<Id>,
  vectors: readonly TicketVector<Id>[],
  settings: Required<Omit<FloodOptions, 'now'>>,
): FloodCluster<Id>[] {
  const threshold = settings.clusterScore;
  const graph = similarityGraph(vectors, threshold);
  const strength = graph.map((links) => [...links.values()].reduce((sum, score) => sum + score, 0));
  // Most links first; then the strongest links; then the newest.
  const order = vectors
    .map((_, i) => i)
    .sort((a, b) => (graph[b]?.size ?? 0) - (graph[a]?.size ?? 0) || (strength[b] ?? 0) - (strength[a] ?? 0) || b - a);
  const claimed = new Uint8Array(vectors.length);
  const clusters: FloodCluster<Id>[] = [];
  for (const centre of order) {
    if (claimed[centre]) continue;
    const star = [centre, ...[...(graph[centre]?.keys() ?? [])].filter((j) => !claimed[j])];
    if (star.length < settings.minClusterSize) continue;
    for (const i of star) claimed[i] = 1;
    // Then every unclaimed ticket as close to the star as a whole (its centroid) as a link requires.
    const starCentroid = centroidOf(star.map((i) => vectors[i] as TicketVector<Id>));
    const joined = vectors
      .map((vector, j) => (!claimed[j] && cosineToCentroid(vector, starCentroid) >= threshold ? j : -1))
      .filter((j) => j >= 0);
    for (const j of joined) claimed[j] = 1;
    const all = [...star, ...joined].sort((x, y) => y - x).map((i) => vectors[i] as TicketVector<Id>);
    const centroid = centroidOf(all);
    // The most central ticket: the member closest to what they all have in common.
    const medoid = all.reduce((best, vector) =>
      cosineToCentroid(vector, centroid) > cosineToCentroid(best, centroid) ? vector : best,
    );
    clusters.push({
      ticketIds: [medoid.id, ...all.filter((vector) => vector !== medoid).map((vector) => vector.id)],
      centreId: medoid.id,
      label: ticketLabel(medoid.subject),
      topTerms: [...centroid]
        .sort((x, y) => y[1] - x[1] || x[0] - y[0])
        .slice(0, TOP_TERMS)
        .map(([term]) => index.displayTerm(term)),
    });
  }
  return clusters.sort((a, b) => b.ticketIds.length - a.ticketIds.length);
}

/** The normalized sum of unit vectors, as term → weight. */
function centroidOf(members: readonly TicketVector[]): Map<number, number> {
  const sums = new Map<number, number>();
  for (const vector of members) {
    vector.terms.forEach((term, t) => sums.set(term, (sums.get(term) ?? 0) + (vector.weights[t] as number)));
  }
  let squares = 0;
  for (const weight of sums.values()) squares += weight * weight;
  const norm = Math.sqrt(squares);
  for (const [term, weight] of sums) sums.set(term, weight / norm);
  return sums;
}

function cosineToCentroid(vector: TicketVector, centroid: ReadonlyMap<number, number>): number {
  let sum = 0;
  vector.terms.forEach((term, t) => {
    sum += (vector.weights[t] as number) * (centroid.get(term) ?? 0);
  });
  return sum;
}
