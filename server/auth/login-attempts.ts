import { HttpError } from '../http/errors.ts';
import type { LoginThrottle } from './login-throttle.ts';

export interface LoginThrottles {
  perAccount: LoginThrottle;
  perAddress: LoginThrottle;
}

/** A sign-in attempt counted against both budgets before its password is checked. */
export interface ReservedAttempt {
  /** The password was right: this attempt was no failure, and the account's earlier ones are forgiven. */
  succeeded: () => void;
}

/**
 * Counts an attempt as a failure before the (slow, awaited) password check,
 * and takes it back on success. Checking the limit first and recording the
 * failure after the hash would let many parallel guesses all pass the check
 * while none has been recorded yet. Nothing here awaits, so check and record
 * are one step. Throws 429 with Retry-After when either budget is spent: one
 * email from one address (so a guesser elsewhere cannot lock the real person
 * out), or one address across emails.
 */
export function reserveLoginAttempt(
  throttles: LoginThrottles,
  email: string,
  address: string,
  now = Date.now(),
): ReservedAttempt {
  const accountKey = `${address}|${email}`;
  const waitMs = Math.max(
    throttles.perAccount.retryAfterMs(accountKey, now),
    throttles.perAddress.retryAfterMs(address, now),
  );
  if (waitMs > 0) {
    const minutes = Math.ceil(waitMs / 60_000);
    throw new HttpError(429, 'too_many_attempts', `Too many failed sign-ins. Try again in ${minutes} min.`, {
      'retry-after': String(Math.ceil(waitMs / 1000)),
    });
  }
  throttles.perAccount.recordFailure(accountKey, now);
  throttles.perAddress.recordFailure(address, now);
  return {
    succeeded: () => {
      throttles.perAccount.recordSuccess(accountKey);
      throttles.perAddress.release(address, now);
    },
  };
}
