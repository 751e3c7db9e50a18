/**
 * Ticket search at 10k and 100k local tickets, in node: index build time and
 * query latency (p50/p95) for typical queries, for the tuning in use and the
 * alternatives it was chosen over (renderer/src/query/search/ticket-search-index.ts).
 *
 *   npx tsx bench/micro/ticket-search.ts                    # 10k and 100k, every tuning
 *   npx tsx bench/micro/ticket-search.ts 100000 --chosen    # one size, the tuning in use only
 *   node --expose-gc --import tsx bench/micro/ticket-search.ts   # also the heap the index takes
 *
 * The tickets are synthetic but shaped like a support queue: subjects built
 * from components and symptoms, bodies of a few sentences with order numbers,
 * versions and error codes, a long tail of rare words (product codes, typos,
 * names), 120×120 requester names and 2,000 customers.
 */
import type { TicketId } from '#shared/domain/ids';
import {
  DEFAULT_TUNING,
  type SearchTuning,
  TicketSearchIndex,
  type TicketSearchDoc,
  ticketSearchDoc,
} from '../../renderer/src/query/search/ticket-search-index.ts';
import { median, percentile, round } from '../harness/stats.ts';
import { generateCorpus } from './ticket-corpus.ts';

/** Typical queries, by kind; each is timed as typed in full. */
const QUERIES: readonly [kind: string, text: string][] = [
  ['single word', 'password'],
  ['single word', 'invoice'],
  ['prefix', 'pass'],
  ['prefix', 'webh'],
  ['typo', 'pasword'],
  ['typo', 'chekout'],
  ['two words', 'login fails'],
  ['two words + prefix', 'sync stuck upd'],
  ['customer name', 'kestrel freight'],
  ['requester', 'olivia costa'],
  ['error code', '403'],
];

/** The worst cases: one or two letters (every keystroke of a search-as-you-type box starts there). */
const SHORT_QUERIES = ['p', 'pa', 'th', 'e', 'lo'];

/** A phrase typed one key at a time: each keystroke is a query. */
const TYPED = 'password reset';

const ROUNDS = 30;
const WARMUP_ROUNDS = 3;
const LIMIT = 50;

interface Samples {
  wall: number[];
  cpu: number[];
}

/**
 * One query's wall time and the process's CPU time. This machine may be shared
 * with other work: CPU time is what the query itself cost (garbage collection
 * included), wall time what a person would have waited on a machine as loaded.
 */
function timeOnce(index: TicketSearchIndex, text: string, into: Samples): number {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const hits = index.search(text, LIMIT).length;
  into.wall.push(performance.now() - started);
  const used = process.cpuUsage(cpuBefore);
  into.cpu.push((used.user + used.system) / 1000);
  return hits;
}

/**
 * Every query once per round, rounds repeated: garbage left by one query is
 * collected during whichever comes next, as it would be in the worker.
 */
function timeRounds(
  index: TicketSearchIndex,
  queries: readonly string[],
  rounds: number,
): Map<string, Samples & { hits: number }> {
  const byQuery = new Map(queries.map((text) => [text, { wall: [] as number[], cpu: [] as number[], hits: 0 }]));
  for (let round = -WARMUP_ROUNDS; round < rounds; round++) {
    for (const [text, samples] of byQuery) {
      const into = round < 0 ? { wall: [], cpu: [] } : samples;
      samples.hits = timeOnce(index, text, into);
    }
  }
  return byQuery;
}

function merged(samples: Iterable<Samples>): Samples {
  const all: Samples = { wall: [], cpu: [] };
  for (const { wall, cpu } of samples) {
    all.wall.push(...wall);
    all.cpu.push(...cpu);
  }
  return all;
}

function heapMb(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1_048_576;
}

const TUNINGS: readonly [name: string, tuning: Partial<SearchTuning>][] = [
  ['chosen: AND, prefix all ≥3, fuzzy ≥4, stop words, top-k', DEFAULT_TUNING],
  ['OR instead of AND', { combineWith: 'or' }],
  ['prefix on the last word only', { prefix: 'last' }],
  ['prefix from 2 letters', { prefixMinLength: 2 }],
  ['fuzzy from 5 letters', { fuzzyMinLength: 5 }],
  ['no fuzzy', { fuzzyMinLength: Infinity }],
  ['stop words indexed', { stopWords: false }],
  ['MiniSearch search() instead of top-k', { topK: false }],
  [
    'MiniSearch as it comes: OR, prefix ≥1, fuzzy ≥4, no stop words, search()',
    { combineWith: 'or', prefixMinLength: 1, stopWords: false, topK: false },
  ],
];

