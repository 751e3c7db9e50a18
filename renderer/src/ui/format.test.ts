import { describe, expect, it } from 'vitest';
import { formatAge, formatSince } from './format.ts';

describe('ages', () => {
  const now = 10 * 86_400_000;
  it.each([
    [now - 5_000, 'just now'],
    [now - 12 * 60_000, '12m'],
    [now - 5 * 3_600_000, '5h'],
    [now - 3 * 86_400_000, '3d'],
    [now + 60_000, 'just now'],
  ])('%i → %s', (since, expected) => {
    expect(formatAge(since, now)).toBe(expected);
  });

  it('says "ago" except for just now', () => {
    expect(formatSince(now - 120_000, now)).toBe('2m ago');
    expect(formatSince(now, now)).toBe('just now');
  });
});
