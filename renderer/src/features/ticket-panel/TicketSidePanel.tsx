import { useLiveQuery } from 'dexie-react-hooks';
import type { Customer } from '#shared/domain/customer';
import { describeTicketChange, historyActor } from '#shared/domain/ticket-event';
import type { Ticket } from '#shared/domain/ticket';
import type { PresenceEntry } from '#shared/sync/socket-protocol';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { CHANNEL_LABELS, formatTimestamp } from '../../ui/format.ts';
import { PresenceLine } from '../presence/PresenceBadges.tsx';
import { useMembers } from '../queue/members-context.tsx';

export interface TicketSidePanelProps {
  ticket: Ticket;
  customer: Customer | undefined;
  presence: readonly PresenceEntry[] | undefined;
  now: number;
}

/** Beside the conversation: who else is on the ticket, and its history of changes. */
export function TicketSidePanel({ ticket, presence }: TicketSidePanelProps) {
  const { db, user } = useWorkspace();
  const members = useMembers();
  const events = useLiveQuery(
    () => db.rows('ticketEvent').where('ticketId').equals(ticket.id).sortBy('at'),
    [db, ticket.id],
  );
  const nameOf = (id: string | null) =>
    id === null ? 'System' : id === user.id ? 'You' : (members?.get(id)?.name ?? 'A teammate');

  return (
    <aside className="ticket-panel" aria-label="Ticket context">
      <PresenceLine entries={presence} />
      <section className="ticket-panel__history" aria-label="History">
        <h3>History</h3>
        <ol>
          <li>
            Opened via {CHANNEL_LABELS[ticket.channel]} · {formatTimestamp(ticket.createdAt)}
          </li>
          {(events ?? []).map((event) => (
            <li key={event.id}>
              {historyActor(event, nameOf)} {describeTicketChange(event.change, (id) => nameOf(id))} ·{' '}
              {formatTimestamp(event.at)}
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}
