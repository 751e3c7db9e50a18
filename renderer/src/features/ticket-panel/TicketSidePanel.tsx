import type { Customer } from '#shared/domain/customer';
import type { Ticket } from '#shared/domain/ticket';
import type { PresenceEntry } from '#shared/sync/socket-protocol';
import { Isolated } from '../conversation/content/CustomerText.tsx';
import { PresenceLine } from '../presence/PresenceBadges.tsx';
import { SlaClocksPanel } from '../sla/SlaClocksPanel.tsx';
import { TrustLedger } from '../trust/TrustLedger.tsx';
import type { CustomerTrust } from '../trust/use-customer-trust.ts';
import { OtherOpenTickets } from './OtherOpenTickets.tsx';
import { TicketHistory } from './TicketHistory.tsx';
import { TicketMerges } from '../merge/TicketMerges.tsx';
import { TicketProblem } from '../problems/TicketProblem.tsx';
import { TicketEscalation } from '../escalations/ticket/TicketEscalation.tsx';
import { SimilarTickets } from '../similar/SimilarTickets.tsx';
import { AddToHandoverButton } from '../handover/AddToHandoverButton.tsx';
import { customerSubject } from '../handover/subject-label.ts';

export interface TicketSidePanelProps {
  ticket: Ticket;
  customer: Customer | undefined;
  /** The customer's trust ledger, judged (useCustomerTrust); undefined while it loads. */
  trust: CustomerTrust | undefined;
  presence: readonly PresenceEntry[] | undefined;
  now: number;
}

const TIER_LABELS: Readonly<Record<Customer['tier'], string>> = {
  enterprise: 'Enterprise',
  business: 'Business',
  starter: 'Starter',
};

/**
 * Beside the conversation (below it on a narrow window): the SLA clocks, who the customer and
 * requester are, how the team has failed that customer lately (the trust ledger), the customer's other open tickets, who else has the ticket
 * open, and its history. Every customer-written string is bidi-isolated.
 */
export function TicketSidePanel({ ticket, customer, trust, presence, now }: TicketSidePanelProps) {
  return (
    <aside className="ticket-panel" aria-label="Ticket context" data-testid="ticket-panel">
      <TicketMerges ticket={ticket} now={now} />
      <SlaClocksPanel ticket={ticket} />
      <TicketProblem ticket={ticket} />
      <TicketEscalation ticket={ticket} />
      <SimilarTickets ticket={ticket} />
      <section className="ticket-panel__section" aria-labelledby="ticket-panel-customer">
        <h3 id="ticket-panel-customer">Customer</h3>
        {customer ? (
          <dl className="ticket-panel__facts">
            <dt>Name</dt>
            <dd data-testid="panel-customer-name">
              <Isolated>{customer.name}</Isolated>
            </dd>
            <dt>Tier</dt>
            <dd>{TIER_LABELS[customer.tier]}</dd>
            <dt>Domain</dt>
            <dd>
              <Isolated>{customer.domain}</Isolated>
            </dd>
          </dl>
        ) : (
          <p className="ticket-panel__quiet">Not on this device yet; it arrives with the next sync.</p>
        )}
        {customer && (
          <div className="button-row">
            <AddToHandoverButton subject={customerSubject(customer)} label="Add the customer to handover…" />
          </div>
        )}
      </section>

      <TrustLedger trust={trust} customer={customer} now={now} />

      <section className="ticket-panel__section" aria-labelledby="ticket-panel-requester">
        <h3 id="ticket-panel-requester">Requester</h3>
        <dl className="ticket-panel__facts">
          <dt>Name</dt>
          <dd data-testid="panel-requester-name">
            <Isolated>{ticket.requesterName}</Isolated>
          </dd>
          <dt>Email</dt>
          <dd>
            <Isolated>{ticket.requesterEmail}</Isolated>
          </dd>
        </dl>
      </section>

      <section className="ticket-panel__section" aria-labelledby="ticket-panel-viewing">
        <h3 id="ticket-panel-viewing">Viewing</h3>
        {presence && presence.length > 0 ? (
          <PresenceLine entries={presence} />
        ) : (
          <p className="ticket-panel__quiet">No one else has it open.</p>
        )}
      </section>

      <OtherOpenTickets ticket={ticket} now={now} />
      <TicketHistory ticket={ticket} />
    </aside>
  );
}
