import type { AccountSummary } from '#shared/api/accounts';

export type UserAction = 'changeRole' | 'disable' | 'enable' | 'resetPassword' | 'revokeSessions';

/**
 * What an admin may do to an account from its row. Never to their own: locking
 * yourself out (disable, demote, end your sessions) from this screen is an accident.
 */
export function userActions(account: AccountSummary, selfId: string): UserAction[] {
  if (account.id === selfId) return [];
  const actions: UserAction[] = ['changeRole', account.disabled ? 'enable' : 'disable', 'resetPassword'];
  // A disabled account has no sessions left to end.
  if (!account.disabled && account.activeSessions > 0) actions.push('revokeSessions');
  return actions;
}
