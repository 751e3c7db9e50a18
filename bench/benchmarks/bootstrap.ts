import type { Browser, Page } from '@playwright/test';
import { API_ROUTES } from '#shared/api/routes';
import { ENTITY_NAMES, entities } from '#shared/sync/entities';
import { ServerProcess } from '../../tooling/server-process.ts';
import {
  BOOTSTRAP_DONE_MARK,
  BOOTSTRAP_START_MARK,
  DEXIE_UMD,
  QUEUE_PAINTED_MARK,
  demoUser,
  fillSignIn,
  launchChromium,
  localDatabaseName,
  waitForMark,
} from '../harness/app.ts';
import {
  type CpuBreakdown,
  CpuProfiler,
  ServerProfile,
  type TimeWindow,
  printBreakdown,
} from '../harness/cpu-profile.ts';
import { envNumber, envNumbers, shortCount } from '../harness/env.ts';
import { apiRequests, installProbe, markTime, probeRecords } from '../harness/page-probe.ts';
import { median, round } from '../harness/stats.ts';
import { RawSyncClient } from '../harness/sync-client.ts';
import type { Benchmark, BenchmarkOutput, Metric } from '../harness/types.ts';

const SIZES = envNumbers('BENCH_BOOTSTRAP_SIZES', [10_000, 100_000]);
const RUNS = envNumber('BENCH_BOOTSTRAP_RUNS', 3);
/** One more run under the CPU profiler (not counted in the figures): where the main thread's time goes. */
const PROFILE = envNumber('BENCH_PROFILE', 1) !== 0;
/** Diagnostics: profile the server process too (slightly slower server; off for the figures). */
const SERVER_PROFILE = envNumber('BENCH_SERVER_PROFILE', 0) !== 0;
const BOOTSTRAP_TIMEOUT_MS = 15 * 60_000;
const AGENT = demoUser('agent');
const APP_DB = localDatabaseName(AGENT);
/** The tables holding synced rows: what the baseline reads back and writes again. */
const ENTITY_TABLES = ENTITY_NAMES.map((entity) => entities[entity].table);
const TICKETS_TABLE = entities.ticket.table;
const RAW_DB = 'bench-raw-bulkput';
/** Rows per pull page: the server's default (SHIFTDESK_SYNC_PAGE_ROWS), for the paged baseline. */
const PAGE_ROWS = 5_000;

/** What one sign-in into an empty client took, and the same rows bulkPut raw in the same browser. */
interface BootstrapRun {
  bootstrapMs: number;
  /**
   * Start → the last download page committed: a paged download ends with one
   * more (small) pull for what changed meanwhile, whose transaction comes last.
   */
  windowStoredMs: number;
  clickToDoneMs: number;
  clickToPaintMs: number;
  rawBulkPutMs: number;
  /** The same, one transaction per `PAGE_ROWS` rows (as many transactions as the app's pages). */
  rawPagedMs: number;
  /** The same in one transaction, into stores without secondary indexes. */
  rawNoIndexesMs: number;
  rawReadMs: number;
  rowsByTable: Record<string, number>;
  /** The stores of the app's database, as the baseline recreated them. */
  stores: Record<string, string>;
  pulls: PullStep[];
  /** Pull transactions in IndexedDB (start to commit), ms each. */
  applyMs: number[];
  profile: Record<
    'bootstrap' | 'insidePullTransactions' | 'outsidePullTransactions' | 'rawBulkPut',
    CpuBreakdown
  > | null;
  /** Each pull request, request sent → last byte, on the machine's monotonic clock (µs), for the server's profile. */
  serverWindows: TimeWindow[];
}

interface PullStep {
  /** Request sent → first byte: the server's time for the page (plus loopback). */
  serverMs: number;
  /** First byte → last byte. */
  transferMs: number;
  /** Last byte → `response.json()` resolved: JSON parsing on the main thread. */
  parseMs: number;
  bytes: number;
}

interface RawDexie {
  tables: { name: string; schema: { primKey: { src: string }; indexes: { src: string }[] } }[];
  open: () => Promise<unknown>;
  close: () => void;
  version: (n: number) => { stores: (schema: Record<string, string>) => unknown };
  table: (name: string) => { toArray: () => Promise<unknown[]>; bulkPut: (rows: unknown[]) => Promise<unknown> };
  transaction: (mode: 'rw', tables: string[], scope: () => Promise<void>) => Promise<void>;
}
interface RawDexieStatic {
  new (name: string): RawDexie;
  delete: (name: string) => Promise<void>;
}

