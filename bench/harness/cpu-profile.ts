import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { round } from './stats.ts';
import { SourceMap } from './source-map.ts';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

/** A V8 CPU profile (DevTools `Profiler.stop`, or Node's `--cpu-prof`); times in microseconds. */
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface TimeWindow {
  from: number;
  to: number;
}

/** CPU time of one thread by where it went, in some windows of time. */
export interface CpuBreakdown {
  /** Total length of the windows, ms. */
  windowMs: number;
  /** ms per category (idle included), biggest first. */
  categories: { category: string; ms: number }[];
  /** The functions with the most self time, with their original source position. */
  topFunctions: { fn: string; ms: number }[];
}

/** Which part of the product (or platform) a frame belongs to, from its (original) source path. */
type Categorize = (frame: CallFrame, source: string | null) => string;

const common = (frame: CallFrame): string | null => {
  if (frame.functionName === '(idle)') return 'idle (waiting)';
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  if (frame.functionName === '(program)') return 'native work outside JS (program)';
  return null;
};

/** Built-in IndexedDB methods: their self time is the browser cloning values and setting up requests. */
const INDEXEDDB_NATIVES = new Set([
  'put',
  'add',
  'get',
  'getAll',
  'getAllKeys',
  'getKey',
  'delete',
  'clear',
  'count',
  'openCursor',
  'openKeyCursor',
  'continue',
  'advance',
  'transaction',
  'objectStore',
  'index',
  'bound',
  'only',
  'lowerBound',
  'upperBound',
  'cmp',
  'get result',
  'commit',
]);

