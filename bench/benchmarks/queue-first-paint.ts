import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tooling/chromium.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo-content.ts';
import { ServerProcess } from '../../tooling/server-process.ts';
import { median, percentile, round } from '../harness/stats.ts';
import type { Benchmark, Metric } from '../harness/types.ts';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DEXIE_UMD = resolve(import.meta.dirname, '..', '..', 'node_modules', 'dexie', 'dist', 'dexie.js');
const DB_NAME = 'shiftdesk-wsp_demo-usr_agent';
const PAINT_MARK = 'shiftdesk:queue-painted';
const ACTIVE_STATUSES = ['new', 'open', 'pending', 'on_hold'];

/**
 * Opening the console with `TICKETS` tickets already local: time from
 * navigation to the first frame showing the queue, next to a plain Dexie read
 * of the same rows in the same browser. The ratio is what the app adds on top
 * of the storage read (loading the bundle, React, sorting, painting).
 */
export const queueFirstPaint: Benchmark = {
  name: 'queue-first-paint',
  description: `Open the queue with ${TICKETS.toLocaleString('en')} local tickets, vs a raw Dexie read of the same rows`,
  run: async (): Promise<Metric[]> => {
    const server = await ServerProcess.start({ tickets: TICKETS });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      // bypassCSP only lets the benchmark inject Dexie for the baseline; the app itself is unchanged.
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByLabel('Email').fill('agent@demo.shiftdesk.test');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page
        .getByTestId('sync-last')
        .filter({ hasText: /^synced/ })
        .waitFor({ timeout: 120_000 });

      const paint: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        await page.reload();
        await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, PAINT_MARK, {
          timeout: 60_000,
        });
        paint.push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? NaN, PAINT_MARK));
      }
      const shown = Number((await page.getByTestId('queue-count').innerText()).replace(/\D/g, ''));

      await page.addScriptTag({ path: DEXIE_UMD });
      const raw = await page.evaluate(
        async ({ name, statuses, runs }) => {
          const DexieCtor = (window as unknown as { Dexie: new (name: string) => RawDexie }).Dexie;
          interface RawDexie {
            open: () => Promise<unknown>;
            close: () => void;
            table: (name: string) => {
              where: (index: string) => { anyOf: (values: string[]) => { toArray: () => Promise<unknown[]> } };
            };
          }
          const timings: number[] = [];
          let rows = 0;
          for (let run = 0; run < runs; run++) {
            const db = new DexieCtor(name);
            const started = performance.now();
            await db.open();
            rows = (await db.table('tickets').where('status').anyOf(statuses).toArray()).length;
            timings.push(performance.now() - started);
            db.close();
          }
          return { timings, rows };
        },
        { name: DB_NAME, statuses: ACTIVE_STATUSES, runs: RUNS },
      );
      if (raw.rows !== shown) throw new Error(`baseline read ${raw.rows} rows but the queue shows ${shown}`);

      const paintMedian = median(paint);
      const rawMedian = median(raw.timings);
      return [
        { name: 'tickets in database', value: TICKETS, unit: 'rows' },
        { name: 'rows in queue', value: shown, unit: 'rows' },
        { name: 'first paint p50', value: round(paintMedian), unit: 'ms', lowerIsBetter: true },
        { name: 'first paint p95', value: round(percentile(paint, 95)), unit: 'ms', lowerIsBetter: true },
        { name: 'raw Dexie read p50', value: round(rawMedian), unit: 'ms', lowerIsBetter: true, note: 'baseline' },
        { name: 'raw Dexie read p95', value: round(percentile(raw.timings, 95)), unit: 'ms', note: 'baseline' },
        {
          name: 'first paint / raw read',
          value: round(paintMedian / rawMedian, 2),
          unit: 'x',
          lowerIsBetter: true,
          note: `p50 ratio over ${RUNS} runs`,
        },
      ];
    } finally {
      await browser.close();
      await server.dispose();
    }
  },
};
