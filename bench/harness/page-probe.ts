import type { BrowserContext, Page } from '@playwright/test';

/**
 * A small probe installed into every page of a benchmark's browser context
 * before the app loads. It only observes: timestamps of clicks and key presses,
 * IndexedDB read-write transactions (start → commit), `Response.json()` calls,
 * WebSocket pokes, and DOM conditions watched with a MutationObserver. The app's
 * code is untouched; wrapping these platform entry points costs a few
 * microseconds per call (a handful of calls per sync step).
 *
 * It is plain JavaScript in a string on purpose: functions handed to
 * `page.evaluate` are transpiled by tsx, whose helpers do not exist in the page.
 *
 * Times are absolute: `performance.timeOrigin + performance.now()`, comparable
 * between pages of one browser on one machine.
 */
const PROBE_SCRIPT = `(() => {
  if (window.__bench) return;
  try { performance.setResourceTimingBufferSize(1000000); } catch {}
  const now = () => performance.timeOrigin + performance.now();
  const probe = {
    now,
    clicks: [],
    online: [],
    keys: [],
    pokes: [],
    transactions: [],
    json: [],
    armed: new Map(),
    matches(checks) {
      return checks.every((check) => {
        const element = document.querySelector(check.selector);
        if (check.absent) return !element;
        if (!element) return false;
        const value = check.attribute ? element.getAttribute(check.attribute) : element.textContent;
        if (check.equals !== undefined) return value === check.equals;
        if (check.notEquals !== undefined) return value !== check.notEquals;
        if (check.atLeast !== undefined) return Number(value) >= check.atLeast;
        return true;
      });
    },
    watch(checks, timeoutMs) {
      return new Promise((resolve, reject) => {
        const settle = (dom) => requestAnimationFrame(() => resolve({ dom, frame: now() }));
        if (probe.matches(checks)) return settle(now());
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error('timed out waiting for ' + JSON.stringify(checks)));
        }, timeoutMs);
        const observer = new MutationObserver(() => {
          if (!probe.matches(checks)) return;
          const dom = now();
          observer.disconnect();
          clearTimeout(timer);
          settle(dom);
        });
        observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      });
    },
    arm(id, checks, timeoutMs) {
      const watching = probe.watch(checks, timeoutMs);
      watching.catch(() => undefined);
      probe.armed.set(id, watching);
    },
    async armedResult(id) {
      const watching = probe.armed.get(id);
      if (!watching) throw new Error('nothing armed as ' + id);
      probe.armed.delete(id);
      return watching;
    },
  };
  window.__bench = probe;

  addEventListener('click', (event) => probe.clicks.push({ at: performance.timeOrigin + event.timeStamp }), true);
  addEventListener('online', () => probe.online.push({ at: now() }));
  addEventListener('keydown', (event) => probe.keys.push({ key: event.key, at: performance.timeOrigin + event.timeStamp }), true);

  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, options) {
    const tx = transaction.call(this, stores, mode, options);
    if (mode === 'readwrite') {
      const record = {
        db: this.name,
        stores: tx.objectStoreNames.length,
        dbStores: this.objectStoreNames.length,
        start: now(),
        end: null,
        aborted: false,
      };
      probe.transactions.push(record);
      tx.addEventListener('complete', () => (record.end = now()));
      tx.addEventListener('abort', () => {
        record.end = now();
        record.aborted = true;
      });
    }
    return tx;
  };

  const json = Response.prototype.json;
  Response.prototype.json = function () {
    const record = { url: this.url, start: now(), end: null };
    probe.json.push(record);
    return json.call(this).finally(() => (record.end = now()));
  };

  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data === 'string' && event.data.includes('"poke"')) probe.pokes.push({ at: now() });
      });
    }
  };
})();`;

export interface DomCheck {
  selector: string;
  /** Compare this attribute; default: the element's text. */
  attribute?: string;
  equals?: string;
  notEquals?: string;
  /** The value, read as a number, is at least this. */
  atLeast?: number;
  /** Holds while nothing matches the selector. */
  absent?: true;
}

