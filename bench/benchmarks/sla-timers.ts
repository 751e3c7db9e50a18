import type { Page } from '@playwright/test';
import { SLA_CONFIG_ID, type SlaConfig, defaultSlaConfig } from '#shared/domain/sla-config';
import { type SlaTicket, nextDeadline } from '#shared/sla/sla-clocks';
import { slaStatus } from '#shared/sla/sla-status';
import { ServerProcess } from '../../tooling/server-process.ts';
import {
  QUEUE_PAINTED_MARK,
  type DemoUser,
  demoUser,
  fillSignIn,
  launchChromium,
  localDatabaseName,
  showView,
  waitForMark,
  waitForSyncedConsole,
} from '../harness/app.ts';
import { envNumber, shortCount } from '../harness/env.ts';
import { median, percentile, round } from '../harness/stats.ts';
import type { Benchmark, BenchmarkOutput, Metric } from '../harness/types.ts';

const TICKETS = envNumber('BENCH_TICKETS', 10_000);
const SAMPLES = envNumber('BENCH_SAMPLES', 20);
const AGENT = demoUser('agent');
/** renderer/src/features/sla/sla-ticker.ts: a tick on demand, optionally at another instant. */
const SLA_TICK_EVENT = 'shiftdesk:sla-tick';
/** Each forced tick jumps this far: even a '-2d 3h' label changes, so every visible timer re-renders. */
const STEP_MS = 60 * 60_000;

interface TickSample {
  /** Dispatch → React committed (computing every visible timer, re-rendering the changed ones). */
  committed: number;
  /** Dispatch → the next frame painted (includes waiting for the frame). */
  painted: number;
  timers: number;
  /** Every timer's text after the tick: each forced tick must change them (else nothing was measured). */
  texts: string;
}

/**
 * Forces ticks of the shared SLA clock, each an hour after the last, so every
 * visible timer's label changes and every one re-renders: the worst tick. Times
 * are taken in the page, from the dispatch to React's commit and to the frame
 * after it.
 */
async function forcedTicks(page: Page, samples: number): Promise<TickSample[]> {
  const start = Date.now();
  const results: TickSample[] = [];
  for (let i = 0; i < samples; i++) {
    results.push(
      await page.evaluate(
        async ({ event, now }) => {
          const before = performance.now();
          window.dispatchEvent(new CustomEvent(event, { detail: { now } }));
          // React flushes store updates in a microtask: after a task they are committed.
          await new Promise((resolve) => setTimeout(resolve, 0));
          const committed = performance.now() - before;
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          const timers = [...document.querySelectorAll('[data-testid="queue-list"] [data-sla-step]')];
          return {
            committed,
            painted: performance.now() - before,
            timers: timers.length,
            texts: timers.map((timer) => timer.textContent).join(' '),
          };
        },
        { event: SLA_TICK_EVENT, now: start + (i + 1) * STEP_MS },
      ),
    );
  }
  // Back to the real time, so the page is left as it was.
  await page.evaluate((event) => window.dispatchEvent(new CustomEvent(event)), SLA_TICK_EVENT);
  return results;
}

/** Every local ticket's SLA fields and the SLA config, read straight from the page's IndexedDB. */
async function localSlaData(page: Page, user: DemoUser): Promise<{ tickets: SlaTicket[]; config: SlaConfig }> {
  const data = await page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(String(request.error)));
      });
    const [tickets, sla, settings] = await Promise.all([all('tickets'), all('slaConfig'), all('settings')]);
    db.close();
    return {
      tickets: (tickets as Record<string, unknown>[]).map((t) => ({
        priority: t.priority,
        status: t.status,
        createdAt: t.createdAt,
        updatedAt: t.updatedAt,
        clock: t.clock,
      })),
      sla: sla[0] ?? null,
      timeZone: ((settings[0] ?? {}) as { timeZone?: string }).timeZone ?? 'UTC',
    };
  }, localDatabaseName(user));
  const config = (data.sla as SlaConfig | null) ?? defaultSlaConfig(0, data.timeZone);
  if (config.id !== SLA_CONFIG_ID) throw new Error('unexpected SLA config row');
  return { tickets: data.tickets as SlaTicket[], config };
}

