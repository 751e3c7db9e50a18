import { type FormEvent, useRef, useState } from 'react';
import type { AccountSummary } from '#shared/api/accounts';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '#shared/domain/labels';
import { ROLES } from '#shared/domain/roles';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { type Failure, describeFailure } from '../../../http/failure.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { FailureNotice } from '../../../ui/FailureNotice.tsx';
import { SelectField } from '../../../ui/SelectField.tsx';
import type { FieldProblems } from '../../../ui/field-problems.ts';
import { TextField } from '../../../ui/TextField.tsx';
import { useFocusFirstInvalid } from '../../../ui/use-focus-first-invalid.ts';
import { OneTimeSecret } from '../OneTimeSecret.tsx';
import { type AccountField, type NewAccountDraft, fieldOfFailure, newAccountRequest } from './account-form.ts';
import { PasswordChoice } from './PasswordChoice.tsx';
import { FormActions } from '../../../ui/FormActions.tsx';

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: `${ROLE_LABELS[role]}: ${ROLE_DESCRIPTIONS[role]}` }));

interface AddUserDialogProps {
  onClose: () => void;
  /** The account exists: the list should show it (the dialog may still be showing its password). */
  onCreated: (user: AccountSummary) => void;
}

/** Adds an account; a password the server generated is shown once, on the second step. */
export function AddUserDialog({ onClose, onCreated }: AddUserDialogProps) {
  const { api } = useWorkspace();
  const [draft, setDraft] = useState<NewAccountDraft>({
    email: '',
    name: '',
    role: 'agent',
    passwordMode: 'generate',
    password: '',
  });
  const [problems, setProblems] = useState<FieldProblems<AccountField>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ user: AccountSummary; generatedPassword: string | null } | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, problems);
  const change = (patch: Partial<NewAccountDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = newAccountRequest(draft);
    setFailure(null);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      const result = await api.call('createUser', { body: checked.request });
      setCreated(result);
      onCreated(result.user);
    } catch (error) {
      const described = describeFailure(error);
      const field = fieldOfFailure(described);
      if (field) setProblems({ [field]: described.message });
      else setFailure(described);
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <Dialog title="User added" onClose={onClose} testId="add-user-dialog">
        <p role="status">
          {created.user.name} ({created.user.email}) can sign in now as {ROLE_LABELS[created.user.role].toLowerCase()}.
        </p>
        {created.generatedPassword ? (
          <OneTimeSecret
            label={`Password for ${created.user.name}`}
            copyLabel="Copy the password"
            secret={created.generatedPassword}
            testId="generated-password"
            autoFocus
          />
        ) : (
          <p>Tell them the password you set through a channel you trust.</p>
        )}
        <div className="dialog__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={onClose}
            autoFocus={!created.generatedPassword}
          >
            Done
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title="Add user" onClose={onClose} testId="add-user-dialog">
      <form ref={form} className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label="Email"
          type="email"
          autoComplete="off"
          required
          data-autofocus
          value={draft.email}
          onChange={(email) => change({ email })}
          error={problems.email}
        />
        <TextField
          label="Name"
          autoComplete="off"
          required
          value={draft.name}
          onChange={(name) => change({ name })}
          error={problems.name}
        />
        <SelectField label="Role" value={draft.role} options={ROLE_OPTIONS} onChange={(role) => change({ role })} />
        <PasswordChoice
          mode={draft.passwordMode}
          password={draft.password}
          onMode={(passwordMode) => change({ passwordMode })}
          onPassword={(password) => change({ password })}
          error={problems.password ?? null}
        />
        {failure && <FailureNotice failure={failure} />}
        {busy && <p role="status">Adding…</p>}
        <FormActions submitLabel="Add user" busy={busy} secondary={{ label: 'Cancel', onClick: onClose }} />
      </form>
    </Dialog>
  );
}
