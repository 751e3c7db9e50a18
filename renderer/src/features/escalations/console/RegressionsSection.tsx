import type { Escalation } from '#shared/domain/escalation';
import type { Ticket } from '#shared/domain/ticket';
import { describeRegression } from '#shared/escalation/analyst-console';
import { formatTimestamp } from '../../../ui/format.ts';
import { useOpenInQueue } from './LinkedTickets.tsx';
import { ticketLabel } from './use-escalation-tickets.ts';

/** Tickets that came back after the fix: reopened, or new ones that look like the fixed ones. */
export function RegressionsSection({
  packet,
  tickets,
}: {
  packet: Escalation;
  tickets: ReadonlyMap<string, Ticket> | undefined;
}) {
  const openInQueue = useOpenInQueue();
  if (packet.regressions.length === 0) return null;
  return (
    <section aria-labelledby="regressions-heading" className="escalation-detail__section">
      <h3 id="regressions-heading">Possible regressions ({packet.regressions.length})</h3>
      <ul className="escalation-detail__tickets" data-testid="escalation-regressions">
        {packet.regressions.map((regression) => (
          <li key={regression.ticketId}>
            <button type="button" className="button button--quiet" onClick={() => openInQueue(regression.ticketId)}>
              {describeRegression(regression, (id) => ticketLabel(tickets, id))}
            </button>{' '}
            <span className="escalation-detail__when">{formatTimestamp(regression.at)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
