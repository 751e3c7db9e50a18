import type { AccountSummary } from '#shared/api/accounts';
import { ROLE_LABELS } from '#shared/domain/labels';
import { formatTimestamp } from '../../../ui/format.ts';
import { type UserAction, userActions } from './user-actions.ts';

export const USER_ACTION_LABELS: Readonly<Record<UserAction, string>> = {
  changeRole: 'Change role',
  disable: 'Disable',
  enable: 'Enable',
  resetPassword: 'Reset password',
  revokeSessions: 'Sign out everywhere',
};

interface UsersTableProps {
  users: readonly AccountSummary[];
  selfId: string;
  onAction: (action: UserAction, account: AccountSummary) => void;
}

/** Every account, with what an admin can do to each; names and emails are text, never markup. */
export function UsersTable({ users, selfId, onAction }: UsersTableProps) {
  return (
    <table className="admin-table" data-testid="users-table">
      <caption className="visually-hidden">Team accounts</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
          <th scope="col">Last sign-in</th>
          <th scope="col">Active sessions</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {users.map((account) => (
          <tr key={account.id} data-user-email={account.email}>
            <th scope="row">
              {account.name}
              {account.id === selfId && <span className="admin-table__note"> (you)</span>}
            </th>
            <td>{account.email}</td>
            <td data-testid="user-role">{ROLE_LABELS[account.role]}</td>
            <td data-testid="user-status">
              <span className={account.disabled ? 'status-pill status-pill--off' : 'status-pill'}>
                {account.disabled ? 'Disabled' : 'Active'}
              </span>
            </td>
            <td>{account.lastLoginAt === null ? 'never' : formatTimestamp(account.lastLoginAt)}</td>
            <td data-testid="user-sessions">{account.activeSessions}</td>
            <td>
              <div className="admin-table__actions">
                {userActions(account, selfId).map((action) => (
                  <button
                    key={action}
                    type="button"
                    className="button button--small"
                    onClick={() => onAction(action, account)}
                  >
                    {USER_ACTION_LABELS[action]}
                    <span className="visually-hidden"> {account.name}</span>
                  </button>
                ))}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
