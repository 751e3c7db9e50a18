import { memo } from 'react';
import type { QueryRecord } from '#shared/query/query-record';
import type { PresenceEntry } from '#shared/sync/socket-protocol';
import { STATUS_LABELS, formatAge } from '../../ui/format.ts';
import { Highlighted } from '../../ui/Highlighted.tsx';
import { PresenceBadges } from '../presence/PresenceBadges.tsx';
import { SlaTimer } from '../sla/SlaTimer.tsx';
import { PriorityBadge } from './PriorityBadge.tsx';
import { useMemberName } from './members-context.tsx';

interface TicketRowProps {
  ticket: QueryRecord;
  customerName: string | undefined;
  /** Where the keyboard is: the ticket the detail pane shows. */
  cursor: boolean;
  /** Picked for a bulk action (x). */
  picked: boolean;
  unsynced: boolean;
  presence: readonly PresenceEntry[] | undefined;
  now: number;
  /** Search terms to mark in the subject and names. */
  terms: readonly string[];
  /** Position in the list, 1-based, and the list's length: screen readers announce "5 of 1,204". */
  position: number;
  listSize: number;
  /** The group this row starts ("Waiting on customer"), in a grouped view. */
  groupStart: string | null;
  onSelect: (id: string) => void;
}

/** One line of the queue. Ticket text is customer-written: React renders it as text, never HTML. */
export const TicketRow = memo(function TicketRow({
  ticket,
  customerName,
  cursor,
  picked,
  unsynced,
  presence,
  now,
  terms,
  position,
  listSize,
  groupStart,
  onSelect,
}: TicketRowProps) {
  const assignee = useMemberName(ticket.assigneeId);
  return (
    <div
      id={`ticket-option-${ticket.id}`}
      role="option"
      aria-selected={picked}
      aria-current={cursor ? 'true' : undefined}
      aria-posinset={position}
      aria-setsize={listSize}
      className={`ticket-row${groupStart ? ' ticket-row--group-start' : ''}${cursor ? ' ticket-row--cursor' : ''}${picked ? ' ticket-row--picked' : ''}`}
      data-ticket-id={ticket.id}
      data-priority={ticket.priority}
      onClick={() => onSelect(ticket.id)}
    >
      {groupStart && <span className="ticket-row__group">{groupStart}</span>}
      <span className="ticket-row__pick" aria-hidden="true">
        {picked ? '✓' : ''}
      </span>
      <PriorityBadge priority={ticket.priority} />
      <div className="ticket-row__main">
        <span className="ticket-row__subject">
          {ticket.number !== undefined && <span className="ticket-row__number">#{ticket.number} </span>}
          {/* <bdi>: customer text (with marks) isolated, so a U+202E in it cannot reverse the app's text after it. */}
          <bdi>
            <Highlighted text={ticket.subject} terms={terms} />
          </bdi>
        </span>
        <span className="ticket-row__meta">
          <bdi>
            <Highlighted text={customerName ?? 'Unknown customer'} terms={terms} />
          </bdi>{' '}
          ·{' '}
          <bdi>
            <Highlighted text={ticket.requesterName} terms={terms} />
          </bdi>{' '}
          · <span className="ticket-row__status">{STATUS_LABELS[ticket.status]}</span>
          {ticket.assigneeId ? ` · ${assignee === 'you' ? 'yours' : assignee}` : ''}
        </span>
      </div>
      <div className="ticket-row__side">
        <PresenceBadges entries={presence} />
        <SlaTimer ticket={ticket} />
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
});
