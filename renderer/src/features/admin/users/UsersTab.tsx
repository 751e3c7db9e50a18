import { useState } from 'react';
import type { AccountSummary } from '#shared/api/accounts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useEndpoint } from '../../../http/use-endpoint.ts';
import { ConfirmDialog } from '../../../ui/ConfirmDialog.tsx';
import { LoadState } from '../../../ui/LoadState.tsx';
import { AddUserDialog } from './AddUserDialog.tsx';
import { ChangeRoleDialog } from './ChangeRoleDialog.tsx';
import { ResetPasswordDialog } from './ResetPasswordDialog.tsx';
import type { UserAction } from './user-actions.ts';
import { UsersTable } from './UsersTable.tsx';

type Open = { kind: 'add' } | { kind: UserAction; account: AccountSummary } | null;

/** Accounts: add, change role, disable or enable, reset a password, sign out everywhere. */
export function UsersTab() {
  const { api, user } = useWorkspace();
  const users = useEndpoint('listUsers', {});
  const [open, setOpen] = useState<Open>(null);
  // What the last action did, said once where the admin is looking.
  const [outcome, setOutcome] = useState<string | null>(null);

  const finish = (message: string) => {
    setOpen(null);
    setOutcome(message);
    users.reload();
  };
  const update = async (account: AccountSummary, disabled: boolean) => {
    await api.call('updateUser', { params: { id: account.id }, body: { disabled } });
    finish(
      disabled
        ? `${account.name} is disabled and signed out everywhere.`
        : `${account.name} is enabled and can sign in again.`,
    );
  };

  return (
    <section aria-labelledby="users-heading" className="admin-section">
      <header className="admin-section__header">
        <h2 id="users-heading">Users</h2>
        <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'add' })}>
          Add user
        </button>
        <button type="button" className="button" onClick={users.reload} disabled={users.loading}>
          Refresh
        </button>
      </header>
      <p role="status" className="admin-section__outcome" data-testid="users-outcome">
        {outcome}
      </p>
      <LoadState
        what="users"
        loading={users.loading}
        failure={users.failure}
        hasData={users.data !== undefined}
        onRetry={users.reload}
      />
      {users.data && (
        <UsersTable
          users={users.data.users}
          selfId={user.id}
          onAction={(kind, account) => setOpen({ kind, account })}
        />
      )}

      {open?.kind === 'add' && (
        <AddUserDialog
          onClose={() => setOpen(null)}
          onCreated={(created) => {
            setOutcome(`${created.name} was added.`);
            users.reload();
          }}
        />
      )}
      {open?.kind === 'changeRole' && (
        <ChangeRoleDialog
          account={open.account}
          onClose={() => setOpen(null)}
          onChanged={(changed) => finish(`${changed.name} is now ${changed.role} and was signed out everywhere.`)}
        />
      )}
      {open?.kind === 'resetPassword' && (
        <ResetPasswordDialog
          account={open.account}
          onClose={() => setOpen(null)}
          onReset={() => {
            setOutcome(`The password of ${open.account.name} was reset.`);
            users.reload();
          }}
        />
      )}
      {open?.kind === 'disable' && (
        <ConfirmDialog
          title={`Disable ${open.account.name}?`}
          confirmLabel="Disable account"
          danger
          testId="confirm-disable"
          onClose={() => setOpen(null)}
          onConfirm={() => update(open.account, true)}
        >
          <p>
            {open.account.name} ({open.account.email}) is signed out on every device at once and cannot sign in until
            you enable the account again. Their tickets and history stay as they are.
          </p>
        </ConfirmDialog>
      )}
      {open?.kind === 'enable' && (
        <ConfirmDialog
          title={`Enable ${open.account.name}?`}
          confirmLabel="Enable account"
          testId="confirm-enable"
          onClose={() => setOpen(null)}
          onConfirm={() => update(open.account, false)}
        >
          <p>{open.account.name} can sign in again with their password.</p>
        </ConfirmDialog>
      )}
      {open?.kind === 'revokeSessions' && (
        <ConfirmDialog
          title={`Sign ${open.account.name} out everywhere?`}
          confirmLabel="Sign out everywhere"
          danger
          testId="confirm-revoke"
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            await api.call('revokeSessions', { params: { id: open.account.id } });
            finish(`${open.account.name} was signed out on every device.`);
          }}
        >
          <p>
            Every device of {open.account.name} returns to the sign-in screen; they can sign in again with their
            password. Use this for a lost or shared device. Changes waiting on their devices are kept.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
