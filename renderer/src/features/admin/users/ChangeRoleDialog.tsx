import { useState } from 'react';
import type { AccountSummary } from '#shared/api/accounts';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '#shared/domain/labels';
import { ROLES, type Role } from '#shared/domain/roles';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { ConfirmDialog } from '../../../ui/ConfirmDialog.tsx';
import { SelectField } from '../../../ui/SelectField.tsx';

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: `${ROLE_LABELS[role]}: ${ROLE_DESCRIPTIONS[role]}` }));

interface ChangeRoleDialogProps {
  account: AccountSummary;
  onClose: () => void;
  onChanged: (account: AccountSummary) => void;
}

/** A new role takes effect at the next sign-in, so the server ends every session of the account. */
export function ChangeRoleDialog({ account, onClose, onChanged }: ChangeRoleDialogProps) {
  const { api } = useWorkspace();
  const [role, setRole] = useState<Role>(account.role);
  return (
    <ConfirmDialog
      title={`Change the role of ${account.name}`}
      confirmLabel="Change role"
      testId="change-role-dialog"
      onClose={onClose}
      onConfirm={async () => {
        // Nothing to change is not an error: say so by closing without a request.
        if (role === account.role) return onClose();
        onChanged(await api.call('updateUser', { params: { id: account.id }, body: { role } }));
      }}
    >
      <SelectField label="Role" value={role} options={ROLE_OPTIONS} onChange={setRole} />
      <p>
        <strong>This signs them out everywhere.</strong> Their devices return to the sign-in screen and they sign in
        again with the new role; changes waiting on their devices are kept.
      </p>
    </ConfirmDialog>
  );
}
