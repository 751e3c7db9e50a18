import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.ts';

describe('login throttle', () => {
  it('refuses after the limit within the window, and allows again once it has passed', () => {
    const throttle = new LoginThrottle(3, 60_000);
    for (const at of [0, 1_000, 2_000]) {
      expect(throttle.retryAfterMs('k', at)).toBe(0);
      throttle.recordFailure('k', at);
    }
    expect(throttle.retryAfterMs('k', 3_000)).toBe(57_000);
    expect(throttle.retryAfterMs('k', 60_001)).toBe(0);
  });

  it('forgets failures after a success', () => {
    const throttle = new LoginThrottle(2, 60_000);
    throttle.recordFailure('k', 0);
    throttle.recordFailure('k', 1);
    throttle.recordSuccess('k');
    expect(throttle.retryAfterMs('k', 2)).toBe(0);
  });

  it('takes back a reserved failure without forgetting the others', () => {
    const throttle = new LoginThrottle(2, 60_000);
    throttle.recordFailure('k', 10);
    throttle.recordFailure('k', 20);
    expect(throttle.retryAfterMs('k', 30)).toBeGreaterThan(0);
    throttle.release('k', 20);
    expect(throttle.retryAfterMs('k', 30)).toBe(0);
    throttle.recordFailure('k', 40);
    expect(throttle.retryAfterMs('k', 50)).toBe(60_000 - 40);
  });

  it('stays bounded under a flood of distinct keys', () => {
    const throttle = new LoginThrottle(5, 60_000, 100);
    for (let i = 0; i < 1_000; i++) throttle.recordFailure(`key-${i}`, i);
    expect((throttle as unknown as { failures: Map<string, unknown> }).failures.size).toBeLessThanOrEqual(100);
  });
});
