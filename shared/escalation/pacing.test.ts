import { describe, expect, it } from 'vitest';
import type { Escalation } from '../domain/escalation.ts';
import { escalationFixture } from '../testing/fixtures.ts';
import { PACING, analystWorkload, quitTimeWarning, readyAge, readyUnsentNudges } from './pacing.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const shift = { startedAt: 0, plannedEnd: 8 * HOUR };
const packet = (id: string, overrides: Partial<Escalation> = {}) =>
  escalationFixture({ id: `esc_${id}` as Escalation['id'], ...overrides });

describe('readyAge', () => {
  it.each<[string, Partial<Escalation>, number, number | null]>([
    ['not ready', { readyAt: undefined }, 10 * MIN, null],
    ['ready and waiting', { readyAt: 2 * MIN }, 10 * MIN, 8 * MIN],
    ['ready, then sent', { readyAt: 2 * MIN, sentAt: 5 * MIN, status: 'sent' }, 10 * MIN, 3 * MIN],
  ])('%s', (_title, overrides, now, age) => {
    expect(readyAge(packet('a', overrides), now)).toBe(age);
  });
});

describe('readyUnsentNudges', () => {
  const packets = [
    packet('fresh', { readyAt: 50 * MIN }),
    packet('due', { readyAt: 45 * MIN }),
    packet('overdue', { readyAt: 10 * MIN }),
    packet('not-ready', { readyAt: undefined }),
    packet('sent', { readyAt: 0, status: 'sent', sentAt: 1 * MIN }),
    packet('theirs', { readyAt: 0, createdBy: 'usr_lead' as Escalation['createdBy'] }),
  ];
  it.each<[string, number, string[]]>([
    ['only the one ready for 16 minutes', 26 * MIN, ['esc_overdue']],
    ['nothing waited 15 minutes yet', 24 * MIN, []],
    ['at exactly 15 minutes', 60 * MIN, ['esc_overdue', 'esc_due']],
    ['later: all three, longest wait first', 70 * MIN, ['esc_overdue', 'esc_due', 'esc_fresh']],
  ])('%s', (_title, now, ids) => {
    expect(readyUnsentNudges(packets, 'usr_agent', now).map((nudge) => nudge.escalationId)).toEqual(ids);
  });

  it('reports how long each waited', () => {
    expect(readyUnsentNudges(packets, 'usr_agent', 25 * MIN)).toEqual([
      { escalationId: 'esc_overdue', waitedMs: 15 * MIN },
    ]);
    expect(PACING.nudgeAfterMs).toBe(15 * MIN);
  });
});

describe('quitTimeWarning', () => {
  const held = [
    packet('a', { readyAt: HOUR }),
    packet('b', { readyAt: undefined }),
    packet('c', { readyAt: 2 * HOUR }),
  ];
  it.each<[string, Escalation[], number, object | null]>([
    ['three held, an hour before the end: too early to warn', held, 7 * HOUR, null],
    ['three held, 30 minutes before the end', held, 7.5 * HOUR, { held: 3, ready: 2, notReady: 1, endsInMs: 30 * MIN }],
    ['three held, past the planned end', held, 8.25 * HOUR, { held: 3, ready: 2, notReady: 1, endsInMs: -15 * MIN }],
    ['one held near the end: not a batch', held.slice(0, 1), 7.9 * HOUR, null],
    ['sent ones do not count', held.map((p) => ({ ...p, status: 'sent' as const })), 7.9 * HOUR, null],
  ])('%s', (_title, packets, now, expected) => {
    expect(quitTimeWarning(packets, shift, 'usr_agent', now)).toEqual(expected);
  });

  it('counts only drafts written this shift', () => {
    const lastWeek = held.map((p) => ({ ...p, createdAt: shift.startedAt - 7 * 24 * HOUR }));
    expect(quitTimeWarning(lastWeek, shift, 'usr_agent', 7.5 * HOUR)).toBeNull();
    expect(quitTimeWarning([...lastWeek, ...held.slice(0, 2)], shift, 'usr_agent', 7.5 * HOUR)?.held).toBe(2);
  });

  it('needs a running shift', () => {
    expect(quitTimeWarning(held, null, 'usr_agent', 7.9 * HOUR)).toBeNull();
    expect(quitTimeWarning(held, { ...shift, endedAt: 7.8 * HOUR }, 'usr_agent', 7.9 * HOUR)).toBeNull();
  });
});

describe('analystWorkload', () => {
  it('counts open packets per analyst, least loaded first, with the unassigned last', () => {
    const packets = [
      packet('1', { status: 'sent', analystId: null }),
      packet('2', { status: 'acknowledged', analystId: 'usr_ana' as never }),
      packet('3', { status: 'needs_info', analystId: 'usr_ana' as never }),
      packet('4', { status: 'in_progress', analystId: 'usr_bo' as never }),
      packet('5', { status: 'fixed', analystId: 'usr_bo' as never }),
      packet('6', { status: 'draft', analystId: null }),
    ];
    expect(analystWorkload(packets, ['usr_ana', 'usr_bo', 'usr_cy'])).toEqual([
      { analystId: 'usr_cy', open: 0, waitingOnAgent: 0 },
      { analystId: 'usr_bo', open: 1, waitingOnAgent: 0 },
      { analystId: 'usr_ana', open: 2, waitingOnAgent: 1 },
      { analystId: null, open: 1, waitingOnAgent: 0 },
    ]);
  });
});
