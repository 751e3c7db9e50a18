import type { Customer } from '#shared/domain/customer';
import type { Ticket } from '#shared/domain/ticket';
import { STATUS_LABELS, formatAge } from '../../ui/format.ts';
import { PriorityBadge } from './PriorityBadge.tsx';

interface TicketRowProps {
  ticket: Ticket;
  customer: Customer | undefined;
  selected: boolean;
  unsynced: boolean;
  now: number;
  onSelect: () => void;
}

/** One line of the queue. Ticket text is customer-written: React renders it as text, never HTML. */
export function TicketRow({ ticket, customer, selected, unsynced, now, onSelect }: TicketRowProps) {
  return (
    <div
      id={`ticket-option-${ticket.id}`}
      role="option"
      aria-selected={selected}
      className={`ticket-row${selected ? ' ticket-row--selected' : ''}`}
      data-ticket-id={ticket.id}
      onClick={onSelect}
    >
      <PriorityBadge priority={ticket.priority} />
      <div className="ticket-row__main">
        <span className="ticket-row__subject">{ticket.subject}</span>
        <span className="ticket-row__meta">
          {customer?.name ?? 'Unknown customer'} · {ticket.requesterName} · {STATUS_LABELS[ticket.status]}
        </span>
      </div>
      <div className="ticket-row__side">
        <time className="ticket-row__age" dateTime={new Date(ticket.createdAt).toISOString()}>
          {formatAge(ticket.createdAt, now)}
        </time>
        {unsynced && (
          <span className="ticket-row__unsynced" title="Changed on this device, not yet synced">
            unsynced
          </span>
        )}
      </div>
    </div>
  );
}
