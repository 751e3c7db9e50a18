import type { Customer } from '#shared/domain/customer';
import type { Ticket } from '#shared/domain/ticket';
import { STATUS_LABELS, formatAge } from '../../ui/format.ts';
import type { PresenceEntry } from '#shared/sync/socket-protocol';
import { PresenceBadges } from '../presence/PresenceBadges.tsx';
import { PriorityBadge } from './PriorityBadge.tsx';
import { useMemberName } from './members-context.tsx';

interface TicketRowProps {
  ticket: Ticket;
  customer: Customer | undefined;
  selected: boolean;
  unsynced: boolean;
  presence: readonly PresenceEntry[] | undefined;
  now: number;
  onSelect: () => void;
}

/** One line of the queue. Ticket text is customer-written: React renders it as text, never HTML. */
export function TicketRow({ ticket, customer, selected, unsynced, presence, now, onSelect }: TicketRowProps) {
  const assignee = useMemberName(ticket.assigneeId);
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
        <span className="ticket-row__subject">
          {ticket.number !== undefined && <span className="ticket-row__number">#{ticket.number} </span>}
          {ticket.subject}
        </span>
        <span className="ticket-row__meta">
          {customer?.name ?? 'Unknown customer'} · {ticket.requesterName} · {STATUS_LABELS[ticket.status]}
          {ticket.assigneeId ? ` · ${assignee === 'you' ? 'yours' : assignee}` : ''}
        </span>
      </div>
      <div className="ticket-row__side">
        <PresenceBadges entries={presence} />
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
