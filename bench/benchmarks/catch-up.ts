import type { BrowserContext, Page } from '@playwright/test';
import { API_ROUTES } from '#shared/api/routes';
import { PRIORITY_LABELS } from '#shared/domain/labels';
import { TICKET_PRIORITIES, type TicketPriority } from '#shared/domain/ticket';
import { MAX_MUTATIONS_PER_PUSH, type PushedMutation } from '#shared/sync/protocol';
import { ServerProcess } from '../../tooling/server-process.ts';
import {
  DEXIE_UMD,
  demoUser,
  fillSignIn,
  launchChromium,
  localDatabaseName,
  waitForSyncedConsole,
} from '../harness/app.ts';
import {
  type CpuBreakdown,
  CpuProfiler,
  ServerProfile,
  type TimeWindow,
  printBreakdown,
} from '../harness/cpu-profile.ts';
import { envNumber, shortCount } from '../harness/env.ts';
import { apiRequests, installProbe, probeRecords, waitForDom } from '../harness/page-probe.ts';
import { median, round } from '../harness/stats.ts';
import { RawSyncClient } from '../harness/sync-client.ts';
import type { Benchmark, BenchmarkOutput, Metric } from '../harness/types.ts';

const TICKETS = envNumber('BENCH_CATCHUP_TICKETS', 1_000);
const CHANGES = envNumber('BENCH_CATCHUP_CHANGES', 10_000);
const PROFILE = envNumber('BENCH_PROFILE', 1) !== 0;
/** Diagnostics: profile the server process too (slightly slower server; off for the figures). */
const SERVER_PROFILE = envNumber('BENCH_SERVER_PROFILE', 0) !== 0;
/** Priority changes made to a ticket before moving on with `j`. */
const CHANGES_PER_TICKET = 5;
/**
 * Key presses allowed ahead of the outbox count on screen. The key handler acts
 * on the ticket as last rendered, and a priority equal to the rendered one is
 * skipped; cycling through all four priorities, at most three presses ahead,
 * makes every press a real change.
 */
const MAX_IN_FLIGHT = 3;
/** Tickets checked on the server through the HTTP API after the catch-up. */
const SAMPLE = 100;
const AGENT = demoUser('agent');
const APP_DB = localDatabaseName(AGENT);
const LABEL_TO_PRIORITY = new Map(TICKET_PRIORITIES.map((priority) => [PRIORITY_LABELS[priority], priority]));
const KEY_FOR = Object.fromEntries(TICKET_PRIORITIES.map((priority, index) => [priority, String(index + 1)])) as Record<
  TicketPriority,
  string
>;
const PENDING = '[data-testid="sync-pending"]';
const DETAIL = '[data-testid="ticket-detail"]';
const DETAIL_PRIORITY = '[data-testid="detail-priority"]';

const nextPriority = (priority: TicketPriority): TicketPriority =>
  TICKET_PRIORITIES[(TICKET_PRIORITIES.indexOf(priority) + 1) % TICKET_PRIORITIES.length] as TicketPriority;

async function shownPriority(page: Page): Promise<TicketPriority> {
  const label = (await page.locator(DETAIL_PRIORITY).innerText()).trim();
  const priority = LABEL_TO_PRIORITY.get(label);
  if (!priority) throw new Error(`unknown priority label "${label}"`);
  return priority;
}

async function shownTicket(page: Page): Promise<string> {
  const id = await page.locator(DETAIL).getAttribute('data-ticket-id');
  if (!id) throw new Error('no ticket open');
  return id;
}

/**
 * Makes `CHANGES` priority changes with the keyboard, the way an agent would:
 * 1–4 on the open ticket (cycling), then `j` to the next ticket (`k` once the
 * queue's end is reached). Returns the tickets touched.
 */