export interface ProbeTransaction {
  db: string;
  /** Stores in the transaction's scope, and in its database: equal for the app's sync transactions (db.syncTables()). */
  stores: number;
  dbStores: number;
  start: number;
  end: number | null;
  aborted: boolean;
}

export interface ProbeRecords {
  clicks: { at: number }[];
  /** The window's `online` events (the app reconnects on them). */
  online: { at: number }[];
  keys: { key: string; at: number }[];
  pokes: { at: number }[];
  transactions: ProbeTransaction[];
  json: { url: string; start: number; end: number | null }[];
}

/** A resource timing entry with absolute times (ms since the epoch, like the probe's). */
export interface RequestTiming {
  path: string;
  start: number;
  requestStart: number;
  responseStart: number;
  responseEnd: number;
  bytes: number;
}

interface ProbeWindow {
  __bench: ProbeRecords & {
    now: () => number;
    watch: (checks: DomCheck[], timeoutMs: number) => Promise<{ dom: number; frame: number }>;
    arm: (id: string, checks: DomCheck[], timeoutMs: number) => void;
    armedResult: (id: string) => Promise<{ dom: number; frame: number }>;
  };
}

export async function installProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: PROBE_SCRIPT });
}

/** Resolves when every check holds (now, or after a later DOM change): the DOM time and the next frame's. */
export function waitForDom(
  page: Page,
  checks: DomCheck[],
  timeoutMs = 30_000,
): Promise<{ dom: number; frame: number }> {
  return page.evaluate(({ checks, timeoutMs }) => (window as unknown as ProbeWindow).__bench.watch(checks, timeoutMs), {
    checks,
    timeoutMs,
  });
}

/** Starts watching for `checks` now (before the action that should cause them); collect with `armedResult`. */
export async function arm(page: Page, id: string, checks: DomCheck[], timeoutMs = 30_000): Promise<void> {
  await page.evaluate(
    ({ id, checks, timeoutMs }) => (window as unknown as ProbeWindow).__bench.arm(id, checks, timeoutMs),
    { id, checks, timeoutMs },
  );
}

export function armedResult(page: Page, id: string): Promise<{ dom: number; frame: number }> {
  return page.evaluate((id) => (window as unknown as ProbeWindow).__bench.armedResult(id), id);
}

/** Everything the probe recorded so far (and clears it when `clear`). */
export function probeRecords(page: Page, clear = false): Promise<ProbeRecords> {
  return page.evaluate((clear) => {
    const probe = (window as unknown as ProbeWindow).__bench;
    const records = {
      clicks: probe.clicks,
      online: probe.online,
      keys: probe.keys,
      pokes: probe.pokes,
      transactions: probe.transactions,
      json: probe.json,
    };
    if (clear) {
      probe.clicks = [];
      probe.online = [];
      probe.keys = [];
      probe.pokes = [];
      probe.transactions = [];
      probe.json = [];
    }
    return records;
  }, clear);
}

/** The page's resource timings for API calls, in absolute time. */
export function apiRequests(page: Page): Promise<RequestTiming[]> {
  return page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.name.includes('/api/'))
      .map((entry) => ({
        path: new URL(entry.name).pathname,
        start: performance.timeOrigin + entry.startTime,
        requestStart: performance.timeOrigin + entry.requestStart,
        responseStart: performance.timeOrigin + entry.responseStart,
        responseEnd: performance.timeOrigin + entry.responseEnd,
        bytes: entry.encodedBodySize,
      })),
  );
}

/** A performance mark's time in absolute terms, or null if the page has not made it. */
export function markTime(page: Page, name: string): Promise<number | null> {
  return page.evaluate((name) => {
    const entry = performance.getEntriesByName(name)[0];
    return entry ? performance.timeOrigin + entry.startTime : null;
  }, name);
}

/** Absolute page time now (the probe's clock). */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.timeOrigin + performance.now());
}
