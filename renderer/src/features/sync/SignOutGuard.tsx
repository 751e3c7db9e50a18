import { useCallback, useEffect, useRef, useState } from 'react';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { downloadUnsyncedChanges } from './unsynced-transfer.ts';
import { usePendingChanges } from './use-sync-status.ts';

/**
 * Signing out with changes that have not reached the server: say so, and
 * offer to wait for sync, to export them, or to sign out anyway (they stay on
 * this device and go out at the next sign-in). With nothing pending, it signs
 * out straight away.
 */
export function SignOutGuard({ onSignOut, onCancel }: { onSignOut: () => void; onCancel: () => void }) {
  const { db, user, sync } = useWorkspace();
  const pending = usePendingChanges();
  const [waiting, setWaiting] = useState(false);
  const count = pending === undefined ? undefined : pending.own + pending.imported;

  // Once: the parent may hand a new callback on every render while sign-out is under way.
  const signedOut = useRef(false);
  const signOutOnce = useCallback(() => {
    if (signedOut.current) return;
    signedOut.current = true;
    onSignOut();
  }, [onSignOut]);
  useEffect(() => {
    if (count === 0) signOutOnce();
  }, [count, signOutOnce]);

  if (count === undefined || count === 0) return null;
  return (
    <Dialog title="Changes not synced yet" onClose={onCancel} testId="sign-out-guard">
      <p>
        {count} change{count === 1 ? ' has' : 's have'} not reached the server yet. They are safe on this device and
        will sync the next time you sign in here, but nobody else sees them until then.
      </p>
      {waiting && <p role="status">Waiting for sync… you will be signed out as soon as everything is sent.</p>}
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={waiting}
          onClick={() => {
            setWaiting(true);
            sync.retryNow();
          }}
        >
          Wait for sync, then sign out
        </button>
        <button type="button" className="button" onClick={() => void downloadUnsyncedChanges(db, user)}>
          Export changes to a file
        </button>
        <button type="button" className="button" onClick={signOutOnce}>
          Sign out anyway
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Stay signed in
        </button>
      </div>
    </Dialog>
  );
}
