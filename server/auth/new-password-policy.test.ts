import { describe, expect, it } from 'vitest';
import { commonPasswords } from './common-passwords.ts';
import { newPasswordProblem } from './new-password-policy.ts';

describe('new password policy', () => {
  it('bundles the 10,000 most common passwords, header excluded', () => {
    const list = commonPasswords();
    expect(list.size).toBeGreaterThanOrEqual(10_000);
    expect(list.has('password')).toBe(true);
    expect([...list].some((entry) => entry.startsWith('# '))).toBe(false);
  });

  it.each([
    ['short', 'sam@example.com', /at least 8/],
    ['x'.repeat(129), 'sam@example.com', /at most 128/],
    ['password', 'sam@example.com', /most common/],
    ['Sunshine', 'sam@example.com', /most common/],
    ['QWERTYUIOP', 'sam@example.com', /most common/],
    ['jordan.okafor', 'jordan.okafor@example.com', /email/],
    ['Jordan.Okafor!night', 'jordan.okafor@example.com', /email/],
    ['my shiftdesk login', 'sam@example.com', /shiftdesk/],
    ['ShiftDesk-2026!', 'sam@example.com', /shiftdesk/],
  ])('refuses %j for %s', (password, email, reason) => {
    expect(newPasswordProblem(password, { email })).toMatch(reason);
  });

  it.each([
    ['correct horse battery staple', 'sam@example.com'],
    // A two-letter local part is refused only as the whole password, not wherever its letters appear.
    ['also a fine passphrase', 'al@example.com'],
    ['🌙🌙🌙🌙 night owls', 'sam@example.com'],
    ['x'.repeat(128), 'sam@example.com'],
  ])('accepts %j for %s', (password, email) => {
    expect(newPasswordProblem(password, { email })).toBeNull();
  });

  it('counts characters, not bytes: eight emoji are eight characters', () => {
    expect(newPasswordProblem('🌙'.repeat(7), { email: 'sam@example.com' })).toMatch(/at least 8/);
    expect(newPasswordProblem('🌙'.repeat(8), { email: 'sam@example.com' })).toBeNull();
  });
});
