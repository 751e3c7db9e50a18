import { describe, expect, it } from 'vitest';
import type { TeamSettings } from '#shared/api/team-settings';
import { draftOf, settingsPatch } from './settings-form.ts';
import { timeZoneOptions } from './time-zones.ts';

const saved: TeamSettings = { name: 'Night shift', timeZone: 'Europe/Berlin', syncWindowDays: 30 };

describe('team settings form', () => {
  it('sends nothing when nothing changed', () => {
    expect(settingsPatch(saved, draftOf(saved))).toEqual({ ok: true, patch: null });
    expect(settingsPatch(saved, { ...draftOf(saved), name: ' Night shift ' })).toEqual({ ok: true, patch: null });
  });

  it.each([
    [{ name: 'Weekend crew' }, { name: 'Weekend crew' }],
    [{ timeZone: 'America/New_York' }, { timeZone: 'America/New_York' }],
    [{ syncWindowDays: '90' }, { syncWindowDays: 90 }],
    [
      { name: 'B', timeZone: 'UTC', syncWindowDays: '1' },
      { name: 'B', timeZone: 'UTC', syncWindowDays: 1 },
    ],
  ])('sends only %j', (change, patch) => {
    expect(settingsPatch(saved, { ...draftOf(saved), ...change })).toEqual({ ok: true, patch });
  });

  it.each([
    [{ name: '  ' }, ['name']],
    [{ timeZone: 'Mars/Olympus_Mons' }, ['timeZone']],
    [{ syncWindowDays: '' }, ['syncWindowDays']],
    [{ syncWindowDays: '0' }, ['syncWindowDays']],
    [{ syncWindowDays: '2.5' }, ['syncWindowDays']],
    [{ syncWindowDays: '3651' }, ['syncWindowDays']],
    [{ name: '', timeZone: '', syncWindowDays: 'x' }, ['name', 'timeZone', 'syncWindowDays']],
  ])('refuses %j', (change, fields) => {
    const result = settingsPatch(saved, { ...draftOf(saved), ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems)).toEqual(fields);
  });
});

describe('time zone options', () => {
  it('always offers the saved zone and UTC, sorted, once each', () => {
    expect(timeZoneOptions('Etc/GMT+5', ['Europe/Berlin', 'America/Chicago', 'UTC'])).toEqual([
      'America/Chicago',
      'Etc/GMT+5',
      'Europe/Berlin',
      'UTC',
    ]);
  });

  it('lists the runtime’s zones by default', () => {
    expect(timeZoneOptions('UTC')).toContain('Europe/Berlin');
  });
});
