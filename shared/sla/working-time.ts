import type { BusinessCalendar } from '../domain/sla-config.ts';
import { businessDay, businessDayNumberAt } from './business-days.ts';

/** A team's working hours, or wall-clock time for 24×7 targets. */
export type Schedule = BusinessCalendar | 'always';

/** A stretch of time [from, to) that does not count (a pause while waiting on the customer). */
export type Pause = readonly [from: number, to: number];

/** How far ahead working time is looked for: past it, a target is treated as never due. */
const HORIZON_DAYS = 3_660;

/**
 * Calls `visit(from, to)` with the schedule's working stretches from `from`
 * onwards, in order, until `visit` returns true. Stops after HORIZON_DAYS.
 */
function eachWorkingStretch(schedule: Schedule, from: number, visit: (start: number, end: number) => boolean): void {
  if (schedule === 'always') {
    visit(from, Number.POSITIVE_INFINITY);
    return;
  }
  const first = businessDayNumberAt(schedule, from);
  for (let day = first; day < first + HORIZON_DAYS; day++) {
    const working = businessDay(schedule, day).working;
    for (let i = 0; i < working.length; i += 2) {
      const end = working[i + 1]!;
      if (end <= from) continue;
      if (visit(Math.max(from, working[i]!), end)) return;
    }
  }
}

/**
 * Pauses sorted by start and joined where they overlap or touch. The clock's
 * pauses come oldest first and apart already; this makes any input safe.
 */
export function normalizePauses(pauses: readonly Pause[]): Pause[] {
  const sorted = pauses.filter(([from, to]) => to > from).sort((a, b) => a[0] - b[0]);
  const joined: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = joined[joined.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else joined.push([from, to]);
  }
  return joined;
}

/**
 * Working time in [from, to) outside `pauses` (normalized: sorted, apart).
 * 0 when `to` is not after `from`.
 */
export function workingMsBetween(schedule: Schedule, from: number, to: number, pauses: readonly Pause[] = []): number {
  if (to <= from) return 0;
  let total = 0;
  let p = 0;
  eachWorkingStretch(schedule, from, (start, end) => {
    if (start >= to) return true;
    const stop = Math.min(end, to);
    let at = start;
    while (at < stop) {
      while (p < pauses.length && pauses[p]![1] <= at) p++;
      const pause = pauses[p];
      if (pause && pause[0] <= at) {
        at = pause[1];
        continue;
      }
      const until = pause ? Math.min(stop, pause[0]) : stop;
      total += until - at;
      at = until;
    }
    return end >= to;
  });
  return total;
}

/**
 * The instant at which `ms` of working time outside `pauses` (normalized) has
 * elapsed after `from`. Reaching the target exactly at the end of a working
 * stretch is due then (17:00), not at the next opening. Infinity when the
 * schedule has no working time within ten years.
 */
export function addWorkingMs(schedule: Schedule, from: number, ms: number, pauses: readonly Pause[] = []): number {
  if (ms <= 0) return from;
  let left = ms;
  let due = Number.POSITIVE_INFINITY;
  let p = 0;
  eachWorkingStretch(schedule, from, (start, end) => {
    let at = start;
    while (at < end) {
      while (p < pauses.length && pauses[p]![1] <= at) p++;
      const pause = pauses[p];
      if (pause && pause[0] <= at) {
        at = pause[1];
        continue;
      }
      const until = pause ? Math.min(end, pause[0]) : end;
      if (until - at >= left) {
        due = at + left;
        return true;
      }
      left -= until - at;
      at = until;
    }
    return false;
  });
  return due;
}
