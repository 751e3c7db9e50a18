import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../sync/api-client.ts';
import { describeFailure } from './failure.ts';

describe('describeFailure', () => {
  it.each([
    [
      new NetworkError('Can’t reach the Shiftdesk server at http://x.'),
      { offline: true, retry: true },
      /needs a connection/,
    ],
    [new ApiError(401, 'unauthenticated', 'Sign in.'), { offline: false, retry: false }, /session has ended/],
    [new ApiError(403, 'forbidden', 'An agent cannot read the audit log.'), { retry: false }, /role may have changed/],
    [new ApiError(429, 'rate_limited', 'Too many requests.'), { retry: true }, /Wait a minute/],
    [new ApiError(501, 'not_implemented', 'Not yet.'), { retry: false }, /Update the Shiftdesk server/],
    [new ApiError(503, 'overloaded', 'Busy.'), { retry: true }, /server log/],
    [
      new ApiError(409, 'email_taken', 'That email is taken.'),
      { retry: false, code: 'email_taken' },
      /^That email is taken\.$/,
    ],
    [new TypeError('boom'), { retry: true, offline: false }, /Something went wrong: boom/],
  ])('%s', (error, expected, message) => {
    const failure = describeFailure(error);
    expect(failure).toMatchObject(expected);
    expect(failure.message).toMatch(message);
  });

  it('keeps the status and code for forms', () => {
    expect(describeFailure(new ApiError(400, 'weak_password', 'Too common.'))).toMatchObject({
      status: 400,
      code: 'weak_password',
    });
  });
});
