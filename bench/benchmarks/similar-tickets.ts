/**
 * Similar-ticket suggestions and flood detection (shared/similarity/) at
 * BENCH_TICKETS local tickets, in plain Node: the code the search worker
 * runs, without the worker around it.
 *
 * The tickets are the search benchmark's synthetic queue (bench/micro/
 * ticket-corpus.ts), created over the last 24 hours, plus a burst: 5% more
 * tickets in the last 20 minutes, phrasings of one sign-in failure. Measured:
 * - the build (in slices of 250, as the worker indexes) and the index's heap;
 * - similar tickets for random tickets, p50/p95, and for burst tickets (whose
 *   words have the longest postings, the worst case); against a brute-force
 *   baseline in the same run (the exact cosine with every ticket, best 5),
 *   with how many of the baseline's top 5 the index also returns;
 * - incremental upkeep: 1% of the tickets re-texted, 1% removed, and a
 *   change that leaves the text alone (a status or assignee change);
 * - flood detection at the end of the burst, p50/p95 (and its first call,
 *   which puts the build's tickets in time order).
 *
 *   npx tsx bench/run.ts similar                   # via the harness (BENCH_TICKETS, default 10k)
 *   npx tsx bench/micro/similar-tickets.ts         # 10k and 100k, printed
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { detectFlood } from '#shared/similarity/flood-detection';
import { DEFAULT_MIN_SCORE, SimilarityIndex, type SimilarityDoc } from '#shared/similarity/similarity-index';
import { SeededRandom } from '#shared/util/seeded-random';
import { envNumber, shortCount } from '../harness/env.ts';
import { median, percentile, round } from '../harness/stats.ts';
import type { Benchmark, BenchmarkOutput, Metric } from '../harness/types.ts';
import { generateCorpus } from '../micro/ticket-corpus.ts';

const MINUTE = 60_000;
const NOW = Date.UTC(2025, 2, 4, 6, 0);
const SLICE = 250;
const QUERIES = 300;
const WARMUP = 30;
const BRUTE_FORCE_QUERIES = 10;
const FLOOD_RUNS = 30;
const LIMIT = 5;

const BURST_SUBJECTS = [
  'Login fails after the 4.12 update',
  'Cannot sign in since 4.12',
  'Sign-in loop after update',
  'E-AUTH-409 when logging in',
  'Locked out after the update',
];
const BURST_SENTENCES = [
  'Since the update I cannot log in, the page just reloads.',
  'Error E-AUTH-409 could not create session.',
  'The whole team is locked out since the 4.12 update.',
  'Password is correct but sign-in bounces back to the login page.',
  'Cleared the cache, tried another browser, same thing.',
  'We have drivers waiting, please fix asap.',
];

/** `count` tickets over the last day, plus a 5% burst of one problem in the last 20 minutes. */
function corpus(count: number): SimilarityDoc[] {
  const random = new SeededRandom(7);
  const docs: SimilarityDoc[] = generateCorpus(count).tickets.map((ticket) => ({
    id: ticket.id,
    subject: ticket.subject,
    body: ticket.body,
    createdAt: NOW - Math.floor(random.next() * 24 * 60 * MINUTE),
  }));
  const burst = Math.ceil(count * 0.05);
  for (let i = 0; i < burst; i++) {
    const sentences = Array.from({ length: 1 + random.int(3) }, () => random.pick(BURST_SENTENCES));
    docs.push({
      id: `tkt_burst${String(i).padStart(6, '0')}`,
      subject: random.pick(BURST_SUBJECTS),
      body: `Hi,\n\n${sentences.join(' ')}\n\nReference ${100_000 + random.int(900_000)}`,
      createdAt: NOW - Math.floor(random.next() * 20 * MINUTE),
    });
  }
  return docs;
}

/** The garbage collector, when it can be had (for heap figures): --expose-gc, or switched on here. */
function collector(): (() => void) | null {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

function heapMb(gc: (() => void) | null): number | null {
  if (!gc) return null;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1_048_576;
}

/**
 * Wall time and the process's CPU time of one run. The machine may be shared:
 * CPU time is what the run itself cost, wall time what a person would have
 * waited on a machine as loaded (as bench/micro/ticket-search.ts measures).
 */
function time<T>(run: () => T): { ms: number; cpu: number; value: T } {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const value = run();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpuBefore);
  return { ms, cpu: (used.user + used.system) / 1000, value };
}