async function fetchText(url: string): Promise<string | null> {
  if (!/^https?:/.test(url)) return null;
  const response = await fetch(url);
  return response.ok ? response.text() : null;
}

interface RawWindow {
  Dexie: RawDexieStatic;
  benchRows: Record<string, unknown[]>;
  benchStores: Record<string, string>;
}

/**
 * Reads back every synced row the app stored, and the stores of its database
 * (primary keys and indexes), into the page; `rawBulkPut` then writes them.
 * Runs on a plain page of the same origin, so the app is not running meanwhile.
 */
async function readBack(
  page: Page,
): Promise<{ readMs: number; stores: Record<string, string>; rowsByTable: Record<string, number> }> {
  await page.addScriptTag({ path: DEXIE_UMD });
  return page.evaluate(
    async ({ appDb, tables }) => {
      const raw = window as unknown as RawWindow;
      const source = new raw.Dexie(appDb);
      await source.open();
      const stores = Object.fromEntries(
        source.tables.map((table) => [
          table.name,
          [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', '),
        ]),
      );
      const missing = tables.filter((table) => !(table in stores));
      if (missing.length > 0) throw new Error(`the app's database has no ${missing.join(', ')}`);
      const readStarted = performance.now();
      const rows: Record<string, unknown[]> = {};
      for (const table of tables) rows[table] = await source.table(table).toArray();
      const readMs = performance.now() - readStarted;
      source.close();
      raw.benchRows = rows;
      raw.benchStores = stores;
      return {
        readMs,
        stores,
        rowsByTable: Object.fromEntries(tables.map((table) => [table, rows[table]?.length ?? 0])),
      };
    },
    { appDb: APP_DB, tables: ENTITY_TABLES },
  );
}

/**
 * Writes the rows read back into a fresh database with the same stores and
 * times it (open excluded): one read-write transaction over all synced tables
 * with one bulkPut per table, or (`chunkRows`) one transaction per chunk of
 * that many rows, like the app's pages. Without `secondaryIndexes`, every
 * store keeps only its primary key: what the indexes cost.
 */
function rawBulkPut(
  page: Page,
  chunkRows: number | null,
  options: { secondaryIndexes: boolean } = { secondaryIndexes: true },
): Promise<number> {
  return page.evaluate(
    async ({ rawDb, tables, chunkRows, secondaryIndexes }) => {
      const raw = window as unknown as RawWindow;
      await raw.Dexie.delete(rawDb);
      const target = new raw.Dexie(rawDb);
      const stores = secondaryIndexes
        ? raw.benchStores
        : Object.fromEntries(Object.entries(raw.benchStores).map(([table, spec]) => [table, spec.split(',')[0] ?? '']));
      target.version(1).stores(stores);
      await target.open();
      const started = performance.now();
      if (chunkRows === null) {
        await target.transaction('rw', tables, async () => {
          for (const table of tables) await target.table(table).bulkPut(raw.benchRows[table] ?? []);
        });
      } else {
        for (const table of tables) {
          const rows = raw.benchRows[table] ?? [];
          for (let start = 0; start < rows.length; start += chunkRows) {
            await target.transaction('rw', tables, async () => {
              await target.table(table).bulkPut(rows.slice(start, start + chunkRows));
            });
          }
        }
      }
      const ms = performance.now() - started;
      target.close();
      await raw.Dexie.delete(rawDb);
      return ms;
    },
    { rawDb: RAW_DB, tables: ENTITY_TABLES, chunkRows, secondaryIndexes: options.secondaryIndexes },
  );
}

