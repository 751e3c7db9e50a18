import { describe, expect, it } from 'vitest';
import { BusinessCalendar, defaultSlaConfig, SlaConfig, SlaPolicy } from './sla-config.ts';

const NOW = Date.UTC(2026, 0, 1);
const calendar = defaultSlaConfig(NOW, 'Europe/Berlin').calendar;
const holidays = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
    name: `Day ${i}`,
  }));
const day = (...intervals: [string, string][]) => intervals.map(([start, end]) => ({ start, end }));

describe('SlaConfig', () => {
  it('accepts the default, in any known zone', () => {
    expect(SlaConfig.parse(defaultSlaConfig(NOW))).toEqual(defaultSlaConfig(NOW));
    expect(SlaConfig.safeParse(defaultSlaConfig(NOW, 'America/New_York')).success).toBe(true);
  });

  it('defaults to Mon–Fri 09:00–17:00 with urgent around the clock', () => {
    const config = defaultSlaConfig(NOW);
    expect(config.calendar.week.map((d) => d.length)).toEqual([0, 1, 1, 1, 1, 1, 0]);
    expect(Object.entries(config.policies).map(([p, policy]) => [p, policy.schedule])).toEqual([
      ['urgent', 'always'],
      ['high', 'business'],
      ['normal', 'business'],
      ['low', 'business'],
    ]);
  });
});

describe('BusinessCalendar', () => {
  it.each([
    ['split day', { week: [[], day(['09:00', '12:00'], ['13:00', '17:00']), [], [], [], [], []] }],
    ['touching intervals', { week: [[], day(['09:00', '12:00'], ['12:00', '17:00']), [], [], [], [], []] }],
    ['a shift to midnight', { week: [day(['18:00', '24:00']), [], [], [], [], [], []] }],
    ['a holiday', { holidays: [{ date: '2026-12-25', name: 'Christmas' }] }],
    ['200 holidays', { holidays: holidays(200) }],
  ])('accepts %s', (_label, change) => {
    expect(BusinessCalendar.safeParse({ ...calendar, ...change }).success).toBe(true);
  });

  it.each([
    ['an unknown zone', { timeZone: 'Mars/Olympus' }],
    ['six weekdays', { week: [[], [], [], [], [], []] }],
    ['no working time at all', { week: [[], [], [], [], [], [], []] }],
    ['an interval ending before it starts', { week: [day(['17:00', '09:00']), [], [], [], [], [], []] }],
    ['an empty interval', { week: [day(['09:00', '09:00']), [], [], [], [], [], []] }],
    ['overlapping intervals', { week: [day(['09:00', '13:00'], ['12:00', '17:00']), [], [], [], [], [], []] }],
    ['intervals out of order', { week: [day(['13:00', '17:00'], ['09:00', '12:00']), [], [], [], [], [], []] }],
    ['24:00 as a start', { week: [day(['24:00', '24:00']), [], [], [], [], [], []] }],
    ['a time past 24:00', { week: [day(['09:00', '24:30']), [], [], [], [], [], []] }],
    ['a loose time format', { week: [day(['9:00', '17:00']), [], [], [], [], [], []] }],
    ['a date that does not exist', { holidays: [{ date: '2026-02-30', name: 'Nope' }] }],
    [
      'the same holiday twice',
      {
        holidays: [
          { date: '2026-12-25', name: 'A' },
          { date: '2026-12-25', name: 'B' },
        ],
      },
    ],
    ['too many holidays', { holidays: holidays(201) }],
  ])('refuses %s', (_label, change) => {
    expect(BusinessCalendar.safeParse({ ...calendar, ...change }).success).toBe(false);
  });
});

describe('SlaPolicy', () => {
  const policy = defaultSlaConfig(NOW).policies.normal;
  it.each([
    [{ firstResponseMinutes: null }, true],
    [{ resolutionMinutes: 1 }, true],
    [{ resolutionMinutes: 90 * 24 * 60 }, true],
    [{ resolutionMinutes: 90 * 24 * 60 + 1 }, false],
    [{ firstResponseMinutes: 0 }, false],
    [{ nextResponseMinutes: 1.5 }, false],
    [{ schedule: 'weekdays' }, false],
  ])('%o → %s', (change, ok) => {
    expect(SlaPolicy.safeParse({ ...policy, ...change }).success).toBe(ok);
  });
});