/** The exact best `LIMIT` by scoring every ticket: what the index must agree with, and beat. */
function bruteForce(index: SimilarityIndex, id: string, ids: readonly string[]): string[] {
  const scored: { id: string; score: number }[] = [];
  for (const other of ids) {
    if (other === id) continue;
    const score = index.similarity(id, other);
    if (score >= DEFAULT_MIN_SCORE) scored.push({ id: other, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, LIMIT)
    .map((match) => match.id);
}

export interface SimilarTicketsFigures extends BenchmarkOutput {
  lines: string[];
}

export function measureSimilarTickets(count: number): SimilarTicketsFigures {
  const label = shortCount(count);
  const docs = corpus(count);
  const ids = docs.map((doc) => doc.id);
  const gc = collector();
  const before = heapMb(gc);
  const index = new SimilarityIndex();
  const build = time(() => {
    for (let start = 0; start < docs.length; start += SLICE) index.upsert(docs.slice(start, start + SLICE));
  });
  const after = heapMb(gc);
  const heap = before !== null && after !== null ? after - before : null;

  const random = new SeededRandom(11);
  const sample = (from: readonly string[], n: number) => Array.from({ length: n }, () => random.pick(from));
  const querySamples = (queryIds: readonly string[]) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    let shown = 0;
    queryIds.forEach((id, i) => {
      const run = time(() => index.similarTo(id, { limit: LIMIT }));
      if (i >= WARMUP) {
        wall.push(run.ms);
        cpu.push(run.cpu);
      }
      shown += run.value.length;
    });
    return { wall, cpu, shown: shown / queryIds.length };
  };
  const randomQueries = querySamples(sample(ids, QUERIES + WARMUP));
  const burstIds = ids.filter((id) => id.startsWith('tkt_burst'));
  const burstQueries = querySamples(sample(burstIds, 100 + WARMUP));

  // The baseline, and how much of the exact answer the bounded query keeps.
  const bruteIds = sample(ids, BRUTE_FORCE_QUERIES);
  const brute: number[] = [];
  let exactFound = 0;
  let exactTotal = 0;
  for (const id of bruteIds) {
    const { ms, value: exact } = time(() => bruteForce(index, id, ids));
    brute.push(ms);
    // The bounded candidate search against exact cosine: cosine alone on both sides (the neighbourhood
    // agreement re-scores the candidates found, so it cannot bring back one the search missed).
    const fast = new Set(index.similarTo(id, { limit: LIMIT, neighbourhood: false }).map((match) => match.id));
    exactTotal += exact.length;
    exactFound += exact.filter((other) => fast.has(other)).length;
  }

  // Upkeep: a pull that re-texts 1% of the tickets, an eviction of 1%, and 1% of status-only changes.
  const onePercent = Math.ceil(count / 100);
  const retexted = docs.slice(0, onePercent).map((doc) => ({ ...doc, body: `${doc.body}\nUpdate: still broken.` }));
  const untouched = docs.slice(onePercent, 2 * onePercent);
  const upsert = time(() => index.upsert(retexted));
  const same = time(() => index.upsert(untouched));
  const remove = time(() => index.remove(docs.slice(-onePercent - burstIds.length, -burstIds.length).map((d) => d.id)));

  const firstFlood = time(() => detectFlood(index, { now: NOW }));
  const floodWall: number[] = [];
  const floodCpu: number[] = [];
  let report = firstFlood.value;
  for (let i = 0; i < FLOOD_RUNS; i++) {
    const run = time(() => detectFlood(index, { now: NOW }));
    floodWall.push(run.ms);
    floodCpu.push(run.cpu);
    report = run.value;
  }
  const cluster = report?.clusters[0];
  const inWindow = index.countCreatedBetween(NOW - 20 * MINUTE, Infinity);
  const inHour = index.countCreatedBetween(NOW - 60 * MINUTE, Infinity);

  const p = (samples: number[], q: number) => round(q === 50 ? median(samples) : percentile(samples, q), 2);
  const bruteP50 = median(brute);
  const metrics: Metric[] = [
    { name: `similar @${label}: build`, value: round(build.ms, 0), unit: 'ms', lowerIsBetter: true },
    { name: `similar @${label}: build cpu`, value: round(build.cpu, 0), unit: 'ms', lowerIsBetter: true },
    ...(heap === null
      ? []
      : [{ name: `similar @${label}: index heap`, value: round(heap, 0), unit: 'MB' as const, lowerIsBetter: true }]),
    { name: `similar @${label}: query p50`, value: p(randomQueries.wall, 50), unit: 'ms', lowerIsBetter: true },
    {
      name: `similar @${label}: query p95`,
      value: p(randomQueries.wall, 95),
      unit: 'ms',
      lowerIsBetter: true,
      note: 'target < 50 ms',
    },
    { name: `similar @${label}: query cpu p95`, value: p(randomQueries.cpu, 95), unit: 'ms', lowerIsBetter: true },
    {
      name: `similar @${label}: burst-ticket query p95`,
      value: p(burstQueries.wall, 95),
      unit: 'ms',
      lowerIsBetter: true,
    },
    { name: `similar @${label}: brute force p50`, value: round(bruteP50, 1), unit: 'ms', lowerIsBetter: true },
    {
      name: `similar @${label}: speed-up over brute force`,
      value: round(bruteP50 / Math.max(1e-3, median(randomQueries.wall)), 0),
      unit: 'x',
      note: 'p50 vs p50, same run',
    },
    {
      name: `similar @${label}: exact top-5 kept`,
      value: exactTotal === 0 ? 100 : round((100 * exactFound) / exactTotal, 0),
      unit: 'count',
      note: '% of the brute-force top 5 the index returns',
    },
    { name: `flood @${label}: detect p50`, value: p(floodWall, 50), unit: 'ms', lowerIsBetter: true },
    { name: `flood @${label}: detect p95`, value: p(floodWall, 95), unit: 'ms', lowerIsBetter: true },
    { name: `flood @${label}: detect cpu p95`, value: p(floodCpu, 95), unit: 'ms', lowerIsBetter: true },
    {
      name: `flood @${label}: first detect after build`,
      value: round(firstFlood.ms, 1),
      unit: 'ms',
      lowerIsBetter: true,
    },
  ];
  const lines = [
    `=== ${count.toLocaleString('en')} tickets + ${burstIds.length} burst (${docs.length.toLocaleString('en')})`,
    `  build ${round(build.ms, 0)} ms wall, ${round(build.cpu, 0)} ms cpu, in slices of ${SLICE}${heap === null ? '' : `, index heap ${round(heap, 0)} MB`}`,
    `  similar, random tickets: wall p50 ${p(randomQueries.wall, 50)} p95 ${p(randomQueries.wall, 95)} max ${round(Math.max(...randomQueries.wall), 1)} ms,` +
      ` cpu p50 ${p(randomQueries.cpu, 50)} p95 ${p(randomQueries.cpu, 95)} ms, ${round(randomQueries.shown, 1)} shown on average`,
    `  similar, burst tickets:  wall p50 ${p(burstQueries.wall, 50)} p95 ${p(burstQueries.wall, 95)} ms,` +
      ` cpu p50 ${p(burstQueries.cpu, 50)} p95 ${p(burstQueries.cpu, 95)} ms, ${round(burstQueries.shown, 1)} shown on average`,
    `  brute force (exact cosine with every ticket): p50 ${round(bruteP50, 1)} ms → ${round(bruteP50 / median(randomQueries.wall), 0)}x; index kept ${exactFound}/${exactTotal} of its top 5`,
    `  upkeep: re-text ${onePercent} in ${round(upsert.ms, 1)} ms, unchanged text ${onePercent} in ${round(same.ms, 1)} ms, remove ${onePercent} in ${round(remove.ms, 1)} ms`,
    `  flood (window ${inWindow}, last hour ${inHour} tickets): wall p50 ${p(floodWall, 50)} p95 ${p(floodWall, 95)} ms,` +
      ` cpu p50 ${p(floodCpu, 50)} p95 ${p(floodCpu, 95)} ms, first ${round(firstFlood.ms, 1)} ms;` +
      ` ${report?.count} in ${report?.windowMinutes} min vs ${report?.expected} expected, ${cluster?.ticketIds.length ?? 0} look like "${cluster?.label ?? ''}" (${cluster?.topTerms.join(', ') ?? ''})`,
  ];
  return {
    metrics,
    lines,
    details: {
      count,
      burst: burstIds.length,
      queryWall: randomQueries.wall,
      queryCpu: randomQueries.cpu,
      burstQueryWall: burstQueries.wall,
      bruteForceWall: brute,
      floodWall,
      flood: report && {
        count: report.count,
        expected: report.expected,
        clusters: report.clusters.map((c) => c.ticketIds.length),
      },
    },
  };
}

export const similarTickets: Benchmark = {
  name: 'similar-tickets',
  description: 'similar-ticket suggestions and flood detection over BENCH_TICKETS local tickets, against brute force',
  run: () => {
    const { metrics, details, lines } = measureSimilarTickets(envNumber('BENCH_TICKETS', 10_000));
    for (const line of lines) console.log(line);
    return Promise.resolve({ metrics, ...(details ? { details } : {}) });
  },
};
