import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { type TicketEvent, describeTicketChange } from '#shared/domain/ticket-event';
import type { Ticket } from '#shared/domain/ticket';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { CHANNEL_LABELS, formatTimestamp } from '../../ui/format.ts';
import { Isolated } from '../conversation/content/CustomerText.tsx';
import { useMembers } from '../queue/members-context.tsx';
import { recentHistory } from './recent-history.ts';

/** Lines shown before "Show all": a 200-message ticket has a 200-line history, and the panel stays compact. */
const HISTORY_SHOWN = 8;

/** The ticket's changes, oldest first, the most recent few unless the agent asks for all. */
export function TicketHistory({ ticket }: { ticket: Ticket }) {
  const { db, user } = useWorkspace();
  const members = useMembers();
  const [expanded, setExpanded] = useState<string | null>(null);
  const events = useLiveQuery(
    () => db.rows('ticketEvent').where('ticketId').equals(ticket.id).sortBy('at'),
    [db, ticket.id],
  );
  const nameOf = (id: string | null) =>
    id === null ? 'System' : id === user.id ? 'You' : (members?.get(id)?.name ?? 'A teammate');
  const all = expanded === ticket.id;
  const { shown, hidden } = recentHistory(events ?? [], all ? Infinity : HISTORY_SHOWN);

  return (
    <section className="ticket-panel__section ticket-panel__history" aria-labelledby="ticket-panel-history">
      <h3 id="ticket-panel-history">History</h3>
      {hidden > 0 && (
        <button type="button" className="button button--small button--quiet" onClick={() => setExpanded(ticket.id)}>
          Show all {(hidden + shown.length + 1).toLocaleString()} changes
        </button>
      )}
      <ol data-testid="ticket-history">
        {hidden === 0 && (
          <li>
            Opened via {CHANNEL_LABELS[ticket.channel]} · {formatTimestamp(ticket.createdAt)}
          </li>
        )}
        {shown.map((event) => (
          <li key={event.id}>
            <HistoryActor event={event} nameOf={nameOf} /> {describeTicketChange(event.change, (id) => nameOf(id))} ·{' '}
            {formatTimestamp(event.at)}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The teammate by name, or the customer (who has no account) as they signed their message, isolated. */
function HistoryActor({ event, nameOf }: { event: TicketEvent; nameOf: (id: string | null) => string }) {
  if (event.change.kind !== 'customer_message') return nameOf(event.actorId);
  const { fromName, fromEmail } = event.change;
  return fromName ? (
    <>
      <Isolated>{fromName}</Isolated> &lt;<Isolated>{fromEmail}</Isolated>&gt;
    </>
  ) : (
    <Isolated>{fromEmail}</Isolated>
  );
}
