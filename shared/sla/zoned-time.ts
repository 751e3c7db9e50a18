/**
 * Local wall time in an IANA zone, with nothing but Intl.DateTimeFormat: no
 * Date local-time methods, so the result never depends on the machine's zone.
 * Callers cache what they compute here (see business-days.ts): formatToParts
 * costs microseconds, far too much to run per ticket.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at `instant`, in ms (Berlin in summer: +7,200,000). */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  // Intl drops the milliseconds; the offset is whole seconds anyway.
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant a local wall time (given as if it were UTC ms) happens in the
 * zone. Ambiguities resolve as Temporal's 'compatible' does: a time that
 * happens twice (the autumn overlap) is the earlier instant; a time skipped
 * by the spring gap moves forward by the gap (Berlin 02:30 → 03:30 CEST).
 */
export function wallToInstant(timeZone: string, wallMs: number): number {
  // No zone changes offset twice within two days, so the offsets a day either
  // side are the only two candidates.
  const before = zoneOffsetMs(timeZone, wallMs - DAY_MS);
  const after = zoneOffsetMs(timeZone, wallMs + DAY_MS);
  const early = wallMs - before;
  if (before === after) return early;
  const earlyValid = zoneOffsetMs(timeZone, early) === before;
  const late = wallMs - after;
  const lateValid = zoneOffsetMs(timeZone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  // In the gap: read the wall time with the offset from before the change.
  return early;
}
