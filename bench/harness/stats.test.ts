import { describe, expect, it } from 'vitest';
import { median, percentile, round } from './stats.ts';

describe('bench statistics', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('median(%j) = %d', (samples, expected) => {
    expect(median(samples)).toBe(expected);
  });

  it('takes the nearest-rank percentile', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile([7], 95)).toBe(7);
  });

  it('refuses to summarize nothing', () => {
    expect(() => median([])).toThrow();
    expect(() => percentile([], 50)).toThrow();
  });

  it('rounds for display', () => {
    expect(round(12.345, 1)).toBe(12.3);
  });
});
