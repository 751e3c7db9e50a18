import { CONNECTION_LABELS } from './SyncStatusBar.tsx';
import { useSyncStatus } from './use-sync-status.ts';

/**
 * The first download of the team's window (or a fresh one the server asked
 * for): how far it is, and what to do if it cannot proceed. A reload continues
 * where it stopped.
 */
export function DownloadProgress() {
  const download = useSyncStatus((s) => s.download);
  const connection = useSyncStatus((s) => s.connection);
  const problem = useSyncStatus((s) => s.problem);
  const progress = download?.progress;
  const percent = progress && progress.total > 0 ? Math.floor((progress.loaded / progress.total) * 100) : 0;
  return (
    <main className="console console--downloading">
      <section className="download" aria-labelledby="download-heading" data-testid="download-progress">
        <h1 id="download-heading">Downloading your team’s queue</h1>
        {progress ? (
          <>
            <progress max={progress.total} value={progress.loaded} aria-label="Download progress" />
            <p>
              {progress.loaded.toLocaleString()} of {progress.total.toLocaleString()} records ({percent}%). You can
              reload or close the app: the download continues where it stopped.
            </p>
          </>
        ) : (
          <p>{connection === 'offline' ? 'Waiting for the server…' : 'Starting…'}</p>
        )}
        {connection === 'offline' && (
          <p role="alert">
            {CONNECTION_LABELS[connection]}: the queue downloads as soon as the server is reachable.
            {problem ? ` ${problem}` : ''}
          </p>
        )}
      </section>
    </main>
  );
}
