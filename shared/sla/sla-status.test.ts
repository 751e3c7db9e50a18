import { describe, expect, it } from 'vitest';
import { defaultSlaConfig } from '../domain/sla-config.ts';
import type { TicketClock } from '../domain/ticket-clock.ts';
import type { SlaTicket } from './sla-clocks.ts';
import { at, HOUR, MINUTE } from './sla-fixtures.ts';
import { formatSlaRemaining, slaStatus, slaStep } from './sla-status.ts';

const SECOND = 1_000;
const DAY = 24 * HOUR;

describe('colour steps', () => {
  it.each([
    [-DAY, 'breached'],
    [-1, 'breached'],
    [0, 'under_30m'],
    [30 * MINUTE - 1, 'under_30m'],
    [30 * MINUTE, 'under_1h'],
    [HOUR - 1, 'under_1h'],
    [HOUR, 'ok'],
    [5 * DAY, 'ok'],
  ] as const)('%i ms left → %s', (ms, step) => {
    expect(slaStep(ms)).toBe(step);
  });
});

describe('formatSlaRemaining', () => {
  it.each([
    [0, '0m'],
    [59 * SECOND, '0m'],
    [42 * MINUTE + 30 * SECOND, '42m'],
    [HOUR - SECOND, '59m'],
    [HOUR, '1h 00m'],
    [2 * HOUR + 5 * MINUTE, '2h 05m'],
    [DAY - MINUTE, '23h 59m'],
    [DAY, '1d 0h'],
    [3 * DAY + 4 * HOUR + 59 * MINUTE, '3d 4h'],
    [-1, '-1m'],
    [-15 * MINUTE, '-15m'],
    [-(HOUR + 30 * SECOND), '-1h 01m'],
    [-(3 * DAY + 4 * HOUR), '-3d 4h'],
  ])('%i ms → %s', (ms, label) => {
    expect(formatSlaRemaining(ms)).toBe(label);
  });
});

describe('slaStatus: the most urgent counting clock', () => {
  const config = defaultSlaConfig(0, 'UTC');
  const clock = (change: Partial<TicketClock>): TicketClock => ({
    firstReplyAt: null,
    awaitingReplySince: null,
    solvedAt: null,
    pausedSince: null,
    pauses: [],
    ...change,
  });
  // Normal priority, created Monday 2026-01-05 09:00Z: first response due 13:00, resolution Wednesday 17:00.
  const ticket = (change: Partial<TicketClock>): SlaTicket => ({
    priority: 'normal',
    status: 'open',
    createdAt: at('2026-01-05T09:00Z'),
    updatedAt: at('2026-01-05T09:00Z'),
    clock: clock(change),
  });

  it.each([
    ['plenty of time', '2026-01-05T10:00Z', 3 * HOUR, 'ok'],
    ['under an hour', '2026-01-05T12:15Z', 45 * MINUTE, 'under_1h'],
    ['under half an hour', '2026-01-05T12:45Z', 15 * MINUTE, 'under_30m'],
    ['breached, still running', '2026-01-05T13:15Z', -15 * MINUTE, 'breached'],
  ])('first response, %s', (_label, now, remainingMs, step) => {
    expect(slaStatus(ticket({}), config, at(now))).toEqual({
      metric: 'first_response',
      dueAt: at('2026-01-05T13:00Z'),
      remainingMs,
      paused: false,
      step,
    });
  });

  it('after the first reply, resolution is what is left', () => {
    expect(slaStatus(ticket({ firstReplyAt: at('2026-01-05T10:00Z') }), config, at('2026-01-07T16:00Z'))).toEqual({
      metric: 'resolution',
      dueAt: at('2026-01-07T17:00Z'),
      remainingMs: HOUR,
      paused: false,
      step: 'ok',
    });
  });

  it('while pending: the time left at the pause, frozen whatever now is', () => {
    const pending = ticket({ firstReplyAt: at('2026-01-05T10:00Z'), pausedSince: at('2026-01-05T11:00Z') });
    for (const now of ['2026-01-05T12:00Z', '2026-02-01T00:00Z']) {
      expect(slaStatus(pending, config, at(now))).toEqual({
        metric: 'resolution',
        dueAt: null,
        remainingMs: 22 * HOUR,
        paused: true,
        step: 'ok',
      });
    }
  });

  it('none when every clock has stopped', () => {
    const solved = ticket({ firstReplyAt: at('2026-01-05T10:00Z'), solvedAt: at('2026-01-05T11:00Z') });
    expect(slaStatus({ ...solved, status: 'solved' }, config, at('2026-01-05T12:00Z'))).toBeNull();
  });
});
