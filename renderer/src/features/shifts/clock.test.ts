import { describe, expect, it } from 'vitest';
import { formatClock, plannedEndFrom } from './clock.ts';

/** Local times, so the table reads the same in every time zone. */
const at = (day: number, hours: number, minutes = 0) => new Date(2025, 0, day, hours, minutes).getTime();

describe('plannedEndFrom', () => {
  it.each<[string, number, string, number | string]>([
    ['later today', at(10, 14), '22:00', at(10, 22)],
    ['a night shift ends tomorrow morning', at(10, 22), '06:00', at(11, 6)],
    ['the same minute means tomorrow, and tomorrow is too far', at(10, 22), '22:00', 'at most 16 hours'],
    ['seventeen hours', at(10, 6), '23:00', 'at most 16 hours'],
    ['single-digit hours', at(10, 1), '9:30', at(10, 9, 30)],
    ['not a time', at(10, 1), 'soon', 'like 06:00'],
    ['no such hour', at(10, 1), '25:00', 'like 06:00'],
  ])('%s', (_title, now, time, expected) => {
    const result = plannedEndFrom(now, time);
    if (typeof expected === 'number') expect(result).toEqual({ at: expected });
    else expect('error' in result && result.error).toContain(expected);
  });

  it('writes times on the 24-hour clock', () => {
    expect(formatClock(at(10, 6, 5))).toBe('06:05');
    expect(formatClock(at(10, 23, 59))).toBe('23:59');
  });
});
