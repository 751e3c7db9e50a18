import { useState } from 'react';
import { formatSince } from '../../ui/format.ts';
import { useNow } from '../../ui/use-now.ts';
import { SyncPanel } from './SyncPanel.tsx';
import { usePendingChanges, useSyncState, useSyncStatus } from './use-sync-status.ts';

export const CONNECTION_LABELS = {
  connecting: 'Connecting…',
  online: 'Online',
  offline: 'Offline',
  signed_out: 'Signed out',
} as const;

/**
 * Always visible: is the server reachable, how many changes wait on this
 * device, when did we last hear from the server, and is a download under way.
 * Opens the sync panel for the details.
 */
export function SyncStatusBar({ offlineReady }: { offlineReady: boolean }) {
  const now = useNow(10_000);
  const connection = useSyncStatus((s) => s.connection);
  const download = useSyncStatus((s) => s.download);
  const problem = useSyncStatus((s) => s.problem);
  const notice = useSyncStatus((s) => s.notice);
  const role = useSyncStatus((s) => s.role);
  const pending = usePendingChanges();
  const lastSyncedAt = useSyncState()?.lastSyncedAt ?? null;
  const [panelOpen, setPanelOpen] = useState(false);
  const waiting = (pending?.own ?? 0) + (pending?.imported ?? 0);

  return (
    <div className="sync-status-bar">
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
        {/* Until the outbox has been counted, say so: "0 pending" would claim everything is synced. */}
        <span data-testid="sync-pending" data-pending={pending === undefined ? undefined : waiting}>
          {pending === undefined ? '… pending' : `${waiting} pending`}
        </span>
        <span className="sync-status__sep" aria-hidden="true">
          ·
        </span>
        <span data-testid="sync-last">
          {lastSyncedAt ? `synced ${formatSince(lastSyncedAt, now)}` : 'never synced'}
        </span>
        {role === 'follower' && <span className="sync-status__role"> · synced by another Shiftdesk window</span>}
        {download && (
          <span className="sync-status__progress" data-testid="sync-bootstrap">
            <progress max={download.progress.total} value={download.progress.loaded} aria-label="Download progress" />
            {download.kind === 'full' ? 'Downloading' : 'Catching up'} {download.progress.loaded.toLocaleString()} /{' '}
            {download.progress.total.toLocaleString()}
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
      <button type="button" className="button button--quiet sync-status__details" onClick={() => setPanelOpen(true)}>
        Sync details
      </button>
      {/* Outside the live region: its ticking times must not be read out again and again. */}
      {panelOpen && <SyncPanel onClose={() => setPanelOpen(false)} />}
    </div>
  );
}
