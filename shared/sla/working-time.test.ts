import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../domain/sla-config.ts';
import { at, HOUR, MINUTE, officeHours, sundaysOnly } from './sla-fixtures.ts';
import { addWorkingMs, normalizePauses, type Pause, workingMsBetween } from './working-time.ts';

// January 2026: Mon 5th … Fri 9th, weekend 10th–11th, Mon 12th. No DST in UTC.
const utcOffice = officeHours('UTC');
const lunchDay = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];
const lunchBreak: BusinessCalendar = {
  timeZone: 'UTC',
  week: [[], lunchDay, lunchDay, lunchDay, lunchDay, lunchDay, []],
  holidays: [],
};

describe('addWorkingMs on office hours (UTC, Mon–Fri 09–17)', () => {
  it.each([
    ['inside one day', '2026-01-05T10:00Z', 2 * HOUR, '2026-01-05T12:00Z'],
    ['exactly to closing time: due at 17:00, not next morning', '2026-01-05T13:00Z', 4 * HOUR, '2026-01-05T17:00Z'],
    ['over the evening', '2026-01-05T15:00Z', 4 * HOUR, '2026-01-06T11:00Z'],
    ['over the weekend', '2026-01-09T15:00Z', 4 * HOUR, '2026-01-12T11:00Z'],
    ['from the evening: starts at the next opening', '2026-01-05T20:00Z', HOUR, '2026-01-06T10:00Z'],
    ['from Saturday: starts on Monday', '2026-01-10T12:00Z', 30 * MINUTE, '2026-01-12T09:30Z'],
    ['from before opening', '2026-01-05T06:00Z', 15 * MINUTE, '2026-01-05T09:15Z'],
    ['a whole working week', '2026-01-05T09:00Z', 40 * HOUR, '2026-01-09T17:00Z'],
    ['zero is due at once', '2026-01-10T12:00Z', 0, '2026-01-10T12:00Z'],
  ])('%s', (_label, from, ms, due) => {
    expect(addWorkingMs(utcOffice, at(from), ms)).toBe(at(due));
  });

  it('skips a holiday as a whole local day', () => {
    const withHoliday = officeHours('UTC', ['2026-01-06']);
    expect(addWorkingMs(withHoliday, at('2026-01-05T15:00Z'), 4 * HOUR)).toBe(at('2026-01-07T11:00Z'));
    expect(workingMsBetween(withHoliday, at('2026-01-06T00:00Z'), at('2026-01-07T00:00Z'))).toBe(0);
  });

  it('takes a holiday by the local date of the calendar zone', () => {
    // Berlin's 2026-01-06 runs 2026-01-05T23:00Z to 2026-01-06T23:00Z.
    const berlin = officeHours('Europe/Berlin', ['2026-01-06']);
    expect(addWorkingMs(berlin, at('2026-01-05T15:00Z'), 2 * HOUR)).toBe(at('2026-01-07T09:00Z'));
  });

  it('skips the gaps between intervals of one day (lunch)', () => {
    expect(addWorkingMs(lunchBreak, at('2026-01-05T11:00Z'), 2 * HOUR)).toBe(at('2026-01-05T14:00Z'));
    expect(workingMsBetween(lunchBreak, at('2026-01-05T00:00Z'), at('2026-01-06T00:00Z'))).toBe(7 * HOUR);
  });
});

describe('workingMsBetween on office hours (UTC)', () => {
  it.each([
    ['inside one day', '2026-01-05T10:00Z', '2026-01-05T12:30Z', 2.5 * HOUR],
    ['a whole day from midnight to midnight', '2026-01-05T00:00Z', '2026-01-06T00:00Z', 8 * HOUR],
    ['over the evening', '2026-01-05T16:00Z', '2026-01-06T10:00Z', 2 * HOUR],
    ['Friday afternoon to Monday morning', '2026-01-09T15:00Z', '2026-01-12T11:00Z', 4 * HOUR],
    ['only the weekend', '2026-01-10T00:00Z', '2026-01-12T00:00Z', 0],
    ['backwards', '2026-01-06T10:00Z', '2026-01-05T10:00Z', 0],
  ])('%s', (_label, from, to, ms) => {
    expect(workingMsBetween(utcOffice, at(from), at(to))).toBe(ms);
  });
});

