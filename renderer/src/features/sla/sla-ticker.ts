/**
 * The one clock every SLA timer on screen reads: a single interval, started
 * by the first timer that subscribes and stopped with the last, so fifty rows
 * tick together in one task instead of fifty timers drifting apart.
 */

/** A second: the labels change by the minute, but a step change should not wait up to a minute. */
export const SLA_TICK_MS = 1_000;

/**
 * Dispatched on `window` to tick at once, optionally at another instant
 * (`detail.now`): benchmarks measure the cost of one tick with it. The app
 * itself never dispatches it.
 */
export const SLA_TICK_EVENT = 'shiftdesk:sla-tick';

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function tick(at = Date.now()): void {
  now = at;
  for (const listener of [...listeners]) listener();
}

function onTickEvent(event: Event): void {
  const detail = (event as CustomEvent<{ now?: number } | null>).detail;
  tick(typeof detail?.now === 'number' ? detail.now : Date.now());
}

export function subscribeSlaTicker(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(() => tick(), SLA_TICK_MS);
    globalThis.addEventListener?.(SLA_TICK_EVENT, onTickEvent);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0 || timer === null) return;
    clearInterval(timer);
    timer = null;
    globalThis.removeEventListener?.(SLA_TICK_EVENT, onTickEvent);
  };
}

/** The instant of the last tick (what every timer on screen shows). */
export function slaTickerNow(): number {
  return now;
}
