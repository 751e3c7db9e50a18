import { type BusinessCalendar, minutesOfClockTime } from '../domain/sla-config.ts';
import { DAY_MS, MINUTE_MS, wallToInstant } from './zoned-time.ts';

/**
 * One local day of a calendar as UTC instants: the day's bounds [start, end)
 * and its working intervals as a flat [start0, end0, start1, end1, …] list.
 * A DST day is 23 or 25 hours long, and its working intervals are as long as
 * the wall clock says (a 00:00–24:00 shift on the spring change is 23 hours).
 */
export interface BusinessDay {
  readonly start: number;
  readonly end: number;
  readonly working: readonly number[];
}

interface CalendarCache {
  readonly holidays: ReadonlySet<number>;
  readonly days: Map<number, BusinessDay>;
}

/**
 * Days are computed once per calendar and local day, then read from here: at
 * load every active ticket's deadline is computed, and they all fall on the
 * same few dozen days. Looked up by the calendar object first (no work per
 * ticket), then by its content, so a config read again as a new but equal
 * object (a live query's next result) keeps the days already computed.
 */
const caches = new WeakMap<BusinessCalendar, CalendarCache>();
const byContent = new Map<string, CalendarCache>();

/** Calendars remembered by content: an edited calendar is a new one, and a team has one at a time. */
const MAX_CALENDARS = 8;
/** A long-running server sees years of days; past this a calendar's cache starts over. */
const MAX_CACHED_DAYS = 4_000;

function dayNumberOfDate(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function cacheFor(calendar: BusinessCalendar): CalendarCache {
  let cache = caches.get(calendar);
  if (cache) return cache;
  const content = JSON.stringify(calendar);
  cache = byContent.get(content);
  if (!cache) {
    cache = { holidays: new Set(calendar.holidays.map((h) => dayNumberOfDate(h.date))), days: new Map() };
    if (byContent.size >= MAX_CALENDARS) byContent.delete(byContent.keys().next().value as string);
    byContent.set(content, cache);
  }
  caches.set(calendar, cache);
  return cache;
}

function computeDay(calendar: BusinessCalendar, holidays: ReadonlySet<number>, day: number): BusinessDay {
  const zone = calendar.timeZone;
  const midnight = day * DAY_MS;
  const start = wallToInstant(zone, midnight);
  const end = wallToInstant(zone, midnight + DAY_MS);
  const working: number[] = [];
  if (!holidays.has(day)) {
    // 1970-01-01 (day 0) was a Thursday.
    const weekday = (((day + 4) % 7) + 7) % 7;
    let previousEnd = start;
    for (const interval of calendar.week[weekday] ?? []) {
      // Clamped so the spring gap, which moves wall times forward, cannot make
      // intervals overlap or run backwards.
      const from = Math.max(
        previousEnd,
        wallToInstant(zone, midnight + minutesOfClockTime(interval.start) * MINUTE_MS),
      );
      const to = Math.min(end, wallToInstant(zone, midnight + minutesOfClockTime(interval.end) * MINUTE_MS));
      if (to <= from) continue;
      // Touching intervals (09–12, 12–17) become one stretch.
      const last = working.length - 1;
      if (last > 0 && working[last] === from) working[last] = to;
      else working.push(from, to);
      previousEnd = to;
    }
  }
  return { start, end, working };
}

/** The local day number `day` (days since 1970-01-01, local date) of the calendar. */
export function businessDay(calendar: BusinessCalendar, day: number): BusinessDay {
  const cache = cacheFor(calendar);
  let entry = cache.days.get(day);
  if (!entry) {
    if (cache.days.size >= MAX_CACHED_DAYS) cache.days.clear();
    entry = computeDay(calendar, cache.holidays, day);
    cache.days.set(day, entry);
  }
  return entry;
}

/**
 * The local day number holding `instant`. Zone offsets are within ±14 h, so
 * the local date is the UTC date or one either side: checking the cached
 * days' bounds finds it without calling Intl.
 */
export function businessDayNumberAt(calendar: BusinessCalendar, instant: number): number {
  const utcDay = Math.floor(instant / DAY_MS);
  for (let step = 0; step < 3; step++) {
    const day = utcDay + (step === 2 ? -1 : step); // the UTC day, the next, the previous
    const entry = businessDay(calendar, day);
    if (instant >= entry.start && instant < entry.end) return day;
  }
  // Unreachable for real zones; the UTC date is the best answer left.
  return utcDay;
}
