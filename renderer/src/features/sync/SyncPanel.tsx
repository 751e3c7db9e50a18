import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { formatSince, formatTimestamp } from '../../ui/format.ts';
import { useNow } from '../../ui/use-now.ts';
import { CONNECTION_LABELS } from './SyncStatusBar.tsx';
import { downloadUnsyncedChanges, uploadUnsyncedChanges } from './unsynced-transfer.ts';
import { usePendingChanges, useSyncState, useSyncStatus } from './use-sync-status.ts';

/**
 * Everything about sync on this device, and the ways out when it is stuck:
 * retry now, and export the unsynced changes to a file (or import such a file)
 * so nothing is ever trapped on a broken device.
 */
export function SyncPanel({ onClose }: { onClose: () => void }) {
  const { db, user, sync } = useWorkspace();
  const now = useNow(5_000);
  const status = useSyncStatus((s) => s);
  const pending = usePendingChanges();
  const lastSyncedAt = useSyncState()?.lastSyncedAt ?? null;
  const setAside = useLiveQuery(() => db.local.setAside.orderBy('at').reverse().limit(50).toArray(), [db]);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <Dialog title="Sync" onClose={onClose} testId="sync-panel">
      <dl className="sync-panel__facts">
        <dt>State</dt>
        <dd data-testid="sync-panel-state">
          {CONNECTION_LABELS[status.connection]}
          {status.role === 'follower' ? ' · another Shiftdesk window syncs for this one' : ''}
          {status.download
            ? ` · ${status.download.kind === 'full' ? 'downloading' : 'catching up'} ${status.download.progress.loaded.toLocaleString()} / ${status.download.progress.total.toLocaleString()}`
            : ''}
        </dd>
        <dt>Waiting on this device</dt>
        <dd data-testid="sync-panel-pending">
          {pending?.own ?? 0} change{pending?.own === 1 ? '' : 's'}
          {pending?.imported ? ` and ${pending.imported} imported` : ''}
        </dd>
        <dt>Last successful sync</dt>
        <dd>{lastSyncedAt ? `${formatTimestamp(lastSyncedAt)} (${formatSince(lastSyncedAt, now)})` : 'never'}</dd>
        <dt>Last error</dt>
        <dd data-testid="sync-panel-error">
          {status.lastError ? `${status.lastError.message} (${formatSince(status.lastError.at, now)})` : 'none'}
        </dd>
      </dl>
      <div className="sync-panel__actions">
        <button type="button" className="button" onClick={() => sync.retryNow()}>
          Retry now
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            void downloadUnsyncedChanges(db, user).then((count) =>
              setMessage(`Exported ${count} unsynced change${count === 1 ? '' : 's'} to your downloads.`),
            )
          }
        >
          Export unsynced changes
        </button>
        <label className="button sync-panel__import">
          Import changes from a file
          <input
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) void uploadUnsyncedChanges(db, user, file).then(setMessage);
            }}
          />
        </label>
      </div>
      {message && (
        <p className="sync-panel__message" role="status" data-testid="sync-panel-message">
          {message}
        </p>
      )}
      {setAside && setAside.length > 0 && (
        <section aria-labelledby="set-aside-heading">
          <h3 id="set-aside-heading">Records this device could not accept ({setAside.length})</h3>
          <p className="sync-panel__hint">
            They were set aside so the rest keeps syncing, and reported to your server’s log. Your administrator can fix
            them on the server; they arrive here once they are valid.
          </p>
          <ul className="sync-panel__set-aside" data-testid="sync-panel-set-aside">
            {setAside.map((row) => (
              <li key={row.key}>
                <strong>
                  {row.entity} {row.id}
                </strong>
                : {row.problem}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Dialog>
  );
}
