import { describe, expect, it } from 'vitest';
import { mapChannel, mapPriority, mapStatus, parseExportDate } from './value-maps.ts';

describe('export values in our terms', () => {
  it.each([
    ['new', 'new'],
    ['Open', 'open'],
    ['pending', 'pending'],
    ['Hold', 'on_hold'],
    ['On-hold', 'on_hold'],
    ['solved', 'solved'],
    ['Resolved', 'solved'],
    ['Closed', 'closed'],
    ['Waiting on Customer', 'pending'],
    ['Waiting on Third Party', 'on_hold'],
    ['', 'new'],
    [2, 'open'],
    [3, 'pending'],
    [4, 'solved'],
    [5, 'closed'],
  ])('status %o → %s', (raw, status) => {
    expect(mapStatus(raw)).toEqual({ ok: true, value: status });
  });

  it.each([['archived'], [7]])('rejects the unknown status %o', (raw) => {
    expect(mapStatus(raw)).toMatchObject({ ok: false, reason: expect.stringContaining('unknown status') });
  });

  it.each([
    ['urgent', 'urgent'],
    ['High', 'high'],
    ['normal', 'normal'],
    ['Medium', 'normal'],
    ['low', 'low'],
    ['-', 'normal'],
    ['', 'normal'],
    [1, 'low'],
    [2, 'normal'],
    [3, 'high'],
    [4, 'urgent'],
  ])('priority %o → %s', (raw, priority) => {
    expect(mapPriority(raw)).toEqual({ ok: true, value: priority });
  });

  it('rejects an unknown priority', () => {
    expect(mapPriority('critical')).toEqual({ ok: false, reason: 'unknown priority "critical"' });
  });

  it.each([
    ['Mail', 'email'],
    ['Email', 'email'],
    ['Web form', 'web'],
    ['Portal', 'web'],
    ['Feedback Widget', 'web'],
    ['Chat', 'chat'],
    ['Phone call (inbound)', 'phone'],
    ['API', 'api'],
    ['Web service', 'api'],
    ['Twitter', 'social'],
    ['Rule', 'email'],
    [3, 'phone'],
    [7, 'chat'],
    [10, 'email'],
  ])('channel %o → %s', (raw, channel) => {
    expect(mapChannel(raw)).toBe(channel);
  });

  it.each([
    ['2024-03-01 10:22:33', Date.UTC(2024, 2, 1, 10, 22, 33)],
    ['2024-03-01 10:22', Date.UTC(2024, 2, 1, 10, 22)],
    ['2024-03-01T10:22:33Z', Date.UTC(2024, 2, 1, 10, 22, 33)],
    ['2024-03-01 10:22:33 +0100', Date.UTC(2024, 2, 1, 9, 22, 33)],
    ['2024-03-01T10:22:33+01:00', Date.UTC(2024, 2, 1, 9, 22, 33)],
    ['2024-03-01 10:22:33 UTC', Date.UTC(2024, 2, 1, 10, 22, 33)],
    ['2024-03-01', Date.UTC(2024, 2, 1)],
    [1_709_288_553_000, 1_709_288_553_000],
    ['1709288553000', 1_709_288_553_000],
    ['', null],
  ])('date %o', (raw, value) => {
    expect(parseExportDate(raw)).toEqual({ ok: true, value });
  });

  it('rejects an unreadable date', () => {
    expect(parseExportDate('yesterday-ish')).toEqual({ ok: false, reason: 'unreadable date "yesterday-ish"' });
  });
});