const fmt = (ms: number) => round(ms, 1).toFixed(1).padStart(6);
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

function line(label: string, detail: string, samples: Samples, extra = ''): void {
  console.log(
    `  ${label.padEnd(20)} ${detail.padEnd(18)} cpu p50 ${fmt(median(samples.cpu))} p95 ${fmt(percentile(samples.cpu, 95))}` +
      `  wall p50 ${fmt(median(samples.wall))} p95 ${fmt(percentile(samples.wall, 95))} ms${extra}`,
  );
}

interface Built {
  index: TicketSearchIndex;
  buildMs: number;
  buildCpu: number;
  heapMb: number | null;
  /** 1% of the tickets with a new subject (a pull), and the ids of another 1% (a window eviction). */
  changed: TicketSearchDoc[];
  removed: TicketId[];
}

/** Builds an index; the corpus stays local here, so it is garbage once this returns, as in the worker. */
function build(count: number, tuning: Partial<SearchTuning>): Built {
  const corpus = generateCorpus(count);
  const docs = corpus.tickets.map((ticket) => ticketSearchDoc(ticket, corpus.customers.get(ticket.customerId)));
  const before = heapMb();
  const index = new TicketSearchIndex(tuning);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  // In chunks of 2,000, as the worker builds it.
  for (let start = 0; start < docs.length; start += 2_000) index.upsert(docs.slice(start, start + 2_000));
  const buildMs = performance.now() - started;
  const buildCpu = cpuMs(process.cpuUsage(cpuBefore));
  const after = heapMb();
  const onePercent = Math.ceil(count / 100);
  return {
    index,
    buildMs,
    buildCpu,
    // The corpus is alive at both measurements: the difference is the index.
    heapMb: before !== null && after !== null ? after - before : null,
    changed: docs.slice(0, onePercent).map((doc) => ({ ...doc, subject: `${doc.subject} updated` })),
    removed: docs.slice(-onePercent).map((doc) => doc.id),
  };
}

function benchTuning(count: number, name: string, tuning: Partial<SearchTuning>): void {
  const { index, buildMs, buildCpu, heapMb: indexHeap, changed, removed } = build(count, tuning);
  const heap = indexHeap === null ? '' : `, index heap ${round(indexHeap, 0)} MB`;
  console.log(`\n--- ${name}: build ${round(buildMs, 0)} ms wall, ${round(buildCpu, 0)} ms cpu${heap}`);

  const typical = timeRounds(
    index,
    QUERIES.map(([, text]) => text),
    ROUNDS,
  );
  for (const [kind, text] of QUERIES) {
    const samples = typical.get(text);
    if (samples) line(kind, JSON.stringify(text), samples, `  ${String(samples.hits).padStart(2)} shown`);
  }
  line('ALL TYPICAL', '', merged(typical.values()));

  const short = merged(timeRounds(index, SHORT_QUERIES, 10).values());
  line('1-2 letters', SHORT_QUERIES.join(','), short, `  max cpu ${fmt(Math.max(...short.cpu))}`);

  const prefixes = Array.from({ length: TYPED.length }, (_, i) => TYPED.slice(0, i + 1));
  const typed = timeRounds(index, prefixes, 10);
  const slowest = [...typed].sort(([, a], [, b]) => median(b.cpu) - median(a.cpu))[0];
  line(
    'typed key by key',
    JSON.stringify(TYPED),
    merged(typed.values()),
    slowest ? `  slowest ${JSON.stringify(slowest[0])} cpu p50 ${fmt(median(slowest[1].cpu))}` : '',
  );

  // A pull that updates 1% of the tickets, and a window eviction of 1%.
  const upsertStarted = performance.now();
  index.upsert(changed);
  const upsertMs = performance.now() - upsertStarted;
  const removeStarted = performance.now();
  index.remove(removed);
  const removeMs = performance.now() - removeStarted;
  console.log(
    `  incremental: upsert ${changed.length} in ${round(upsertMs, 1)} ms, remove ${removed.length} in ${round(removeMs, 1)} ms (wall)`,
  );
}

const chosenOnly = process.argv.includes('--chosen');
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
for (const count of sizes.length > 0 ? sizes : [10_000, 100_000]) {
  console.log(`\n=== ${count.toLocaleString('en')} tickets`);
  for (const [name, tuning] of chosenOnly ? TUNINGS.slice(0, 1) : TUNINGS) benchTuning(count, name, tuning);
}
// MiniSearch's auto-vacuum (after the removals) leaves timers behind.
process.exit(0);
