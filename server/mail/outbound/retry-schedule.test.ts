import { describe, expect, it } from 'vitest';
import { gaveUpReason, MAX_ATTEMPTS, nextAttemptDelayMs, RETRY_MAX_DELAY_MS } from './retry-schedule.ts';

const middle = (): number => 0.5;

describe('retry schedule', () => {
  it('doubles from 30 seconds', () => {
    expect([1, 2, 3, 4].map((attempt) => nextAttemptDelayMs(attempt, 30_000, middle))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(nextAttemptDelayMs(1)).toBeGreaterThanOrEqual(24_000);
  });

  it('jitters by at most 20 %', () => {
    expect(nextAttemptDelayMs(3, 30_000, () => 0)).toBe(96_000);
    expect(nextAttemptDelayMs(3, 30_000, () => 0.999_999)).toBe(144_000);
  });

  it('waits at most an hour, however many attempts', () => {
    expect(nextAttemptDelayMs(9, 30_000, middle)).toBe(RETRY_MAX_DELAY_MS);
    expect(nextAttemptDelayMs(9, 30_000, () => 0.999_999)).toBe(RETRY_MAX_DELAY_MS);
    expect(nextAttemptDelayMs(10_000, 30_000, middle)).toBe(RETRY_MAX_DELAY_MS);
  });

  it('gives up after about 24 hours of retries', () => {
    let waited = 0;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) waited += nextAttemptDelayMs(attempt, 30_000, middle);
    expect(waited / 3_600_000).toBeGreaterThanOrEqual(24);
    expect(waited / 3_600_000).toBeLessThan(25);
    expect(MAX_ATTEMPTS).toBe(31);
  });

  it('says why the mail failed for good, within the delivery reason limit', () => {
    expect(gaveUpReason('The mail server did not answer in time.')).toBe(
      'Could not reach the mail server for 24 hours: The mail server did not answer in time.',
    );
    expect(gaveUpReason('x'.repeat(1_000))).toHaveLength(500);
  });
});
