import { useLiveQuery } from 'dexie-react-hooks';
import { STATUS_LABELS } from '#shared/domain/labels';
import type { Ticket } from '#shared/domain/ticket';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { formatAge } from '../../ui/format.ts';
import { Isolated } from '../conversation/content/CustomerText.tsx';
import { loadOtherOpenTickets } from './other-open-tickets.ts';
import { useOpenTicket } from './use-open-ticket.ts';

/** The customer's other active tickets, newest first: a problem they already reported is worked once. */
export function OtherOpenTickets({ ticket, now }: { ticket: Ticket; now: number }) {
  const { db } = useWorkspace();
  const openTicket = useOpenTicket();
  const others = useLiveQuery(
    () => loadOtherOpenTickets(db, ticket.customerId, ticket.id),
    [db, ticket.customerId, ticket.id],
  );

  return (
    <section className="ticket-panel__section" aria-labelledby="ticket-panel-others">
      <h3 id="ticket-panel-others">Other open tickets</h3>
      {others === undefined ? null : others.shown.length === 0 ? (
        <p className="ticket-panel__quiet">None from this customer.</p>
      ) : (
        <>
          <ul className="ticket-panel__others" data-testid="other-open-tickets">
            {others.shown.map((other) => (
              <li key={other.id}>
                <button
                  type="button"
                  className="ticket-panel__other"
                  data-ticket-id={other.id}
                  onClick={() => openTicket(other.id)}
                >
                  <span className="ticket-panel__other-subject">
                    {other.number !== undefined && <span className="ticket-panel__number">#{other.number} </span>}
                    <Isolated>{other.subject}</Isolated>
                  </span>
                  <span className="ticket-panel__other-meta">
                    {STATUS_LABELS[other.status]} · {formatAge(other.createdAt, now)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {others.more > 0 && (
            <p className="ticket-panel__quiet">
              and {others.more.toLocaleString()} more (filter the queue by this customer to see them all)
            </p>
          )}
        </>
      )}
    </section>
  );
}
