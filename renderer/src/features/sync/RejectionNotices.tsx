import { useLiveQuery } from 'dexie-react-hooks';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { dismissRejection, loadRecentRejections } from './rejections.ts';

/**
 * Tells the agent when the server refused one of their changes (and so undid
 * it locally), with the server's reason. Dismissing is local to this device.
 */
export function RejectionNotices() {
  const { db } = useWorkspace();
  const notices = useLiveQuery(() => loadRecentRejections(db), [db]);
  if (!notices || notices.length === 0) return null;
  return (
    <div className="notices" aria-label="Changes the server refused">
      {notices.map((notice) => (
        <div key={notice.id} className="notice notice--error" role="alert" data-testid="rejection-notice">
          <span>Your change was undone: {notice.message}</span>
          <button type="button" onClick={() => void dismissRejection(db, notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
