import { useLiveQuery } from 'dexie-react-hooks';
import type { MutationRejection } from '#shared/sync/rejection';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { runSuggestedChange } from '../../sync/run-change.ts';
import { RecordNow } from './RecordNow.tsx';
import { dismissRejection, loadRecentRejections } from './rejections.ts';

/**
 * Tells the agent when the server refused one of their changes (and so undid
 * it locally): why, what the record looks like now, and the way forward where
 * there is one. Dismissing is local to this device.
 */
export function ConflictNotices() {
  const { db } = useWorkspace();
  const notices = useLiveQuery(() => loadRecentRejections(db), [db]);
  if (!notices || notices.length === 0) return null;
  return (
    <div className="notices" aria-label="Changes the server refused">
      {notices.slice(0, 5).map((notice) => (
        <ConflictNotice key={notice.id} notice={notice} />
      ))}
    </div>
  );
}

function ConflictNotice({ notice }: { notice: MutationRejection }) {
  const { db, user } = useWorkspace();
  const selectTicket = useUiStore((s) => s.selectTicket);
  const showFlash = useUiStore((s) => s.showFlash);
  const dismiss = () => void dismissRejection(db, notice.id);
  const subject = notice.subject;
  return (
    <div className="notice notice--error" role="alert" data-testid="rejection-notice">
      <p className="notice__title">Your change was undone: {notice.message}</p>
      {subject && <RecordNow entity={subject.entity} id={subject.id} />}
      <div className="notice__actions">
        {notice.resolutions.map((resolution) => (
          <button
            key={resolution.label}
            type="button"
            className="button"
            onClick={() =>
              void runSuggestedChange(db, user, resolution.mutation.name, resolution.mutation.args).then((refusal) => {
                if (refusal) showFlash(refusal);
                else dismiss();
              })
            }
          >
            {resolution.label}
          </button>
        ))}
        {subject?.entity === 'ticket' && (
          <button type="button" className="button" onClick={() => selectTicket(subject.id)}>
            Open the ticket
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