async function driveChanges(page: Page): Promise<Set<string>> {
  const touched = new Set<string>();
  let direction = 'j';
  let issued = 0;
  while (issued < CHANGES) {
    const ticketId = await shownTicket(page);
    touched.add(ticketId);
    let priority = await shownPriority(page);
    for (let step = 0; step < CHANGES_PER_TICKET && issued < CHANGES; step++) {
      const target = nextPriority(priority);
      await waitForDom(page, [
        { selector: PENDING, attribute: 'data-pending', atLeast: issued - MAX_IN_FLIGHT + 1 },
        { selector: DETAIL_PRIORITY, notEquals: PRIORITY_LABELS[target] },
      ]);
      await page.keyboard.press(KEY_FOR[target]);
      issued++;
      priority = target;
    }
    await waitForDom(page, [
      { selector: PENDING, attribute: 'data-pending', equals: String(issued) },
      { selector: DETAIL_PRIORITY, equals: PRIORITY_LABELS[priority] },
    ]);
    if (issued % 1_000 < CHANGES_PER_TICKET) console.log(`     ${issued.toLocaleString('en')} changes made`);
    for (let attempt = 0; ; attempt++) {
      await page.keyboard.press(direction);
      const moved = await waitForDom(
        page,
        [{ selector: DETAIL, attribute: 'data-ticket-id', notEquals: ticketId }],
        2_000,
      )
        .then(() => true)
        .catch(() => false);
      if (moved) break;
      if (attempt > 0) throw new Error('the keyboard no longer moves through the queue');
      direction = direction === 'j' ? 'k' : 'j';
    }
  }
  return touched;
}

interface RawDexie {
  open: () => Promise<unknown>;
  close: () => void;
  table: (name: string) => {
    toArray: () => Promise<unknown[]>;
    get: (key: string) => Promise<unknown>;
    bulkGet: (keys: string[]) => Promise<unknown[]>;
  };
}

