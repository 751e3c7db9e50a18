import { useLiveQuery } from 'dexie-react-hooks';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { peekSyncState } from '../../db/sync-state.ts';
import { useSyncStatus } from '../../sync/sync-status-store.ts';
import { formatSince } from '../../ui/format.ts';
import { useNow } from '../../ui/use-now.ts';

const CONNECTION_LABELS = {
  connecting: 'Connecting…',
  online: 'Online',
  offline: 'Offline',
  signed_out: 'Signed out',
} as const;

/**
 * Always visible: is the server reachable, how many changes wait on this
 * device, when did we last hear from the server, and is a download under way.
 */
export function SyncStatusBar({ offlineReady }: { offlineReady: boolean }) {
  const { db } = useWorkspace();
  const now = useNow(10_000);
  const { connection, bootstrap, problem, notice } = useSyncStatus();
  const pending = useLiveQuery(() => db.outbox.count(), [db]);
  const lastSyncedAt = useLiveQuery(async () => (await peekSyncState(db))?.lastSyncedAt ?? null, [db]);

  return (
    <div
      className="sync-status"
      role="status"
      aria-live="polite"
      data-testid="sync-status"
      data-connection={connection}
    >
      <span className={`sync-status__dot sync-status__dot--${connection}`} aria-hidden="true" />
      <span data-testid="sync-connection">{CONNECTION_LABELS[connection]}</span>
      <span className="sync-status__sep" aria-hidden="true">
        ·
      </span>
      <span data-testid="sync-pending" data-pending={pending ?? 0}>
        {pending ?? 0} pending
      </span>
      <span className="sync-status__sep" aria-hidden="true">
        ·
      </span>
      <span data-testid="sync-last">{lastSyncedAt ? `synced ${formatSince(lastSyncedAt, now)}` : 'never synced'}</span>
      {bootstrap && (
        <span className="sync-status__progress" data-testid="sync-bootstrap">
          <progress max={bootstrap.total} value={bootstrap.loaded} aria-label="Downloading the queue" />
          Downloading {bootstrap.loaded.toLocaleString()} / {bootstrap.total.toLocaleString()}
        </span>
      )}
      {offlineReady && <span className="sync-status__offline-ready">· works offline</span>}
      {notice && (
        <span className="sync-status__notice" data-testid="sync-notice">
          {notice}
        </span>
      )}
      {problem && (
        <span className="sync-status__problem" data-testid="sync-problem">
          {problem}
        </span>
      )}
    </div>
  );
}
