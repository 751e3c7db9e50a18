import { type FormEvent, useState } from 'react';
import type { AccountSummary } from '#shared/api/accounts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { type Failure, describeFailure } from '../../../http/failure.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { FailureNotice } from '../../../ui/FailureNotice.tsx';
import { OneTimeSecret } from '../OneTimeSecret.tsx';
import { type PasswordMode, fieldOfFailure, passwordChoice } from './account-form.ts';
import { PasswordChoice } from './PasswordChoice.tsx';
import { FormActions } from '../../../ui/FormActions.tsx';

interface ResetPasswordDialogProps {
  account: AccountSummary;
  onClose: () => void;
  /** The reset is done (their sessions ended): the list should refresh. */
  onReset: () => void;
}

/** Sets or generates a new password for someone who lost theirs; a generated one is shown once. */
export function ResetPasswordDialog({ account, onClose, onReset }: ResetPasswordDialogProps) {
  const { api } = useWorkspace();
  const [mode, setMode] = useState<PasswordMode>('generate');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ generatedPassword: string | null } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const choice = passwordChoice(mode, password);
    if (!choice.ok) {
      setProblem(choice.problem);
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const result = await api.call('resetPassword', {
        params: { id: account.id },
        body: choice.password === undefined ? {} : { password: choice.password },
      });
      setDone(result);
      onReset();
    } catch (error) {
      const described = describeFailure(error);
      if (fieldOfFailure(described) === 'password') setProblem(described.message);
      else setFailure(described);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Dialog title={`New password for ${account.name}`} onClose={onClose} testId="reset-password-dialog">
        <p role="status">
          The password is changed and {account.name} is signed out everywhere; they sign in with the new one.
        </p>
        {done.generatedPassword ? (
          <OneTimeSecret
            label={`Password for ${account.name}`}
            copyLabel="Copy the password"
            secret={done.generatedPassword}
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
            autoFocus={!done.generatedPassword}
          >
            Done
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={`Reset the password of ${account.name}`} onClose={onClose} testId="reset-password-dialog">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p>
          Their current password stops working and they are signed out on every device. Changes waiting on their devices
          are kept and sync after they sign in again.
        </p>
        <PasswordChoice mode={mode} password={password} onMode={setMode} onPassword={setPassword} error={problem} />
        {failure && <FailureNotice failure={failure} />}
        {busy && <p role="status">Resetting…</p>}
        <FormActions
          submitLabel="Reset password"
          busy={busy}
          secondary={{ label: 'Cancel', onClick: onClose, autoFocus: true }}
        />
      </form>
    </Dialog>
  );
}
