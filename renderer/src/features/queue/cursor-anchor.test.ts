import { describe, expect, it } from 'vitest';
import { toQueryRecord } from '#shared/query/query-record';
import { ticketFixture } from '#shared/testing/fixtures';
import { arraySnapshot } from '../../query/array-snapshot.ts';
import { cursorAnchor, stepFromAnchor } from './cursor-anchor.ts';

const record = (id: string, priority: 'urgent' | 'low' = 'urgent') =>
  toQueryRecord(ticketFixture({ id: id as never, priority }));

describe('the agent’s place after their own change', () => {
  const before = record('tkt_b');
  const after = record('tkt_b', 'low');
  const moved = arraySnapshot('list', [record('tkt_a'), record('tkt_c'), after]);
  const stayed = arraySnapshot('list', [record('tkt_a'), after, record('tkt_c')]);
  const move = { before, index: 1, cue: '#2 moved to Low' };

  it.each([
    ['no change pending', moved, null, after, null],
    ['the change has not reached the index yet', moved, move, before, null],
    ['the ticket kept its place', stayed, move, after, null],
    [
      'the ticket moved: the list stays where the agent was',
      moved,
      move,
      after,
      { id: 'tkt_b', index: 1, cue: '#2 moved to Low' },
    ],
  ] as const)('%s', (_name, list, pending, current, expected) => {
    expect(cursorAnchor(list, pending, () => current)).toEqual(expected);
  });

  it.each([
    [1, 1, 'j: the ticket that followed it, now in its place'],
    [-1, 0, 'k: the one above'],
    [10, 10, 'page down'],
    [-10, -9, 'page up (clamped by the caller)'],
  ])('from anchor 1, %i goes to %i (%s)', (by, to) => {
    expect(stepFromAnchor(1, by)).toBe(to);
  });
});
