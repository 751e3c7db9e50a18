import { describe, expect, it } from 'vitest';
import { defaultSlaConfig } from '#shared/domain/sla-config';
import { type SlaDraft, draftOf, problemKey, slaArgs } from './sla-form.ts';

const STARTER = defaultSlaConfig(0, 'Europe/Berlin');

function edited(change: (draft: SlaDraft) => void): SlaDraft {
  const draft = draftOf(STARTER);
  change(draft);
  return draft;
}

describe('the SLA editor form', () => {
  it('round-trips the starter config unchanged', () => {
    expect(slaArgs(draftOf(STARTER))).toEqual({
      ok: true,
      args: { calendar: STARTER.calendar, policies: STARTER.policies },
    });
  });

  it('shows whole hours as hours and the rest as minutes', () => {
    const draft = draftOf(STARTER);
    expect(draft.policies.urgent.targets.firstResponseMinutes).toEqual({ none: false, amount: '30', unit: 'minutes' });
    expect(draft.policies.normal.targets.resolutionMinutes).toEqual({ none: false, amount: '24', unit: 'hours' });
    expect(draft.week[0]).toEqual({ open: false, start: '09:00', end: '17:00' });
  });

  it.each<[string, (draft: SlaDraft) => void, Record<string, string> | ((args: unknown) => void)]>([
    [
      'a target in hours, with a decimal comma',
      (d) => (d.policies.normal.targets.firstResponseMinutes = { none: false, amount: '1,5', unit: 'hours' }),
      (args) => expect(args).toMatchObject({ policies: { normal: { firstResponseMinutes: 90 } } }),
    ],
    [
      'no target',
      (d) => (d.policies.low.targets.nextResponseMinutes = { none: true, amount: '', unit: 'hours' }),
      (args) => expect(args).toMatchObject({ policies: { low: { nextResponseMinutes: null } } }),
    ],
    [
      'an empty target',
      (d) => (d.policies.high.targets.resolutionMinutes.amount = ''),
      { 'policies.high.resolutionMinutes': 'Enter a target, or tick “No target”' },
    ],
    [
      'a negative target',
      (d) => (d.policies.high.targets.firstResponseMinutes.amount = '-5'),
      { 'policies.high.firstResponseMinutes': 'Enter a number greater than 0' },
    ],
    [
      'part of a minute',
      (d) => (d.policies.high.targets.firstResponseMinutes = { none: false, amount: '2.5', unit: 'minutes' }),
      { 'policies.high.firstResponseMinutes': 'Enter whole minutes (for example 1.5 hours is 90 minutes)' },
    ],
    [
      'more than 90 days',
      (d) => (d.policies.low.targets.resolutionMinutes = { none: false, amount: '2161', unit: 'hours' }),
      { 'policies.low.resolutionMinutes': 'A target can be at most 90 days' },
    ],
    [
      'a day that ends before it starts',
      (d) => (d.week[1] = { open: true, start: '17:00', end: '09:00' }),
      { 'week.1': 'Must end after it starts' },
    ],
    [
      'a week without working time',
      (d) => d.week.forEach((day) => (day.open = false)),
      { week: 'The week needs some working time: open at least one day' },
    ],
    [
      'a holiday on a date that does not exist',
      (d) => d.holidays.push({ date: '2026-02-30', name: 'Nope' }),
      { 'holidays.0.date': 'Must be a date such as 2026-12-25' },
    ],
    [
      'a holiday without a name',
      (d) => d.holidays.push({ date: '2026-12-25', name: '  ' }),
      { 'holidays.0.name': 'Give the holiday a name (up to 100 characters)' },
    ],
    [
      'the same date twice',
      (d) => d.holidays.push({ date: '2026-12-25', name: 'Christmas' }, { date: '2026-12-25', name: 'Again' }),
      { holidays: 'Each date can be a holiday only once' },
    ],
    ['an unknown time zone', (d) => (d.timeZone = 'Mars/Olympus'), { timeZone: 'Pick a time zone from the list' }],
    [
      'a holiday and open Saturday hours',
      (d) => {
        d.holidays.push({ date: '2026-12-24', name: ' Christmas Eve ' });
        d.week[6] = { open: true, start: '10:00', end: '24:00' };
      },
      (args) =>
        expect(args).toMatchObject({
          calendar: {
            holidays: [{ date: '2026-12-24', name: 'Christmas Eve' }],
            week: { 6: [{ start: '10:00', end: '24:00' }] },
          },
        }),
    ],
  ])('%s', (_label, change, expected) => {
    const result = slaArgs(edited(change));
    if (typeof expected === 'function') {
      expect(result.ok).toBe(true);
      if (result.ok) expected(result.args);
    } else {
      expect(result).toEqual({ ok: false, problems: expected });
    }
  });

  it.each([
    [['calendar', 'timeZone'], 'timeZone'],
    [['calendar', 'week'], 'week'],
    [['calendar', 'week', 3, 0, 'end'], 'week.3'],
    [['calendar', 'holidays'], 'holidays'],
    [['calendar', 'holidays', 2, 'name'], 'holidays.2.name'],
    [['policies', 'urgent', 'resolutionMinutes'], 'policies.urgent.resolutionMinutes'],
    [[], 'form'],
  ])('problemKey(%j) is %s', (path, key) => {
    expect(problemKey(path)).toBe(key);
  });
});
