import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff.ts';

describe('Backoff', () => {
  it.each([
    // random, attempts → delays: full jitter scales the capped exponential step
    [() => 1, [100, 200, 400, 800, 1_000, 1_000]],
    [() => 0.5, [50, 100, 200, 400, 500, 500]],
    [() => 0, [0, 0, 0, 0, 0, 0]],
  ])('grows exponentially up to the cap, scaled by the jitter (%#)', (random, expected) => {
    const backoff = new Backoff({ baseMs: 100, maxMs: 1_000, random });
    expect(expected.map(() => backoff.next())).toEqual(expected);
    expect(backoff.failures).toBe(6);
  });

  it('never goes below the floor, and starts over after reset', () => {
    const backoff = new Backoff({ baseMs: 100, maxMs: 1_000, minMs: 30, random: () => 0 });
    expect([backoff.next(), backoff.next()]).toEqual([30, 30]);
    const growing = new Backoff({ baseMs: 100, maxMs: 10_000, random: () => 1 });
    growing.next();
    growing.next();
    expect(growing.next()).toBe(400);
    growing.reset();
    expect(growing.next()).toBe(100);
  });

  it('spreads clients that failed together', () => {
    let seed = 1;
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    const delays = Array.from({ length: 50 }, () => new Backoff({ baseMs: 1_000, maxMs: 1_000, random }).next());
    expect(new Set(delays).size).toBeGreaterThan(40);
  });
});
