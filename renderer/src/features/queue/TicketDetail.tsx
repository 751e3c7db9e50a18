import { useLiveQuery } from 'dexie-react-hooks';
import type { RefObject } from 'react';
import type { Customer } from '#shared/domain/customer';
import { describeTicketChange, historyActor } from '#shared/domain/ticket-event';
import type { Ticket } from '#shared/domain/ticket';
import type { PresenceEntry } from '#shared/sync/socket-protocol';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { CHANNEL_LABELS, STATUS_LABELS, formatAge, formatTimestamp } from '../../ui/format.ts';
import { PresenceLine } from '../presence/PresenceBadges.tsx';
import { TicketTriage } from './TicketTriage.tsx';
import type { TicketCommand } from './ticket-command.ts';
import { useMembers } from './members-context.tsx';

interface TicketDetailProps {
  ticket: Ticket | undefined;
  customer: Customer | undefined;
  unsynced: boolean;
  presence: readonly PresenceEntry[] | undefined;
  now: number;
  tagInput: RefObject<HTMLInputElement | null>;
  onCommand: (ticket: Ticket, command: TicketCommand) => void;
}

/** The selected ticket: who, what, who else is on it, and its history. Body text is shown as written, never as HTML. */
export function TicketDetail({ ticket, customer, unsynced, presence, now, tagInput, onCommand }: TicketDetailProps) {
  const { db, user } = useWorkspace();
  const ticketId = ticket?.id;
  const events = useLiveQuery(
    () => (ticketId ? db.rows('ticketEvent').where('ticketId').equals(ticketId).sortBy('at') : []),
    [db, ticketId],
  );
  const members = useMembers();

  if (!ticket) {
    return (
      <section className="ticket-detail ticket-detail--empty" aria-label="Ticket detail">
        <p>
          Select a ticket with <kbd>↑</kbd>/<kbd>↓</kbd> or <kbd>j</kbd>/<kbd>k</kbd>.
        </p>
      </section>
    );
  }

  const nameOf = (id: string | null) =>
    id === null ? 'System' : id === user.id ? 'You' : (members?.get(id)?.name ?? 'A teammate');

  return (
    <section
      className="ticket-detail"
      aria-label="Ticket detail"
      data-testid="ticket-detail"
      data-ticket-id={ticket.id}
    >
      <header className="ticket-detail__header">
        {ticket.number !== undefined && <p className="ticket-detail__number">#{ticket.number}</p>}
        <h2 className="ticket-detail__subject">{ticket.subject}</h2>
        <p className="ticket-detail__meta">
          {customer?.name ?? 'Unknown customer'}
          {customer ? ` (${customer.tier})` : ''} · {ticket.requesterName} &lt;{ticket.requesterEmail}&gt; ·{' '}
          {CHANNEL_LABELS[ticket.channel]} · opened {formatAge(ticket.createdAt, now)} ago ·{' '}
          {STATUS_LABELS[ticket.status]}
        </p>
        <PresenceLine entries={presence} />
      </header>

      <TicketTriage ticket={ticket} unsynced={unsynced} tagInput={tagInput} onCommand={onCommand} />

      <article className="ticket-detail__body" aria-label="Customer message">
        {ticket.body}
      </article>

      <section className="ticket-detail__history" aria-label="History">
        <h3>History</h3>
        <ol>
          <li>
            Opened via {CHANNEL_LABELS[ticket.channel]} · {formatTimestamp(ticket.createdAt)}
          </li>
          {(events ?? []).map((event) => (
            <li key={event.id}>
              {historyActor(event, nameOf)} {describeTicketChange(event.change, (id) => nameOf(id))} ·{' '}
              {formatTimestamp(event.at)}
              {event.change.kind === 'customer_message' && (
                <p className="ticket-detail__message">{event.change.body}</p>
              )}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}