async function bootstrapOnce(browser: Browser, server: ServerProcess, profile: boolean): Promise<BootstrapRun> {
  // bypassCSP only lets the baseline inject Dexie into its own page; the app is unchanged.
  const context = await browser.newContext({ bypassCSP: true });
  try {
    await installProbe(context);
    const page = await context.newPage();
    await page.goto(server.url);
    const form = await fillSignIn(page, AGENT);
    const profiler = profile ? await CpuProfiler.start(page) : null;
    await form.submit();
    await waitForMark(page, BOOTSTRAP_DONE_MARK, BOOTSTRAP_TIMEOUT_MS);
    await waitForMark(page, QUEUE_PAINTED_MARK, 120_000);
    const start = await markTime(page, BOOTSTRAP_START_MARK);
    const done = await markTime(page, BOOTSTRAP_DONE_MARK);
    const painted = await markTime(page, QUEUE_PAINTED_MARK);
    if (start === null || done === null || painted === null) throw new Error('the app made no bootstrap marks');
    // Page clock (ms) → monotonic clock (µs), to cut the server's profile at this page's requests.
    const before = ServerProfile.now();
    const pageNow = await page.evaluate(() => performance.timeOrigin + performance.now());
    const monotonicAtPageNow = (before + ServerProfile.now()) / 2;
    const toMonotonic = (time: number) => monotonicAtPageNow + (time - pageNow) * 1000;
    const records = await probeRecords(page);
    const click = records.clicks.at(-1)?.at;
    if (click === undefined) throw new Error('the Sign in click was not seen');
    const within = (time: number) => time >= start && time <= done;

    const requests = (await apiRequests(page)).filter(
      (request) => request.path === API_ROUTES.pull && within(request.start),
    );
    const parses = records.json.filter((call) => call.url.endsWith(API_ROUTES.pull) && within(call.start));
    const pulls = requests.map((request, index) => {
      const parsed = parses[index]?.end ?? request.responseEnd;
      return {
        serverMs: request.responseStart - request.requestStart,
        transferMs: request.responseEnd - request.responseStart,
        parseMs: Math.max(0, parsed - request.responseEnd),
        bytes: request.bytes,
      };
    });
    const applies = records.transactions.filter(
      (tx): tx is typeof tx & { end: number } =>
        // A pull applies in one transaction over every table (db.syncTables()).
        tx.db === APP_DB && tx.stores === tx.dbStores && tx.end !== null && within(tx.start),
    );
    const insideApply: TimeWindow[] = applies.map((tx) => ({ from: tx.start, to: tx.end }));
    const outsideApply: TimeWindow[] = [];
    let cursor = start;
    for (const window of insideApply) {
      outsideApply.push({ from: cursor, to: window.from });
      cursor = window.to;
    }
    outsideApply.push({ from: cursor, to: done });
    const cpu = profiler
      ? await profiler.stop(
          {
            bootstrap: [{ from: start, to: done }],
            insidePullTransactions: insideApply,
            outsidePullTransactions: outsideApply,
          },
          fetchText,
        )
      : null;

    await page.goto(`${server.url}${API_ROUTES.health}`);
    const raw = await readBack(page);
    const rawProfiler = profile ? await CpuProfiler.start(page) : null;
    const rawStarted = await page.evaluate(() => performance.timeOrigin + performance.now());
    const rawBulkPutMs = await rawBulkPut(page, null);
    const rawProfile = rawProfiler
      ? await rawProfiler.stop({ rawBulkPut: [{ from: rawStarted, to: rawStarted + rawBulkPutMs }] }, fetchText)
      : null;
    const rawPagedMs = await rawBulkPut(page, PAGE_ROWS);
    const rawNoIndexesMs = await rawBulkPut(page, null, { secondaryIndexes: false });
    // The closing catch-up pull applies last; the page before it completed the download.
    const lastPage = applies.length >= 2 && applies.length === requests.length ? applies.at(-2) : applies.at(-1);
    return {
      bootstrapMs: done - start,
      windowStoredMs: (lastPage?.end ?? done) - start,
      clickToDoneMs: done - click,
      clickToPaintMs: painted - click,
      rawBulkPutMs,
      rawPagedMs,
      rawNoIndexesMs,
      rawReadMs: raw.readMs,
      rowsByTable: raw.rowsByTable,
      stores: raw.stores,
      pulls,
      applyMs: applies.map((tx) => tx.end - tx.start),
      profile: cpu && rawProfile && { ...cpu, ...rawProfile },
      serverWindows: requests.map((request) => ({
        from: toMonotonic(request.requestStart),
        to: toMonotonic(request.responseEnd),
      })),
    };
  } finally {
    await context.close();
  }
}

