import { describe, expect, it } from 'vitest';
import { at, HOUR } from './sla-fixtures.ts';
import { wallToInstant, zoneOffsetMs } from './zoned-time.ts';

const wall = (iso: string) => at(`${iso}Z`);

describe('zone offsets', () => {
  it.each([
    ['UTC', '2026-07-01T12:00Z', 0],
    ['Europe/Berlin', '2026-01-15T12:00Z', 1],
    ['Europe/Berlin', '2026-03-29T00:59:59Z', 1],
    ['Europe/Berlin', '2026-03-29T01:00Z', 2],
    ['Europe/Berlin', '2026-10-25T00:59:59Z', 2],
    ['Europe/Berlin', '2026-10-25T01:00Z', 1],
    ['America/New_York', '2026-03-08T06:59:59Z', -5],
    ['America/New_York', '2026-03-08T07:00Z', -4],
    ['America/New_York', '2026-11-01T05:59:59Z', -4],
    ['America/New_York', '2026-11-01T06:00Z', -5],
    ['Asia/Kolkata', '2026-01-15T12:00Z', 5.5],
  ])('%s at %s is UTC%+d h', (zone, instant, hours) => {
    expect(zoneOffsetMs(zone, at(instant))).toBe(hours * HOUR);
  });
});

describe('local wall time to instant', () => {
  it.each([
    ['Europe/Berlin', '2026-01-05T09:00', '2026-01-05T08:00Z'],
    ['Europe/Berlin', '2026-03-29T01:59', '2026-03-29T00:59Z'],
    // Skipped by the spring change: moves forward by the gap (02:30 CET reading = 03:30 CEST).
    ['Europe/Berlin', '2026-03-29T02:00', '2026-03-29T01:00Z'],
    ['Europe/Berlin', '2026-03-29T02:30', '2026-03-29T01:30Z'],
    ['Europe/Berlin', '2026-03-29T03:00', '2026-03-29T01:00Z'],
    // Happens twice in autumn: the earlier (still CEST).
    ['Europe/Berlin', '2026-10-25T02:30', '2026-10-25T00:30Z'],
    ['Europe/Berlin', '2026-10-25T03:00', '2026-10-25T02:00Z'],
    ['America/New_York', '2026-03-08T02:30', '2026-03-08T07:30Z'],
    ['America/New_York', '2026-03-08T03:00', '2026-03-08T07:00Z'],
    ['America/New_York', '2026-11-01T01:30', '2026-11-01T05:30Z'],
    ['America/New_York', '2026-11-01T02:00', '2026-11-01T07:00Z'],
  ])('%s %s local is %s', (zone, local, instant) => {
    expect(wallToInstant(zone, wall(local))).toBe(at(instant));
  });
});
