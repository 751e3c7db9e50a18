import { useLiveQuery } from 'dexie-react-hooks';
import { useWorkspace } from '../../app/workspace-context.tsx';

/** Notices older than this are history, not news. */
const RECENT_MS = 24 * 3_600_000;

/**
 * Tells the agent when the server refused one of their changes (and so undid
 * it locally), with the server's reason. Dismissing is local to this device.
 */
export function RejectionNotices() {
  const { db } = useWorkspace();
  const notices = useLiveQuery(
    () =>
      db.rejections
        .where('at')
        .above(Date.now() - RECENT_MS)
        .filter((rejection) => rejection.dismissedAt === undefined)
        .reverse()
        .sortBy('at'),
    [db],
  );
  if (!notices || notices.length === 0) return null;
  return (
    <div className="notices" aria-label="Changes the server refused">
      {notices.map((notice) => (
        <div key={notice.id} className="notice notice--error" role="alert" data-testid="rejection-notice">
          <span>Your change was undone: {notice.message}</span>
          <button type="button" onClick={() => void db.rejections.update(notice.id, { dismissedAt: Date.now() })}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
