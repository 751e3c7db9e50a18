import { describe, expect, it } from 'vitest';
import { escalationFixture } from '#shared/testing/fixtures';
import {
  WATCH_LOOKBACK_MS,
  earliestWatch,
  regressionFlags,
  watchedEscalations,
  worthChecking,
} from './watch-window.ts';

const HOUR = 60 * 60 * 1000;
const NOW = 100 * 24 * HOUR;
const fixedAt = (at: number, id = 'esc_a') =>
  escalationFixture({
    id: id as never,
    status: 'fixed',
    ticketIds: ['tkt_old1', 'tkt_old2'] as never,
    resolution: { outcome: 'fixed', note: 'Fixed in 4.12.1', at, by: 'usr_analyst' as never },
  });

describe('regression watch window', () => {
  it('watches fixed escalations only, from the fix or the last 24 h, whichever is later', () => {
    const watched = watchedEscalations(
      [
        fixedAt(NOW - 2 * HOUR, 'esc_recent'),
        fixedAt(NOW - 5 * 24 * HOUR, 'esc_old'),
        escalationFixture({ id: 'esc_open' as never, status: 'sent' }),
        escalationFixture({
          id: 'esc_wont' as never,
          status: 'wont_fix',
          resolution: { outcome: 'wont_fix', note: 'No', at: NOW - HOUR, by: 'usr_analyst' as never },
        }),
      ],
      NOW,
    );
    expect(watched.map((entry) => [entry.escalation.id, entry.from])).toEqual([
      ['esc_recent', NOW - 2 * HOUR],
      ['esc_old', NOW - WATCH_LOOKBACK_MS],
    ]);
    expect(earliestWatch(watched)).toBe(NOW - WATCH_LOOKBACK_MS);
    expect(earliestWatch([])).toBeNull();
  });

  it.each<[string, { id: string; createdAt: number; mergedInto?: object }, string[], boolean]>([
    ['new since the fix', { id: 'tkt_new', createdAt: NOW - HOUR }, [], true],
    ['from before the fix', { id: 'tkt_new', createdAt: NOW - 3 * HOUR }, [], false],
    ['already checked', { id: 'tkt_new', createdAt: NOW - HOUR }, ['tkt_new'], false],
    ['merged into another', { id: 'tkt_new', createdAt: NOW - HOUR, mergedInto: {} }, [], false],
  ])('worth checking: %s', (_title, ticket, checked, expected) => {
    const watched = watchedEscalations([fixedAt(NOW - 2 * HOUR)], NOW);
    expect(worthChecking(ticket as never, watched, new Set(checked))).toBe(expected);
  });

  it.each<[string, { ticketId: string; score: number }[], string[]]>([
    ['a strong match with a fixed ticket', [{ ticketId: 'tkt_old2', score: 0.5 }], ['esc_a']],
    ['a weak match', [{ ticketId: 'tkt_old2', score: 0.1 }], []],
    ['a strong match with some other ticket', [{ ticketId: 'tkt_other', score: 0.9 }], []],
  ])('flags: %s', (_title, matches, flagged) => {
    const watched = watchedEscalations([fixedAt(NOW - 2 * HOUR)], NOW);
    const flags = regressionFlags({ id: 'tkt_new' as never, createdAt: NOW - HOUR }, matches, watched, NOW);
    expect(flags.map((flag) => flag.escalationId)).toEqual(flagged);
  });
});
