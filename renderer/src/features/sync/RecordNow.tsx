import { useLiveQuery } from 'dexie-react-hooks';
import { PRIORITY_LABELS, STATUS_LABELS } from '#shared/domain/labels';
import { type EntityRow, isEntityName } from '#shared/sync/entities';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { Isolated } from '../conversation/content/CustomerText.tsx';
import { useMemberName } from '../queue/members-context.tsx';

/** What a record looks like now, in one line, read live from this device. */
export function RecordNow({ entity, id }: { entity: string; id: string }) {
  const { db } = useWorkspace();
  const row = useLiveQuery(
    async () => (isEntityName(entity) ? ((await db.rows(entity).get(id)) ?? null) : null),
    [db, entity, id],
  );
  const ticket =
    entity === 'ticket' && row
      ? (row as {
          subject: string;
          status: keyof typeof STATUS_LABELS;
          priority: keyof typeof PRIORITY_LABELS;
          assigneeId: string | null;
        })
      : null;
  const assignee = useMemberName(ticket?.assigneeId ?? null);
  if (row === undefined) return null;
  if (row === null) {
    return (
      <p className="notice__now" data-testid="record-now">
        Now: not on this device ({entity} {id}).
      </p>
    );
  }
  if (entity === 'savedView') {
    const view = row as EntityRow<'savedView'>;
    return (
      <p className="notice__now" data-testid="record-now">
        Now: view “{view.name}” · {view.visibility === 'shared' ? 'shared with the team' : 'personal'}
      </p>
    );
  }
  if (!ticket) {
    return (
      <p className="notice__now" data-testid="record-now">
        Now: {entity} {id}
      </p>
    );
  }
  return (
    <p className="notice__now" data-testid="record-now">
      Now: “<Isolated>{ticket.subject}</Isolated>” · {STATUS_LABELS[ticket.status]} · {PRIORITY_LABELS[ticket.priority]}{' '}
      · {ticket.assigneeId ? `assigned to ${assignee}` : 'unassigned'}
    </p>
  );
}
