import { useLiveQuery } from 'dexie-react-hooks';
import type { Customer } from '#shared/domain/customer';
import type { Ticket, TicketPriority } from '#shared/domain/ticket';
import { can } from '#shared/domain/roles';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { CHANNEL_LABELS, PRIORITY_LABELS, STATUS_LABELS, formatAge, formatTimestamp } from '../../ui/format.ts';
import { PriorityPicker } from './PriorityPicker.tsx';

interface TicketDetailProps {
  ticket: Ticket | undefined;
  customer: Customer | undefined;
  unsynced: boolean;
  now: number;
  onSetPriority: (ticket: Ticket, priority: TicketPriority) => void;
}

/** The selected ticket: who, what, and its history. Body text is shown as written, never as HTML. */
export function TicketDetail({ ticket, customer, unsynced, now, onSetPriority }: TicketDetailProps) {
  const { db, user } = useWorkspace();
  const ticketId = ticket?.id;
  const events = useLiveQuery(
    () => (ticketId ? db.ticketEvents.where('ticketId').equals(ticketId).sortBy('at') : []),
    [db, ticketId],
  );
  const members = useLiveQuery(() => db.members.toArray(), [db]);

  if (!ticket) {
    return (
      <section className="ticket-detail ticket-detail--empty" aria-label="Ticket detail">
        <p>
          Select a ticket with <kbd>↑</kbd>/<kbd>↓</kbd> or <kbd>j</kbd>/<kbd>k</kbd>.
        </p>
      </section>
    );
  }

  const memberName = (id: string | null) =>
    id === null ? 'System' : id === user.id ? 'You' : (members?.find((m) => m.id === id)?.name ?? 'A teammate');
  const mayTriage = can(user.role, 'ticket.triage');

  return (
    <section
      className="ticket-detail"
      aria-label="Ticket detail"
      data-testid="ticket-detail"
      data-ticket-id={ticket.id}
    >
      <header className="ticket-detail__header">
        <h2 className="ticket-detail__subject">{ticket.subject}</h2>
        <p className="ticket-detail__meta">
          {customer?.name ?? 'Unknown customer'}
          {customer ? ` (${customer.tier})` : ''} · {ticket.requesterName} &lt;{ticket.requesterEmail}&gt; ·{' '}
          {CHANNEL_LABELS[ticket.channel]} · opened {formatAge(ticket.createdAt, now)} ago ·{' '}
          {STATUS_LABELS[ticket.status]}
        </p>
      </header>

      <div className="ticket-detail__triage">
        <span className="ticket-detail__label" id="priority-label">
          Priority: <strong data-testid="detail-priority">{PRIORITY_LABELS[ticket.priority]}</strong>
          {unsynced && <span className="ticket-detail__unsynced"> · saved on this device, not yet synced</span>}
        </span>
        <PriorityPicker
          value={ticket.priority}
          disabled={!mayTriage}
          onChange={(priority) => onSetPriority(ticket, priority)}
        />
        {!mayTriage && <p className="ticket-detail__hint">Trainees practise triage in the sandbox.</p>}
      </div>

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
              {memberName(event.actorId)} changed priority from {PRIORITY_LABELS[event.change.from]} to{' '}
              {PRIORITY_LABELS[event.change.to]} · {formatTimestamp(event.at)}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}
