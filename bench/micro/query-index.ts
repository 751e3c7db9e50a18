/**
 * Micro-benchmark of the query index (shared/query/query-index.ts) in plain
 * Node, at 10k and 100k tickets: `npx tsx bench/micro/query-index.ts`
 * (sizes: `npx tsx bench/micro/query-index.ts 10000 100000`). Not a vitest
 * file and not part of `npm run bench`: it prints figures for a person to read.
 *
 * Measures: the initial load in chunks of 2,000 (with nothing open, and with
 * the seven built-in views open throughout), opening a view (first on its sort,
 * then on an ordering that exists), a one-ticket write with the seven views
 * open, a 1,000-ticket batch, and the splice-versus-merge crossover that sets
 * DEFAULT_MERGE_THRESHOLD.
 */
import { BUILTIN_VIEWS } from '#shared/query/builtin-views';
import { QueryIndex } from '#shared/query/query-index';
import { queryRecord } from '#shared/query/query-fixtures';
import type { QueryRecord } from '#shared/query/query-record';
import type { ViewDefinition } from '#shared/query/view-definition';
import { pick, random } from '../harness/seeded.ts';
import { median, percentile, round } from '../harness/stats.ts';

const NOW = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;
const CHUNK = 2_000;

const STATUSES = [
  ['new', 10],
  ['open', 20],
  ['pending', 10],
  ['on_hold', 5],
  ['solved', 30],
  ['closed', 25],
] as const;
const PRIORITIES = [
  ['urgent', 5],
  ['high', 20],
  ['normal', 60],
  ['low', 15],
] as const;
const ASSIGNEES = [
  [null, 30] as const,
  ['usr_me', 10] as const,
  ...Array.from({ length: 8 }, (_, i) => [`usr_${i}`, 7.5] as const),
];

function makeTicket(next: () => number, i: number, id = `tkt_${String(i).padStart(7, '0')}`): QueryRecord {
  const createdAt = NOW - Math.floor(next() * 90 * DAY);
  return queryRecord({
    id,
    number: next() < 0.01 ? undefined : i + 1,
    status: pick(next, STATUSES),
    priority: pick(next, PRIORITIES),
    assigneeId: pick(next, ASSIGNEES),
    customerId: `cus_${Math.floor(next() * 500)}`,
    channel: next() < 0.6 ? 'email' : 'chat',
    tags: next() < 0.3 ? ['billing'] : [],
    createdAt,
    updatedAt: createdAt + Math.floor(next() * 5 * DAY),
  });
}

/** An agent's edit: a new updatedAt, and sometimes a new status, priority or assignee. */
function edit(next: () => number, record: QueryRecord): QueryRecord {
  const roll = next();
  return {
    ...record,
    updatedAt: NOW + Math.floor(next() * DAY),
    ...(roll < 0.3 ? { status: pick(next, STATUSES) } : {}),
    ...(roll >= 0.3 && roll < 0.5 ? { priority: pick(next, PRIORITIES) } : {}),
    ...(roll >= 0.5 && roll < 0.7 ? { assigneeId: pick(next, ASSIGNEES) } : {}),
  } as QueryRecord;
}

function time(action: () => void): number {
  const start = performance.now();
  action();
  return performance.now() - start;
}

const VIEWS: readonly (readonly [string, ViewDefinition])[] = BUILTIN_VIEWS.map((view) => [view.id, view.definition]);

function loaded(
  records: readonly QueryRecord[],
  options: ConstructorParameters<typeof QueryIndex>[0] = {},
): QueryIndex {
  const index = new QueryIndex({ context: { me: 'usr_me', now: NOW }, ...options });
  for (let start = 0; start < records.length; start += CHUNK) index.upsert(records.slice(start, start + CHUNK));
  return index;
}

function openAll(index: QueryIndex): void {
  for (const [key, view] of VIEWS) index.openView(key, view);
}

