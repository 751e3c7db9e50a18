import { describe, expect, it } from 'vitest';
import { floodStaysHidden } from './flood-dismissal.ts';

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => `tkt_${from + i}`);

describe('floodStaysHidden', () => {
  it.each([
    ['never dismissed', ids(0, 31), [], false],
    ['dismissed, nothing new', ids(0, 31), ids(0, 31), true],
    ['dismissed, 9 new (under 10)', ids(0, 40), ids(0, 31), true],
    ['dismissed, 16 new (half of 31 and over 10)', ids(0, 47), ids(0, 31), false],
    ['a big flood needs half again as many', ids(0, 299), ids(0, 200), true],
    ['a big flood that grew by half comes back', ids(0, 300), ids(0, 200), false],
    ['dismissed tickets that left the cluster do not count', ids(20, 15), ids(0, 31), true],
  ] as const)('%s', (_, cluster, seen, hidden) => {
    expect(floodStaysHidden(cluster, new Set(seen))).toBe(hidden);
  });
});