describe('pauses (waiting on the customer) do not count', () => {
  const pause = (from: string, to: string): Pause => [at(from), at(to)];
  it.each([
    [
      'inside business hours',
      '2026-01-05T09:00Z',
      4 * HOUR,
      [pause('2026-01-05T10:00Z', '2026-01-05T11:30Z')],
      '2026-01-05T14:30Z',
    ],
    [
      'across the evening',
      '2026-01-05T09:00Z',
      8 * HOUR,
      [pause('2026-01-05T16:00Z', '2026-01-06T10:00Z')],
      '2026-01-06T11:00Z',
    ],
    [
      'only at night: no effect',
      '2026-01-05T15:00Z',
      4 * HOUR,
      [pause('2026-01-05T18:00Z', '2026-01-06T08:00Z')],
      '2026-01-06T11:00Z',
    ],
    [
      'before the clock started: no effect',
      '2026-01-05T09:00Z',
      HOUR,
      [pause('2026-01-02T09:00Z', '2026-01-05T09:00Z')],
      '2026-01-05T10:00Z',
    ],
    [
      'two pauses',
      '2026-01-05T09:00Z',
      4 * HOUR,
      [pause('2026-01-05T10:00Z', '2026-01-05T11:00Z'), pause('2026-01-05T12:00Z', '2026-01-05T13:00Z')],
      '2026-01-05T15:00Z',
    ],
    [
      'a clock starting inside a pause waits for its end',
      '2026-01-05T10:00Z',
      HOUR,
      [pause('2026-01-05T09:30Z', '2026-01-05T12:00Z')],
      '2026-01-05T13:00Z',
    ],
  ])('%s', (_label, from, ms, pauses, due) => {
    expect(addWorkingMs(utcOffice, at(from), ms, pauses)).toBe(at(due));
    expect(workingMsBetween(utcOffice, at(from), at(due), pauses)).toBe(ms);
  });

  it('on a 24×7 schedule, pauses are the only time that does not count', () => {
    const pauses = [pause('2026-01-10T00:30Z', '2026-01-10T01:00Z')];
    expect(addWorkingMs('always', at('2026-01-10T00:00Z'), HOUR, pauses)).toBe(at('2026-01-10T01:30Z'));
    expect(workingMsBetween('always', at('2026-01-10T00:00Z'), at('2026-01-10T02:00Z'), pauses)).toBe(1.5 * HOUR);
  });

  it('joins overlapping and touching pauses and drops empty ones', () => {
    expect(
      normalizePauses([
        [50, 60],
        [10, 20],
        [15, 30],
        [30, 40],
        [70, 70],
      ]),
    ).toEqual([
      [10, 40],
      [50, 60],
    ]);
  });
});

describe('daylight saving changes', () => {
  it.each([
    // Friday 16:00 local, 4 h: 1 h on Friday, 3 h from Monday 09:00 local, in the new offset.
    ['Europe/Berlin', 'spring (CET → CEST)', '2026-03-27T15:00Z', '2026-03-30T10:00Z'],
    ['Europe/Berlin', 'autumn (CEST → CET)', '2026-10-23T14:00Z', '2026-10-26T11:00Z'],
    ['America/New_York', 'spring (EST → EDT)', '2026-03-06T21:00Z', '2026-03-09T16:00Z'],
    ['America/New_York', 'autumn (EDT → EST)', '2026-10-30T20:00Z', '2026-11-02T17:00Z'],
  ])('%s %s: office hours open at 09:00 local after the change', (zone, _label, from, due) => {
    expect(addWorkingMs(officeHours(zone), at(from), 4 * HOUR)).toBe(at(due));
  });

  it.each([
    ['Europe/Berlin', '2026-03-29T00:00+01:00', 23],
    ['Europe/Berlin', '2026-10-25T00:00+02:00', 25],
    ['America/New_York', '2026-03-08T00:00-05:00', 23],
    ['America/New_York', '2026-11-01T00:00-04:00', 25],
  ])('%s from %s: a 00:00–24:00 shift on the change day lasts %i h', (zone, midnight, hours) => {
    const allDay = sundaysOnly(zone, [{ start: '00:00', end: '24:00' }]);
    const from = at(midnight);
    expect(workingMsBetween(allDay, from, from + 2 * 24 * HOUR)).toBe(hours * HOUR);
    expect(addWorkingMs(allDay, from, hours * HOUR)).toBe(from + hours * HOUR);
  });

  it('America/Santiago skips its midnight: the Sunday starts at 01:00 local and lasts 23 h', () => {
    const allDay = sundaysOnly('America/Santiago', [{ start: '00:00', end: '24:00' }]);
    const saturday = at('2026-09-05T12:00Z');
    expect(workingMsBetween(allDay, saturday, at('2026-09-08T00:00Z'))).toBe(23 * HOUR);
    expect(addWorkingMs(allDay, saturday, MINUTE)).toBe(at('2026-09-06T04:01Z'));
  });

  it.each([
    // 01:00–04:00 local across the change: the wall clock loses or gains the hour.
    ['Europe/Berlin', '2026-03-29T00:00Z', 2 * HOUR, '2026-03-29T02:00Z'],
    ['Europe/Berlin', '2026-10-24T23:00Z', 4 * HOUR, '2026-10-25T03:00Z'],
  ])('%s: a 01:00–04:00 shift across the change from %s holds %i ms', (zone, opening, ms, closing) => {
    const night = sundaysOnly(zone, [{ start: '01:00', end: '04:00' }]);
    expect(workingMsBetween(night, at(opening) - HOUR, at(closing) + HOUR)).toBe(ms);
    expect(addWorkingMs(night, at(opening) - HOUR, ms)).toBe(at(closing));
  });

  it('a 24×7 schedule counts elapsed time, whatever the clocks say', () => {
    expect(workingMsBetween('always', at('2026-03-29T00:00Z'), at('2026-03-29T04:00Z'))).toBe(4 * HOUR);
    expect(addWorkingMs('always', at('2026-10-25T00:30Z'), 4 * HOUR)).toBe(at('2026-10-25T04:30Z'));
  });
});