const categorizePage: Categorize = (frame, source) => {
  const known = common(frame);
  if (known) return known;
  if (frame.url === '') {
    if (INDEXEDDB_NATIVES.has(frame.functionName)) return 'IndexedDB calls (native: cloning values, requests)';
    if (frame.functionName === 'parse' || frame.functionName === 'stringify') return 'JSON (native)';
    return `native: ${frame.functionName || '(anonymous)'}`;
  }
  if (!source) return `unmapped script ${frame.url.split('/').pop() ?? frame.url}`;
  const rules: [RegExp, string][] = [
    [/node_modules\/zod\//, 'zod validation'],
    [/node_modules\/dexie\//, 'Dexie'],
    [/node_modules\/(react-dom|react|scheduler)\//, 'React'],
    [/(renderer\/src\/sync|shared\/sync)\//, 'sync engine (renderer/src/sync, shared/sync)'],
    [/renderer\/src\/db\//, 'local database code (renderer/src/db)'],
    [/renderer\/src\/(features|ui|app|state)\//, 'UI code (renderer/src/features, ui, app)'],
    [/shared\//, 'shared domain code'],
  ];
  for (const [pattern, category] of rules) if (pattern.test(source)) return category;
  return `other: ${source.replace(/^.*node_modules\//, '')}`;
};

const categorizeServer: Categorize = (frame) => {
  const known = common(frame);
  if (known) return known;
  const url = frame.url;
  if (url.startsWith('wasm://')) return 'PGlite: Postgres in WebAssembly';
  const rules: [RegExp, string][] = [
    [/node_modules\/@electric-sql\/pglite\//, 'PGlite: JavaScript side (protocol, parsing results)'],
    [/node_modules\/zod\//, 'zod validation'],
    [/node_modules\/(fastify|@fastify|find-my-way|avvio|light-my-request|pino|ws)\//, 'Fastify, WebSocket, logging'],
    [/server\/sync\//, 'server sync code (server/sync)'],
    [/shared\/sync\//, 'shared mutators and protocol (shared/sync)'],
    [/shared\//, 'shared domain code'],
    [/server\//, 'other server code'],
    [/^node:|^internal\//, 'Node runtime (HTTP, streams, JSON)'],
  ];
  for (const [pattern, category] of rules) if (pattern.test(url)) return category;
  if (url === '') return `native: ${frame.functionName || '(anonymous)'}`;
  return `other: ${url.replace(/^.*node_modules\//, '')}`;
};

/**
 * Self time per category and per function within `windows` (profile clock,
 * microseconds). `lookup` maps a generated position to its original source.
 */
function attribute(
  profile: Profile,
  windows: readonly TimeWindow[],
  categorize: Categorize,
  lookup: (frame: CallFrame) => { source: string; line: number; name: string | null } | null,
): CpuBreakdown {
  const inside = (time: number) => windows.some((window) => time >= window.from && time <= window.to);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const perNode = new Map<number, number>();
  let at = profile.startTime;
  for (let index = 0; index < samples.length; index++) {
    at += deltas[index] ?? 0;
    // A sample stands for the interval up to the next one.
    const span = (deltas[index + 1] ?? 0) / 1000;
    if (!inside(at)) continue;
    const id = samples[index] as number;
    perNode.set(id, (perNode.get(id) ?? 0) + span);
  }

  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, ms] of perNode) {
    const frame = nodes.get(id)?.callFrame;
    if (!frame || frame.functionName === '(root)') continue;
    const original = lookup(frame);
    const source = original ? original.source.replace(/^(\.\.\/)+/, '') : null;
    const category = categorize(frame, source);
    categories.set(category, (categories.get(category) ?? 0) + ms);
    const where = original
      ? `${source}:${original.line}`
      : frame.url
        ? `${frame.url.replace(/^.*\/(node_modules|work\/main)\//, '')}:${frame.lineNumber + 1}`
        : '';
    const fn = `${original?.name ?? (frame.functionName || '(anonymous)')}${where ? ` (${where})` : ''}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return {
    windowMs: round(windows.reduce((sum, window) => sum + window.to - window.from, 0) / 1000),
    categories: sorted(categories).map(([category, ms]) => ({ category, ms: round(ms) })),
    topFunctions: sorted(functions)
      .slice(0, 15)
      .map(([fn, ms]) => ({ fn, ms: round(ms) })),
  };
}

function attributeAll<K extends string>(
  profile: Profile,
  windowSets: Record<K, readonly TimeWindow[]>,
  categorize: Categorize,
  lookup: Parameters<typeof attribute>[3],
): Record<K, CpuBreakdown> {
  const result = {} as Record<K, CpuBreakdown>;
  for (const key of Object.keys(windowSets) as K[])
    result[key] = attribute(profile, windowSets[key], categorize, lookup);
  return result;
}

/**
 * A sampling CPU profile of one page's main thread (Chrome DevTools Protocol).
 * `start` notes the page clock when sampling began, so windows given in
 * absolute page time (`performance.timeOrigin + performance.now()`, e.g.
 * between two performance marks) can be cut out of it. The web app's source
 * maps turn minified positions back into source files.
 */
export class CpuProfiler {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly pageNowAtStart: number,
  ) {}

  static async start(page: Page, intervalMicros = 200): Promise<CpuProfiler> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: intervalMicros });
    await cdp.send('Profiler.start');
    const now = await page.evaluate(() => performance.timeOrigin + performance.now());
    return new CpuProfiler(cdp, now);
  }

  /**
   * Stops sampling and attributes each named set of windows (absolute page
   * time, ms), e.g. `{ total: [bootstrap], apply: [...transactions] }`.
   */
  async stop<K extends string>(
    windowSets: Record<K, readonly TimeWindow[]>,
    fetchText: (url: string) => Promise<string | null>,
  ): Promise<Record<K, CpuBreakdown>> {
    const { profile } = (await this.cdp.send('Profiler.stop')) as { profile: Profile };
    await this.cdp.detach();
    const maps = new Map<string, SourceMap>();
    const scripts = new Set(profile.nodes.map((node) => node.callFrame.url).filter((url) => url.endsWith('.js')));
    for (const url of scripts) {
      const text = await fetchText(`${url}.map`);
      if (text) maps.set(url, SourceMap.parse(text));
    }
    // Page time (ms) → profile time (µs): the profile started when `pageNowAtStart` was read (±1 ms).
    const toProfile = (time: number) => profile.startTime + (time - this.pageNowAtStart) * 1000;
    const converted = Object.fromEntries(
      Object.entries<readonly TimeWindow[]>(windowSets).map(([key, windows]) => [
        key,
        windows.map((window) => ({ from: toProfile(window.from), to: toProfile(window.to) })),
      ]),
    ) as Record<K, TimeWindow[]>;
    // Scripts without a map (Dexie injected by a baseline, unminified) are their own source.
    return attributeAll(profile, converted, categorizePage, (frame) => {
      const map = maps.get(frame.url);
      if (map) return map.lookup(frame.lineNumber, frame.columnNumber);
      return frame.url ? { source: frame.url, line: frame.lineNumber + 1, name: null } : null;
    });
  }
}

/**
 * Started inside the server process by `--import` (Node refuses `--cpu-prof`
 * in NODE_OPTIONS): samples the whole process with the inspector and writes
 * the profile when the process exits (the server exits on SIGTERM).
 */
const SERVER_PRELOAD = `
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 250 });
session.post('Profiler.start');
process.on('exit', () => {
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(process.env.BENCH_SERVER_PROFILE_FILE, JSON.stringify(result.profile));
  });
});
`;

/**
 * The team server's CPU profile, written when it exits. Its clock is the
 * machine's monotonic clock, the same as `process.hrtime` here, so windows
 * are taken with `ServerProfile.now()`.
 */
export class ServerProfile {
  private constructor(readonly dir: string) {}

  static async create(): Promise<ServerProfile> {
    return new ServerProfile(await mkdtemp(join(tmpdir(), 'shiftdesk-server-profile-')));
  }

  /** Environment for `ServerProcess.start`: profile the whole server process. */
  env(): Record<string, string> {
    const existing = process.env.NODE_OPTIONS ?? '';
    const preload = `data:text/javascript,${encodeURIComponent(SERVER_PRELOAD)}`;
    return {
      NODE_OPTIONS: `${existing} --import=${preload}`.trim(),
      BENCH_SERVER_PROFILE_FILE: join(this.dir, 'server.cpuprofile'),
    };
  }

  /** The monotonic clock, in the profile's unit (µs). */
  static now(): number {
    return Number(process.hrtime.bigint() / 1000n);
  }

  /** Reads the profile (after the server stopped) and attributes each set of windows; removes the files. */
  async attribute<K extends string>(windowSets: Record<K, readonly TimeWindow[]>): Promise<Record<K, CpuBreakdown>> {
    try {
      const files = (await readdir(this.dir)).filter((file) => file.endsWith('.cpuprofile'));
      if (files.length !== 1) throw new Error(`expected one server profile in ${this.dir}, found ${files.length}`);
      const profile = JSON.parse(await readFile(join(this.dir, files[0] as string), 'utf8')) as Profile;
      return attributeAll(profile, windowSets, categorizeServer, () => null);
    } finally {
      await rm(this.dir, { recursive: true, force: true });
    }
  }
}

/** Prints a breakdown's biggest categories on one line, and optionally its top functions. */
export function printBreakdown(label: string, breakdown: CpuBreakdown, topFunctions = 0, indent = '     '): void {
  const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
  const top = breakdown.categories
    .filter((entry) => entry.ms >= breakdown.windowMs * 0.02)
    .map((entry) => `${entry.category} ${ms(entry.ms)}`)
    .join(', ');
  console.log(`${indent}${label} (${ms(breakdown.windowMs)}): ${top}`);
  for (const entry of breakdown.topFunctions.slice(0, topFunctions))
    console.log(`${indent}  ${ms(entry.ms).padStart(9)}  ${entry.fn}`);
}
