import { describe, expect, it } from 'vitest';
import { recentHistory } from './recent-history.ts';

describe('the recent part of a history', () => {
  it.each<[string, number[], number, number[], number]>([
    ['empty', [], 8, [], 0],
    ['shorter than the limit: all of it', [1, 2, 3], 8, [1, 2, 3], 0],
    ['exactly the limit', [1, 2, 3], 3, [1, 2, 3], 0],
    ['longer: the last ones, in order', [1, 2, 3, 4, 5], 2, [4, 5], 3],
    ['no limit', [1, 2, 3, 4, 5], Infinity, [1, 2, 3, 4, 5], 0],
  ])('%s', (_name, events, limit, shown, hidden) => {
    expect(recentHistory(events, limit)).toEqual({ shown, hidden });
  });
});
