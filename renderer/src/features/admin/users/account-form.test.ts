import { describe, expect, it } from 'vitest';
import type { Failure } from '../../../http/failure.ts';
import { type NewAccountDraft, fieldOfFailure, newAccountRequest, passwordChoice } from './account-form.ts';

const draft: NewAccountDraft = {
  email: ' riley@example.com ',
  name: ' Riley Chen ',
  role: 'agent',
  passwordMode: 'generate',
  password: '',
};

describe('new account form', () => {
  it('trims and leaves the password out when the server generates it', () => {
    expect(newAccountRequest(draft)).toEqual({
      ok: true,
      request: { email: 'riley@example.com', name: 'Riley Chen', role: 'agent' },
    });
    expect(newAccountRequest({ ...draft, email: 'Riley@Example.COM' })).toMatchObject({
      request: { email: 'riley@example.com' },
    });
  });

  it('sends a password that fits the rules', () => {
    expect(newAccountRequest({ ...draft, passwordMode: 'set', password: 'correct horse' })).toMatchObject({
      ok: true,
      request: { password: 'correct horse' },
    });
  });

  it.each([
    [{ email: 'not-an-email' }, { email: expect.stringMatching(/email address/) }],
    [{ name: '   ' }, { name: expect.stringMatching(/name/) }],
    [{ passwordMode: 'set', password: 'short' }, { password: 'Use at least 8 characters.' }],
    [
      { email: '', name: '', passwordMode: 'set', password: '' },
      { email: expect.any(String), name: expect.any(String), password: expect.any(String) },
    ],
  ] as const)('refuses %j', (change, problems) => {
    expect(newAccountRequest({ ...draft, ...change })).toEqual({ ok: false, problems });
  });

  it('ignores a typed password when generating', () => {
    expect(passwordChoice('generate', 'x')).toEqual({ ok: true, password: undefined });
    expect(passwordChoice('set', '🙂🙂🙂🙂🙂🙂🙂🙂')).toEqual({ ok: true, password: '🙂🙂🙂🙂🙂🙂🙂🙂' });
  });
});

describe('server refusals beside their field', () => {
  const failure = (status: number, code: string): Failure => ({
    status,
    code,
    message: '',
    retry: false,
    offline: false,
  });
  it.each([
    [failure(400, 'weak_password'), 'password'],
    [failure(409, 'email_taken'), 'email'],
    [failure(409, 'last_admin'), null],
    [failure(400, 'invalid_request'), null],
    [failure(500, 'internal_error'), null],
  ] as const)('%j → %s', (given, field) => {
    expect(fieldOfFailure(given)).toBe(field);
  });
});
