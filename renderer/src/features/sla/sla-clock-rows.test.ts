import { describe, expect, it } from 'vitest';
import type { SlaClock } from '#shared/sla/sla-clocks';
import { slaClockRows } from './sla-clock-rows.ts';

const MIN = 60_000;
const NOW = 1_000 * MIN;
const base = { startedAt: 0, targetMs: 60 * MIN };

describe('slaClockRows', () => {
  it.each<[string, SlaClock, Partial<ReturnType<typeof slaClockRows>[number]>]>([
    [
      'running, plenty of time',
      { ...base, metric: 'resolution', state: 'running', dueAt: NOW + 3 * 60 * MIN },
      { state: 'running', step: 'ok', summary: 'in 3h 00m', label: 'Resolution due in 3 hours' },
    ],
    [
      'running, under 30 min',
      { ...base, metric: 'first_response', state: 'running', dueAt: NOW + 10 * MIN },
      { state: 'running', step: 'under_30m', summary: 'in 10m', label: 'First response due in 10 minutes' },
    ],
    [
      'running, breached',
      { ...base, metric: 'first_response', state: 'running', dueAt: NOW - 15 * MIN },
      { state: 'running', step: 'breached', summary: '-15m', label: 'First response breached 15 minutes ago' },
    ],
    [
      'paused',
      { ...base, metric: 'next_response', state: 'paused', dueAt: null, remainingWorkingMsAtPause: 42 * MIN },
      { state: 'paused', dueAt: null, summary: '⏸ 42m left' },
    ],
    [
      'met in time',
      { ...base, metric: 'first_response', state: 'met', dueAt: NOW, stoppedAt: NOW - MIN, breached: false },
      { state: 'met', summary: 'met', label: 'First response met in time' },
    ],
    [
      'met late',
      { ...base, metric: 'resolution', state: 'met', dueAt: NOW, stoppedAt: NOW + 20 * MIN, breached: true },
      { state: 'breached', summary: 'breached by 20m', label: 'Resolution breached: done 20 minutes late' },
    ],
  ])('%s', (_label, clock, expected) => {
    expect(slaClockRows([clock], NOW)[0]).toMatchObject(expected);
  });
});
