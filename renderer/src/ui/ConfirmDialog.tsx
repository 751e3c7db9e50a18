import { type ReactNode, useState } from 'react';
import { type Failure, describeFailure } from '../http/failure.ts';
import { Dialog } from './Dialog.tsx';
import { FailureNotice } from './FailureNotice.tsx';

interface ConfirmDialogProps {
  title: string;
  /** The button that does it: a verb naming the consequence ("Disable account"). */
  confirmLabel: string;
  /** Runs the action; a rejection keeps the dialog open and says why. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** Red button for what cannot simply be undone. */
  danger?: boolean;
  testId?: string;
  children: ReactNode;
}

/**
 * "Are you sure?" for actions with consequences for someone else (their
 * sessions end, a key stops working). Cancel has the focus, so Enter alone
 * never does the damage.
 */
export function ConfirmDialog({
  title,
  confirmLabel,
  onConfirm,
  onClose,
  danger,
  testId,
  children,
}: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm();
    } catch (error) {
      setFailure(describeFailure(error));
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} onClose={onClose} testId={testId}>
      <div className="dialog__body">{children}</div>
      {busy && <p role="status">Working…</p>}
      {failure && <FailureNotice failure={failure} />}
      <div className="dialog__actions">
        <button
          type="button"
          className={`button ${danger ? 'button--danger' : 'button--primary'}`}
          disabled={busy}
          onClick={() => void confirm()}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