/** A page of the app's origin that is not the app (an API document), with Dexie injected: it reads the app's database. */
async function openSidePage(context: BrowserContext, serverUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${serverUrl}${API_ROUTES.health}`);
  await page.addScriptTag({ path: DEXIE_UMD });
  return page;
}

/** Reads the app's outbox, sync state and some tickets (read only, from the side page). */
async function readLocal(
  page: Page,
  ticketIds: string[],
): Promise<{
  outbox: PushedMutation[];
  tickets: { id: string; priority: TicketPriority }[];
  sync: { ackedThrough: number; nextMutationId: number };
}> {
  return page.evaluate(
    async ({ appDb, ticketIds }) => {
      const db = new (window as unknown as { Dexie: new (name: string) => RawDexie }).Dexie(appDb);
      await db.open();
      const outbox = (await db.table('outbox').toArray()) as PushedMutation[];
      const tickets = (await db.table('tickets').bulkGet(ticketIds)) as { id: string; priority: TicketPriority }[];
      const meta = (await db.table('meta').get('sync')) as {
        value: { ackedThrough: number; nextMutationId: number };
      };
      db.close();
      return {
        outbox,
        tickets: tickets.map((ticket) => ({ id: ticket.id, priority: ticket.priority })),
        sync: meta.value,
      };
    },
    { appDb: APP_DB, ticketIds },
  );
}

/**
 * The floor: the same number of changes to the same tickets, in the same
 * order, each a real change (cycling on from what the server holds now),
 * pushed straight to the push endpoint from Node in batches of the protocol's
 * maximum, then pulled back by a client that was current before.
 */
async function measureFloor(
  server: ServerProcess,
  outbox: readonly PushedMutation[],
  current: Map<string, TicketPriority>,
): Promise<{ pushMs: number; pullMs: number; pushes: number; pulls: number; pushWindows: TimeWindow[] }> {
  const { token } = await server.login(AGENT.email);
  const client = new RawSyncClient(server.url, token);
  await client.pullUntilCurrent();
  const state = new Map(current);
  const mutations: PushedMutation[] = outbox.map((entry, index) => {
    const { ticketId } = entry.args as { ticketId: string };
    const priority = nextPriority(state.get(ticketId) ?? 'normal');
    state.set(ticketId, priority);
    return { id: index + 1, name: entry.name, args: { ticketId, priority }, createdAt: Date.now() };
  });
  const pushStarted = performance.now();
  let pushes = 0;
  const pushWindows: TimeWindow[] = [];
  for (let start = 0; start < mutations.length; start += MAX_MUTATIONS_PER_PUSH) {
    const batch = mutations.slice(start, start + MAX_MUTATIONS_PER_PUSH);
    const from = ServerProfile.now();
    const confirmed = await client.push(batch);
    pushWindows.push({ from, to: ServerProfile.now() });
    pushes++;
    if (confirmed !== batch.at(-1)?.id) throw new Error(`the server confirmed ${confirmed}, not ${batch.at(-1)?.id}`);
  }
  const pushMs = performance.now() - pushStarted;
  const pullStarted = performance.now();
  const pages = await client.pullUntilCurrent();
  return { pushMs, pullMs: performance.now() - pullStarted, pushes, pulls: pages.length, pushWindows };
}

async function fetchText(url: string): Promise<string | null> {
  const response = await fetch(url);
  return response.ok ? response.text() : null;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;

/**
 * An agent works offline (the browser context set offline), making
 * `CHANGES` priority changes with the keyboard; then the network comes back.
 * Measured: from the window's `online` event until the status bar shows
 * "0 pending" (every change pushed, processed and acknowledged through a
 * pull), and the server verified through its HTTP API. Next to the same
 * number of changes pushed straight to the server from Node and pulled back.
 */
export const catchUp: Benchmark = {
  name: 'catch-up',
  description: `${CHANGES.toLocaleString('en')} keyboard changes made offline with ${shortCount(TICKETS)} tickets, then online until 0 pending, vs bare push + pull from Node`,
  run: async (): Promise<BenchmarkOutput> => {
    const serverProfile = SERVER_PROFILE ? await ServerProfile.create() : null;
    const server = await ServerProcess.start({ tickets: TICKETS, ...(serverProfile && { env: serverProfile.env() }) });
    const browser = await launchChromium();
    const serverWindows: Record<'appPushes' | 'appPulls' | 'floorPushes', TimeWindow[]> = {
      appPushes: [],
      appPulls: [],
      floorPushes: [],
    };
    try {
      // bypassCSP only lets the side page inject Dexie to read the outbox; the app is unchanged.
      const context = await browser.newContext({ bypassCSP: true });
      await installProbe(context);
      const page = await context.newPage();
      await page.goto(server.url);
      await (await fillSignIn(page, AGENT)).submit();
      await waitForSyncedConsole(page);
      await page.waitForFunction(() => document.documentElement.dataset.offlineReady === 'true');
      // Opened now: once the context is offline, no page of the server's origin loads. The app's
      // page must be in front again: a hidden page gets no animation frames and throttled timers.
      const side = await openSidePage(context, server.url);
      await page.bringToFront();
      if ((await page.evaluate(() => document.visibilityState)) !== 'visible')
        throw new Error('the app is not visible');

      await context.setOffline(true);
      await page.getByTestId('sync-connection').filter({ hasText: 'Offline' }).waitFor();
      const driveStarted = performance.now();
      const touched = await driveChanges(page);
      const driveMs = performance.now() - driveStarted;
      console.log(
        `  offline: ${CHANGES.toLocaleString('en')} changes to ${touched.size} tickets in ${ms(driveMs)} ` +
          `(${(CHANGES / (driveMs / 1000)).toFixed(1)} changes/s, keyboard, ${MAX_IN_FLIGHT} presses ahead at most)`,
      );
      const before = await readLocal(side, [...touched]);
      if (before.outbox.length !== CHANGES)
        throw new Error(`the outbox holds ${before.outbox.length} changes, not ${CHANGES}`);
      const expected = new Map(before.tickets.map((ticket) => [ticket.id, ticket.priority]));

      await probeRecords(page, true);
      const profiler = PROFILE ? await CpuProfiler.start(page) : null;
      await context.setOffline(false);
      const drained = await waitForDom(
        page,
        [{ selector: PENDING, attribute: 'data-pending', equals: '0' }],
        30 * 60_000,
      );
      const monotonicBefore = ServerProfile.now();
      const pageNow = await page.evaluate(() => performance.timeOrigin + performance.now());
      const monotonicAtPageNow = (monotonicBefore + ServerProfile.now()) / 2;
      const toMonotonic = (time: number) => monotonicAtPageNow + (time - pageNow) * 1000;
      const records = await probeRecords(page);
      const online = records.online[0]?.at;
      if (online === undefined) throw new Error('the page never went online');
      const catchUpMs = drained.dom - online;

      const after = await readLocal(side, [...touched]);
      if (after.sync.ackedThrough !== before.sync.nextMutationId - 1)
        throw new Error(`the server confirmed ${after.sync.ackedThrough} of ${before.sync.nextMutationId - 1} changes`);
      const { token } = await server.login(demoUser('lead').email);
      const ids = [...touched];
      const sample = ids.filter((_, index) => index % Math.max(1, Math.floor(ids.length / SAMPLE)) === 0);
      for (const id of sample) {
        const onServer = (await server.fetchTicket(token, id)).priority;
        if (onServer !== expected.get(id))
          throw new Error(`ticket ${id} is ${onServer} on the server, ${expected.get(id)} on the device`);
      }
      console.log(
        `  online: 0 pending after ${ms(catchUpMs)}; server confirmed all ${CHANGES.toLocaleString('en')}, ${sample.length} tickets checked over HTTP`,
      );

      // Where the time went.
      const requests = (await apiRequests(page)).filter(
        (request) => request.start >= online && request.start <= drained.dom,
      );
      const pushes = requests.filter((request) => request.path === API_ROUTES.push);
      const pulls = requests.filter((request) => request.path === API_ROUTES.pull);
      const applies = records.transactions.filter(
        (tx): tx is typeof tx & { end: number } =>
          tx.db === APP_DB &&
          tx.stores === tx.dbStores &&
          tx.end !== null &&
          tx.start >= online &&
          tx.start <= drained.dom,
      );
      const serverWindow = (request: (typeof requests)[number]) => ({
        from: toMonotonic(request.requestStart),
        to: toMonotonic(request.responseEnd),
      });
      serverWindows.appPushes = pushes.map(serverWindow);
      serverWindows.appPulls = pulls.map(serverWindow);
      const firstPush = pushes[0]?.start ?? online;
      const lastPush = pushes.at(-1)?.responseEnd ?? online;
      const breakdown = {
        'online → first push sent': firstPush - online,
        [`${pushes.length} pushes (first sent → last answered)`]: lastPush - firstPush,
        'push requests, summed': sum(pushes.map((r) => r.responseEnd - r.start)),
        'push server time (request → first byte), summed': sum(pushes.map((r) => r.responseStart - r.requestStart)),
        [`last push answered → 0 pending (${pulls.filter((r) => r.start >= lastPush).length} pulls, apply, render)`]:
          drained.dom - lastPush,
        [`${pulls.length} pull requests, summed`]: sum(pulls.map((r) => r.responseEnd - r.start)),
        'pull server time (request → first byte), summed': sum(pulls.map((r) => r.responseStart - r.requestStart)),
        'pull bytes (MB)': sum(pulls.map((r) => r.bytes)) / 1e6,
        [`${applies.length} pull transactions (start → commit), summed`]: sum(applies.map((tx) => tx.end - tx.start)),
        'largest pull transaction': Math.max(0, ...applies.map((tx) => tx.end - tx.start)),
      };
      for (const [what, value] of Object.entries(breakdown))
        console.log(`     ${what}: ${what.includes('MB') ? value.toFixed(1) : ms(value)}`);
      let profile: Record<'catchUp' | 'pushing' | 'pullTransactions' | 'afterPushes', CpuBreakdown> | null = null;
      if (profiler) {
        profile = await profiler.stop(
          {
            catchUp: [{ from: online, to: drained.dom }],
            pushing: [{ from: firstPush, to: lastPush }],
            pullTransactions: applies.map((tx) => ({ from: tx.start, to: tx.end })),
            afterPushes: [{ from: lastPush, to: drained.dom }],
          },
          fetchText,
        );
        printBreakdown('main thread, whole catch-up', profile.catchUp, 10);
        printBreakdown('main thread, while pushing', profile.pushing);
        printBreakdown('main thread, after the pushes', profile.afterPushes);
        printBreakdown('main thread, inside the pull transactions', profile.pullTransactions);
      }
      await context.close();

      const floor = await measureFloor(server, before.outbox, expected);
      const floorMs = floor.pushMs + floor.pullMs;
      serverWindows.floorPushes = floor.pushWindows;
      console.log(
        `  floor (Node): ${floor.pushes} pushes in ${ms(floor.pushMs)}, then ${floor.pulls} pulls in ${ms(floor.pullMs)}`,
      );

      const metrics: Metric[] = [
        { name: 'tickets local', value: TICKETS, unit: 'rows' },
        {
          name: 'changes made offline',
          value: CHANGES,
          unit: 'changes',
          note: `to ${touched.size} tickets, with the keyboard`,
        },
        {
          name: 'offline changes took',
          value: round(driveMs),
          unit: 'ms',
          lowerIsBetter: true,
          note: `${round(CHANGES / (driveMs / 1000), 1)} changes/s (key press → outbox count on screen)`,
        },
        {
          name: 'catch-up: online → 0 pending',
          value: round(catchUpMs),
          unit: 'ms',
          lowerIsBetter: true,
          note: 'server verified after',
        },
        { name: 'catch-up changes/s', value: Math.round(CHANGES / (catchUpMs / 1000)), unit: 'changes/s' },
        {
          name: 'floor: push + pull from Node',
          value: round(floorMs),
          unit: 'ms',
          lowerIsBetter: true,
          note: `baseline: ${floor.pushes} pushes ${ms(floor.pushMs)} + ${floor.pulls} pulls ${ms(floor.pullMs)}`,
        },
        { name: 'floor changes/s', value: Math.round(CHANGES / (floorMs / 1000)), unit: 'changes/s', note: 'baseline' },
        {
          name: 'floor push-only changes/s',
          value: Math.round(CHANGES / (floor.pushMs / 1000)),
          unit: 'changes/s',
          note: 'baseline',
        },
        {
          name: 'catch-up / floor',
          value: round(catchUpMs / floorMs, 2),
          unit: 'x',
          lowerIsBetter: true,
          note: 'what the app adds',
        },
        {
          name: 'push requests (in app) p50',
          value: round(pushes.length ? median(pushes.map((r) => r.responseEnd - r.start)) : NaN),
          unit: 'ms',
          lowerIsBetter: true,
          note: `${pushes.length} pushes of up to ${MAX_MUTATIONS_PER_PUSH}`,
        },
      ];
      return {
        metrics,
        details: {
          tickets: TICKETS,
          changes: CHANGES,
          touched: touched.size,
          driveMs,
          catchUpMs,
          breakdown,
          profile,
          floor,
        },
      };
    } finally {
      await browser.close();
      await server.dispose();
      if (serverProfile) {
        await serverProfile.attribute(serverWindows).then(
          (parts) => {
            printBreakdown("server CPU during the app's pushes", parts.appPushes, 12);
            printBreakdown("server CPU during the app's pulls", parts.appPulls, 6);
            printBreakdown('server CPU during the floor pushes', parts.floorPushes);
          },
          (error: unknown) => console.warn(`  no server profile: ${String(error)}`),
        );
      }
    }
  },
};