function runSize(n: number): void {
  const next = random(n);
  const records = Array.from({ length: n }, (_, i) => makeTicket(next, i));
  // Warm the engine's compiled code on a throwaway index first.
  openAll(loaded(records.slice(0, 5_000)));

  const buildBare = time(() => loaded(records));
  const index = loaded(records);
  const [firstKey, firstView] = VIEWS[0]!;
  const openFirst = time(() => index.openView(firstKey, firstView));
  const [, mineView] = VIEWS[2]!;
  const openShared = time(() => index.openView('mine-again', mineView));
  index.closeView('mine-again');
  const openRest = time(() => openAll(index));

  const buildOpen = time(() => {
    const live = new QueryIndex({ context: { me: 'usr_me', now: NOW } });
    openAll(live);
    for (let start = 0; start < records.length; start += CHUNK) live.upsert(records.slice(start, start + CHUNK));
  });

  // One-ticket writes, seven views open: edits of random existing tickets.
  const singles: number[] = [];
  for (let round_ = 0; round_ < 2_000; round_++) {
    const target = index.get(records[Math.floor(next() * n)]!.id)!;
    const changed = edit(next, target);
    singles.push(time(() => index.upsert([changed])));
  }

  // 1,000-ticket batches: half edits of existing tickets, half new ones.
  const batches: number[] = [];
  for (let round_ = 0; round_ < 10; round_++) {
    const batch = Array.from({ length: 1_000 }, (_, i) =>
      i % 2 === 0
        ? edit(next, index.get(records[Math.floor(next() * n)]!.id)!)
        : makeTicket(next, n + round_ * 1_000 + i, `tkt_new_${round_}_${i}`),
    );
    batches.push(time(() => index.upsert(batch)));
  }

  console.log(`\n${n.toLocaleString('en')} tickets, ${VIEWS.length} built-in views (${index.orderingCount} orderings)`);
  const rows: [string, string][] = [
    ['build: upsert all in chunks of 2,000, nothing open', `${round(buildBare)} ms`],
    ['build with the 7 views open throughout', `${round(buildOpen)} ms`],
    ['open the first view (sorts its ordering)', `${round(openFirst)} ms`],
    ['open a view on an existing ordering (one pass)', `${round(openShared)} ms`],
    ['open the other 6 views', `${round(openRest)} ms`],
    [
      'one-ticket upsert, 7 views open (median / p99 of 2,000)',
      `${round(median(singles) * 1_000)} µs / ${round(percentile(singles, 99) * 1_000)} µs`,
    ],
    ['1,000-ticket batch, 7 views open (median of 10)', `${round(median(batches), 2)} ms`],
  ];
  for (const [label, value] of rows) console.log(`  ${label.padEnd(60)} ${value}`);
}

/** Batch size where merging (O(n + k log k) per array) starts beating k splices, at this size with the views open. */
function crossover(n: number): void {
  const next = random(7);
  const records = Array.from({ length: n }, (_, i) => makeTicket(next, i));
  const spliced = loaded(records, { mergeThreshold: Number.POSITIVE_INFINITY });
  const merged = loaded(records, { mergeThreshold: 0 });
  openAll(spliced);
  openAll(merged);
  console.log(`\nsplice vs merge at ${n.toLocaleString('en')} tickets, 7 views open (median of 15 batches of edits)`);
  for (const k of [8, 16, 32, 64, 128, 256, 512]) {
    const costs = { splice: [] as number[], merge: [] as number[] };
    for (let round_ = 0; round_ < 15; round_++) {
      const ids = Array.from({ length: k }, () => records[Math.floor(next() * n)]!.id);
      for (const [name, index] of [
        ['splice', spliced],
        ['merge', merged],
      ] as const) {
        const batch = ids.map((id) => edit(next, index.get(id)!));
        costs[name].push(time(() => index.upsert(batch)));
      }
    }
    console.log(
      `  k=${String(k).padEnd(4)} splice ${round(median(costs.splice), 2)} ms   merge ${round(median(costs.merge), 2)} ms`,
    );
  }
}

const sizes = process.argv.slice(2).map(Number);
for (const n of sizes.length > 0 ? sizes : [10_000, 100_000]) runSize(n);
crossover(sizes.length > 0 ? Math.max(...sizes) : 100_000);
