import { describe, expect, it } from 'vitest';
import { AccountSummary } from '#shared/api/accounts';
import { userActions } from './user-actions.ts';

describe('row actions', () => {
  const account = AccountSummary.parse({
    id: 'usr_riley',
    email: 'riley@example.com',
    name: 'Riley',
    role: 'agent',
    disabled: false,
    createdAt: 1,
    lastLoginAt: null,
    activeSessions: 2,
  });
  it.each([
    ['an active account with sessions', account, ['changeRole', 'disable', 'resetPassword', 'revokeSessions']],
    ['without sessions', { ...account, activeSessions: 0 }, ['changeRole', 'disable', 'resetPassword']],
    ['a disabled account', { ...account, disabled: true }, ['changeRole', 'enable', 'resetPassword']],
  ])('%s', (_what, given, actions) => {
    expect(userActions(given, 'usr_admin')).toEqual(actions);
  });
  it('offers nothing on your own account', () => {
    expect(userActions(account, 'usr_riley')).toEqual([]);
  });
});