/** The same work the timers avoid: every ticket's status at once, and every deadline (as the query layer does at load). */
function allTicketBaselines(tickets: readonly SlaTicket[], config: SlaConfig): { status: number; deadlines: number } {
  const now = Date.now();
  const time = (work: (fresh: SlaConfig) => void): number => {
    // A fresh copy each run: the calendar's caches start cold, as at load.
    const fresh = structuredClone(config);
    const started = performance.now();
    work(fresh);
    return performance.now() - started;
  };
  const status: number[] = [];
  const deadlines: number[] = [];
  for (let run = 0; run < 3; run++) {
    status.push(time((fresh) => tickets.forEach((ticket) => slaStatus(ticket, fresh, now))));
    deadlines.push(time((fresh) => tickets.forEach((ticket) => nextDeadline(ticket, fresh))));
  }
  return { status: median(status), deadlines: median(deadlines) };
}

/**
 * "SLA timers, visible rows": the cost of one tick of the row timers on All
 * active, in the page, beside the cost of the same maths for every ticket
 * (what the timers would cost if they were not limited to the rows on
 * screen), and nextDeadline for every ticket, as the query layer pays at load.
 */
export async function measureSlaTimers(
  page: Page,
  user: DemoUser,
  size: string,
  samples = SAMPLES,
): Promise<{ metrics: Metric[]; details: Record<string, unknown> }> {
  // tsx names the functions handed to page.evaluate with a helper the page lacks.
  await page.evaluate('window.__name = (fn) => fn');
  await showView(page, 'a', 'All active');
  await page.locator('[data-testid="queue-list"] [data-sla-step]').first().waitFor();
  // Warm-up ticks (first renders, JIT), not counted.
  await forcedTicks(page, 3);
  const ticks = await forcedTicks(page, samples);
  if (new Set(ticks.map((tick) => tick.texts)).size < ticks.length) {
    throw new Error('a forced tick left the timers as they were: the figures would not measure a re-render');
  }
  const { tickets, config } = await localSlaData(page, user);
  const baseline = allTicketBaselines(tickets, config);
  const committed = ticks.map((tick) => tick.committed);
  const painted = ticks.map((tick) => tick.painted);
  const timers = median(ticks.map((tick) => tick.timers));
  const metrics: Metric[] = [
    { name: `SLA timers, visible rows: timers on screen (${size})`, value: timers, unit: 'count' },
    {
      name: `SLA timers, visible rows: tick → committed p50 (${size})`,
      value: round(median(committed), 2),
      unit: 'ms',
      lowerIsBetter: true,
      note: 'target one frame (16 ms)',
    },
    {
      name: `SLA timers, visible rows: tick → committed p95 (${size})`,
      value: round(percentile(committed, 95), 2),
      unit: 'ms',
      lowerIsBetter: true,
      note: 'target one frame (16 ms)',
    },
    {
      name: `SLA timers, visible rows: tick → next frame painted p50 (${size})`,
      value: round(median(painted), 2),
      unit: 'ms',
      lowerIsBetter: true,
      note: 'includes waiting for the frame',
    },
    {
      name: `SLA timers, visible rows: tick → next frame painted p95 (${size})`,
      value: round(percentile(painted, 95), 2),
      unit: 'ms',
      lowerIsBetter: true,
      note: 'includes waiting for the frame',
    },
    {
      name: `baseline: slaStatus for all ${tickets.length.toLocaleString('en')} tickets once (${size})`,
      value: round(baseline.status, 1),
      unit: 'ms',
      note: 'Node, same tickets; what a tick would cost unwindowed',
    },
    {
      name: `nextDeadline for all ${tickets.length.toLocaleString('en')} tickets, cold (${size})`,
      value: round(baseline.deadlines, 1),
      unit: 'ms',
      lowerIsBetter: true,
      note: 'Node, same tickets; paid once at load and on a config change',
    },
  ];
  const slaTicks = ticks.map(({ committed, painted, timers }) => ({ committed, painted, timers }));
  return { metrics, details: { slaTicks, slaBaseline: baseline } };
}

/** The SLA timers alone (`npm run bench -- sla`); the queue benchmark reports the same figures. */
export const slaTimers: Benchmark = {
  name: 'sla-timers',
  description: `SLA timers of the visible rows at ${TICKETS.toLocaleString('en')} local tickets, one tick, vs all tickets`,
  run: async (): Promise<BenchmarkOutput> => {
    const server = await ServerProcess.start({ tickets: TICKETS });
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await (await fillSignIn(page, AGENT)).submit();
      await waitForSyncedConsole(page);
      await waitForMark(page, QUEUE_PAINTED_MARK, 120_000);
      await waitForMark(page, 'shiftdesk:query-ready', 120_000);
      const { metrics, details } = await measureSlaTimers(page, AGENT, shortCount(TICKETS));
      return { metrics: [{ name: 'tickets in database', value: TICKETS, unit: 'rows' }, ...metrics], details };
    } finally {
      await browser.close();
      await server.dispose();
    }
  },
};
