import { useLiveQuery } from 'dexie-react-hooks';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { Isolated } from '../../conversation/content/CustomerText.tsx';
import { ticketLabel } from './packet-edits.ts';

interface LinkedTicketsProps {
  ticketIds: readonly string[];
  impact: { tickets: number; customers: number };
  readOnly: boolean;
  onRemove: (ticketId: string) => void;
}

/** The tickets the packet is about ("#1042 Login fails"), with the impact they add up to. */
export function LinkedTickets({ ticketIds, impact, readOnly, onRemove }: LinkedTicketsProps) {
  const { db } = useWorkspace();
  const tickets = useLiveQuery(() => db.rows('ticket').bulkGet([...ticketIds]), [db, ticketIds.join(',')]);
  const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
  return (
    <section className="packet-tickets" aria-labelledby="packet-tickets-heading" data-testid="packet-tickets">
      <h3 id="packet-tickets-heading">
        Linked tickets · impact: {count(impact.tickets, 'ticket', 'tickets')},{' '}
        {count(impact.customers, 'customer', 'customers')}
      </h3>
      {ticketIds.length === 0 ? (
        <p className="ticket-panel__quiet">No ticket linked.</p>
      ) : (
        <ul className="packet-tickets__list">
          {ticketIds.map((id, index) => {
            const label = ticketLabel(tickets?.[index]);
            return (
              <li key={id}>
                <Isolated>{label}</Isolated>
                {!readOnly && (
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    aria-label={`Remove ${label} from the packet`}
                    onClick={() => onRemove(id)}
                  >
                    Remove
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
