import type { Escalation } from '#shared/domain/escalation';
import type { Ticket } from '#shared/domain/ticket';
import { useScreenRequest } from '../../../app/screen-request.ts';
import { useOpenMergedTicket } from '../../merge/use-open-merged-ticket.ts';
import { ticketLabel } from './use-escalation-tickets.ts';

/** Opens a ticket in the queue's detail pane, fetching it first when this device does not hold it. */
export function useOpenInQueue(): (ticketId: string) => void {
  const open = useOpenMergedTicket();
  const show = useScreenRequest((s) => s.show);
  return (ticketId) => {
    show('queue');
    open(ticketId);
  };
}

/** The packet's tickets, each a button (Enter or a click) that opens it in the queue. */
export function LinkedTickets({
  packet,
  tickets,
}: {
  packet: Escalation;
  tickets: ReadonlyMap<string, Ticket> | undefined;
}) {
  const openInQueue = useOpenInQueue();
  return (
    <section aria-labelledby="linked-tickets-heading" className="escalation-detail__section">
      <h3 id="linked-tickets-heading">Linked tickets ({packet.ticketIds.length})</h3>
      {packet.ticketIds.length === 0 ? (
        <p className="escalations__empty">
          No tickets linked{packet.problemId ? '; the impact comes from its problem' : ''}.
        </p>
      ) : (
        <ul className="escalation-detail__tickets">
          {packet.ticketIds.map((ticketId) => {
            const ticket = tickets?.get(ticketId);
            return (
              <li key={ticketId}>
                <button type="button" className="button button--quiet" onClick={() => openInQueue(ticketId)}>
                  {ticketLabel(tickets, ticketId)} {ticket?.subject ?? '(not on this device)'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