/** The same download with nobody else on the machine's cores: every page pulled from Node, read as text. */
async function serverAlone(server: ServerProcess): Promise<{ totalMs: number; pages: number; pageMsP50: number }> {
  const { token } = await server.login(AGENT.email);
  const client = new RawSyncClient(server.url, token);
  const pages = await client.pullUntilCurrent();
  return {
    totalMs: pages.reduce((sum, page) => sum + page.ms, 0),
    pages: pages.length,
    pageMsP50: median(pages.map((page) => page.ms)),
  };
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;

function printRun(label: string, run: BootstrapRun): void {
  const tickets = run.rowsByTable[TICKETS_TABLE] ?? 0;
  console.log(
    `  ${label}: bootstrap ${ms(run.bootstrapMs)} (${Math.round(tickets / (run.bootstrapMs / 1000)).toLocaleString('en')} tickets/s), ` +
      `click → done ${ms(run.clickToDoneMs)}, click → queue painted ${ms(run.clickToPaintMs)}; ` +
      `raw bulkPut ${ms(run.rawBulkPutMs)} (ratio ${(run.rawBulkPutMs / run.bootstrapMs).toFixed(2)}), ` +
      `in ${PAGE_ROWS.toLocaleString('en')}-row transactions ${ms(run.rawPagedMs)}, ` +
      `without secondary indexes ${ms(run.rawNoIndexesMs)}`,
  );
  console.log(
    `     download stored after ${ms(run.windowStoredMs)}; the closing pull's transaction took ${ms(run.applyMs.at(-1) ?? 0)}`,
  );
  console.log(
    `     ${run.pulls.length} pulls: server ${ms(sum(run.pulls.map((p) => p.serverMs)))}, transfer ${ms(sum(run.pulls.map((p) => p.transferMs)))}, ` +
      `JSON parse ${ms(sum(run.pulls.map((p) => p.parseMs)))}, ${(sum(run.pulls.map((p) => p.bytes)) / 1e6).toFixed(1)} MB; ` +
      `${run.applyMs.length} pull transactions ${ms(sum(run.applyMs))} (largest ${ms(Math.max(0, ...run.applyMs))}); ` +
      `outside them ${ms(run.bootstrapMs - sum(run.applyMs))}`,
  );
}

function printProfile(profile: NonNullable<BootstrapRun['profile']>): void {
  printBreakdown('main thread, whole bootstrap', profile.bootstrap, 10);
  printBreakdown('main thread, inside the pull transactions', profile.insidePullTransactions);
  printBreakdown('main thread, between them', profile.outsidePullTransactions);
  printBreakdown('main thread, raw bulkPut baseline (same rows, one transaction)', profile.rawBulkPut, 6);
}

async function measureSize(size: number): Promise<{ metrics: Metric[]; details: Record<string, unknown> }> {
  const seedStarted = performance.now();
  const serverProfile = SERVER_PROFILE ? await ServerProfile.create() : null;
  const server = await ServerProcess.start({ tickets: size, ...(serverProfile && { env: serverProfile.env() }) });
  const allRuns: BootstrapRun[] = [];
  console.log(`  ${shortCount(size)}: server seeded and up in ${ms(performance.now() - seedStarted)}`);
  const browser = await launchChromium();
  try {
    const runs: BootstrapRun[] = [];
    for (let index = 0; index < RUNS; index++) {
      const run = await bootstrapOnce(browser, server, false);
      printRun(`${shortCount(size)} run ${index + 1}`, run);
      runs.push(run);
      allRuns.push(run);
    }
    let profiled: BootstrapRun | null = null;
    if (PROFILE) {
      profiled = await bootstrapOnce(browser, server, true);
      allRuns.push(profiled);
      printRun(`${shortCount(size)} profiled run (not counted)`, profiled);
      if (profiled.profile) printProfile(profiled.profile);
    }
    const alone = await serverAlone(server);
    console.log(
      `     server alone (Node client, nothing else running): ${alone.pages} pulls in ${ms(alone.totalMs)}, p50 ${ms(alone.pageMsP50)} a page`,
    );

    const first = runs[0];
    if (!first) throw new Error('BENCH_BOOTSTRAP_RUNS must be at least 1');
    for (const run of runs) {
      if (JSON.stringify(run.rowsByTable) !== JSON.stringify(first.rowsByTable))
        throw new Error(
          `runs stored different rows: ${JSON.stringify(run.rowsByTable)} vs ${JSON.stringify(first.rowsByTable)}`,
        );
    }
    const tickets = first.rowsByTable[TICKETS_TABLE] ?? 0;
    const rows = sum(Object.values(first.rowsByTable));
    const bootstrap = median(runs.map((run) => run.bootstrapMs));
    const raw = median(runs.map((run) => run.rawBulkPutMs));
    const perRun = (pick: (run: BootstrapRun) => number) =>
      `runs: ${runs.map((run) => Math.round(pick(run))).join(', ')}`;
    const label = shortCount(size);
    const metrics: Metric[] = [
      {
        name: `${label}: tickets stored`,
        value: tickets,
        unit: 'rows',
        note: `${rows.toLocaleString('en')} rows in all synced tables`,
      },
      {
        name: `${label}: bootstrap p50`,
        value: round(bootstrap),
        unit: 'ms',
        lowerIsBetter: true,
        note: `mark to mark; ${perRun((r) => r.bootstrapMs)}`,
      },
      {
        name: `${label}: download stored p50`,
        value: round(median(runs.map((r) => r.windowStoredMs))),
        unit: 'ms',
        lowerIsBetter: true,
        note: `start mark → last download page committed (before the closing pull); ${perRun((r) => r.windowStoredMs)}`,
      },
      {
        name: `${label}: Sign in click → bootstrap done p50`,
        value: round(median(runs.map((r) => r.clickToDoneMs))),
        unit: 'ms',
        lowerIsBetter: true,
        note: perRun((r) => r.clickToDoneMs),
      },
      {
        name: `${label}: Sign in click → queue painted p50`,
        value: round(median(runs.map((r) => r.clickToPaintMs))),
        unit: 'ms',
        lowerIsBetter: true,
        note: perRun((r) => r.clickToPaintMs),
      },
      {
        name: `${label}: tickets/s`,
        value: Math.round(tickets / (bootstrap / 1000)),
        unit: 'tickets/s',
        note: 'target ≥ 20,000',
      },
      { name: `${label}: rows/s`, value: Math.round(rows / (bootstrap / 1000)), unit: 'rows/s' },
      {
        name: `${label}: raw bulkPut p50`,
        value: round(raw),
        unit: 'ms',
        lowerIsBetter: true,
        note: `baseline: same rows, one transaction for all synced tables; ${perRun((r) => r.rawBulkPutMs)}`,
      },
      {
        name: `${label}: raw bulkPut rows/s`,
        value: Math.round(rows / (raw / 1000)),
        unit: 'rows/s',
        note: 'baseline',
      },
      {
        name: `${label}: raw bulkPut / bootstrap`,
        value: round(raw / bootstrap, 2),
        unit: 'x',
        note: 'p50 ratio; target ≥ 0.5',
      },
      {
        name: `${label}: raw bulkPut / download stored`,
        value: round(raw / median(runs.map((r) => r.windowStoredMs)), 2),
        unit: 'x',
        note: 'the same, without the closing pull',
      },
      {
        name: `${label}: raw bulkPut in ${shortCount(PAGE_ROWS)}-row transactions p50`,
        value: round(median(runs.map((r) => r.rawPagedMs))),
        unit: 'ms',
        lowerIsBetter: true,
        note: `baseline variant, a transaction per page as the app; ${perRun((r) => r.rawPagedMs)}`,
      },
      {
        name: `${label}: raw bulkPut without secondary indexes p50`,
        value: round(median(runs.map((r) => r.rawNoIndexesMs))),
        unit: 'ms',
        lowerIsBetter: true,
        note: `baseline variant, primary keys only: what the indexes cost; ${perRun((r) => r.rawNoIndexesMs)}`,
      },
      {
        name: `${label}: pull server time (in app) p50`,
        value: round(median(runs.map((r) => sum(r.pulls.map((p) => p.serverMs))))),
        unit: 'ms',
        lowerIsBetter: true,
        note: `sum over ${first.pulls.length} pulls, request → first byte`,
      },
      {
        name: `${label}: pull transactions (in app) p50`,
        value: round(median(runs.map((r) => sum(r.applyMs)))),
        unit: 'ms',
        lowerIsBetter: true,
        note: 'sum of IndexedDB pull transactions, start → commit',
      },
      {
        name: `${label}: server alone`,
        value: round(alone.totalMs),
        unit: 'ms',
        lowerIsBetter: true,
        note: `${alone.pages} pulls from Node, nothing else running`,
      },
    ];
    return { metrics, details: { size, runs, profiled, serverAlone: alone } };
  } finally {
    await browser.close();
    await server.dispose();
    if (serverProfile) {
      const windows = { pulls: allRuns.flatMap((run) => run.serverWindows) };
      await serverProfile.attribute(windows).then(
        ({ pulls }) =>
          printBreakdown(`server CPU during the app's pull requests (${allRuns.length} bootstraps)`, pulls, 12),
        (error: unknown) => console.warn(`  no server profile: ${String(error)}`),
      );
    }
  }
}

/**
 * Signing in to an empty client: the whole window downloads into IndexedDB.
 * Measured from the sync engine's bootstrap-start mark to its bootstrap-done
 * mark (and from the Sign in click), next to a raw Dexie bulkPut of exactly
 * the rows the app stored, in the same browser.
 */
export const bootstrap: Benchmark = {
  name: 'bootstrap',
  description: `Sign in to an empty client with ${SIZES.map(shortCount).join(' and ')} tickets on the server, vs raw Dexie bulkPut of the same rows`,
  run: async (): Promise<BenchmarkOutput> => {
    const metrics: Metric[] = [];
    const details: Record<string, unknown> = {};
    for (const size of SIZES) {
      const result = await measureSize(size);
      metrics.push(...result.metrics);
      details[shortCount(size)] = result.details;
    }
    return { metrics, details };
  },
};
