import { describe, expect, it } from 'vitest';
import type { SlaStatus } from '#shared/sla/sla-status';
import { slaStep } from '#shared/sla/sla-status';
import { slaTimerView, spokenDuration } from './sla-timer-view.ts';

const MIN = 60_000;

describe('spokenDuration', () => {
  it.each([
    [0, '0 minutes'],
    [MIN, '1 minute'],
    [42 * MIN + 59_000, '42 minutes'],
    [60 * MIN, '1 hour'],
    [125 * MIN, '2 hours 5 minutes'],
    [24 * 60 * MIN, '1 day'],
    [(3 * 24 + 4) * 60 * MIN, '3 days 4 hours'],
    [-1_000, '1 minute'],
    [-15 * MIN, '15 minutes'],
  ])('%i ms → %s', (ms, expected) => {
    expect(spokenDuration(ms)).toBe(expected);
  });
});

const status = (remainingMs: number, more: Partial<SlaStatus> = {}): SlaStatus => ({
  metric: 'first_response',
  dueAt: 0,
  remainingMs,
  paused: false,
  step: slaStep(remainingMs),
  ...more,
});

describe('slaTimerView', () => {
  it.each<[string, SlaStatus | null, { step: string; text: string; label: string } | null]>([
    ['no clock runs', null, null],
    ['plenty of time', status(3 * 60 * MIN), { step: 'ok', text: '3h 00m', label: 'First response due in 3 hours' }],
    ['under an hour', status(42 * MIN), { step: 'under_1h', text: '42m', label: 'First response due in 42 minutes' }],
    [
      'under half an hour',
      status(29 * MIN + 59_000, { metric: 'next_response' }),
      { step: 'under_30m', text: '29m', label: 'Next response due in 29 minutes' },
    ],
    [
      'due this instant is not breached',
      status(0),
      { step: 'under_30m', text: '0m', label: 'First response due in 0 minutes' },
    ],
    [
      'breached, negative',
      status(-15 * MIN, { metric: 'resolution' }),
      { step: 'breached', text: '-15m', label: 'Resolution breached 15 minutes ago' },
    ],
    [
      'one second late',
      status(-1_000),
      { step: 'breached', text: '-1m', label: 'First response breached 1 minute ago' },
    ],
    [
      'paused',
      status(42 * MIN, { paused: true, dueAt: null }),
      {
        step: 'paused',
        text: '⏸ 42m',
        label: 'First response paused while waiting on the customer, 42 minutes left',
      },
    ],
    [
      'paused after a breach',
      status(-5 * MIN, { paused: true, dueAt: null }),
      {
        step: 'paused',
        text: '⏸ -5m',
        label: 'First response paused while waiting on the customer, breached by 5 minutes',
      },
    ],
  ])('%s', (_label, input, expected) => {
    expect(slaTimerView(input)).toEqual(expected);
  });
});
