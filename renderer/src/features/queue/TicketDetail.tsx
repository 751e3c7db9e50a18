import type { RefObject } from 'react';
import type { Customer } from '#shared/domain/customer';
import type { Ticket } from '#shared/domain/ticket';
import type { PresenceEntry } from '#shared/sync/socket-protocol';
import { CHANNEL_LABELS, STATUS_LABELS, formatAge } from '../../ui/format.ts';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { Isolated } from '../conversation/content/CustomerText.tsx';
import { useDraft } from '../conversation/drafts.ts';
import { TicketConversation } from '../conversation/TicketConversation.tsx';
import { SlaTimer } from '../sla/SlaTimer.tsx';
import { TicketSidePanel } from '../ticket-panel/TicketSidePanel.tsx';
import { DETAIL_SUBJECT_ID } from '../ticket-panel/use-open-ticket.ts';
import type { CustomerTrust } from '../trust/use-customer-trust.ts';
import { AddToHandoverButton } from '../handover/AddToHandoverButton.tsx';
import { ticketSubject } from '../handover/subject-label.ts';
import { TicketTriage } from './TicketTriage.tsx';
import type { TicketCommand } from './ticket-command.ts';

interface TicketDetailProps {
  ticket: Ticket | undefined;
  customer: Customer | undefined;
  /** The customer's trust ledger, judged (useCustomerTrust); undefined while it loads. */
  trust: CustomerTrust | undefined;
  unsynced: boolean;
  presence: readonly PresenceEntry[] | undefined;
  now: number;
  tagInput: RefObject<HTMLInputElement | null>;
  onCommand: (ticket: Ticket, command: TicketCommand) => void;
}

/** The selected ticket: who, what, the conversation and its composer, who else is on it, and its history. */
export function TicketDetail({
  ticket,
  customer,
  trust,
  unsynced,
  presence,
  now,
  tagInput,
  onCommand,
}: TicketDetailProps) {
  const { db } = useWorkspace();
  const draft = useDraft(db, ticket?.id);
  if (!ticket) {
    return (
      <section className="ticket-detail ticket-detail--empty" aria-label="Ticket detail">
        <p>
          Select a ticket with <kbd>↑</kbd>/<kbd>↓</kbd> or <kbd>j</kbd>/<kbd>k</kbd>.
        </p>
      </section>
    );
  }

  return (
    <section
      className="ticket-detail"
      aria-label="Ticket detail"
      data-testid="ticket-detail"
      data-ticket-id={ticket.id}
    >
      <header className="ticket-detail__header">
        {ticket.number !== undefined && <p className="ticket-detail__number">#{ticket.number}</p>}
        <h2 className="ticket-detail__subject" id={DETAIL_SUBJECT_ID} tabIndex={-1}>
          <Isolated>{ticket.subject}</Isolated>
          {draft && (
            <span className="draft-marker" data-testid="draft-marker" title="You have an unsent draft on this ticket">
              Draft
            </span>
          )}
        </h2>
        <p className="ticket-detail__meta">
          {customer ? <Isolated>{customer.name}</Isolated> : 'Unknown customer'}
          {customer ? ` (${customer.tier})` : ''} · <Isolated>{ticket.requesterName}</Isolated> &lt;
          <Isolated>{ticket.requesterEmail}</Isolated>&gt; · {CHANNEL_LABELS[ticket.channel]} · opened{' '}
          {formatAge(ticket.createdAt, now)} ago ·{' '}
          <span className="ticket-detail__status" data-testid="detail-status-label">
            {STATUS_LABELS[ticket.status]}
          </span>{' '}
          <SlaTimer ticket={ticket} />
        </p>
        <div className="button-row">
          <AddToHandoverButton subject={ticketSubject(ticket)} showKey />
        </div>
      </header>

      <TicketTriage
        ticket={ticket}
        trust={trust?.assessment}
        unsynced={unsynced}
        tagInput={tagInput}
        onCommand={onCommand}
      />

      <TicketConversation ticket={ticket} />

      <TicketSidePanel ticket={ticket} customer={customer} trust={trust} presence={presence} now={now} />
    </section>
  );
}
