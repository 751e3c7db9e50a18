import { useLiveQuery } from 'dexie-react-hooks';
import type { Escalation } from '#shared/domain/escalation';
import type { Ticket } from '#shared/domain/ticket';
import { useWorkspace } from '../../../app/workspace-context.tsx';

/** Every ticket a packet names (linked, regressions and what they resemble), by id, as this device holds them. */
export function useEscalationTickets(escalation: Escalation | undefined): ReadonlyMap<string, Ticket> | undefined {
  const { db } = useWorkspace();
  const ids = escalation
    ? [
        ...new Set([
          ...escalation.ticketIds,
          ...escalation.regressions.flatMap((regression) =>
            regression.matchedTicketId === undefined
              ? [regression.ticketId]
              : [regression.ticketId, regression.matchedTicketId],
          ),
        ]),
      ]
    : [];
  const key = ids.join(',');
  return useLiveQuery(
    async () => {
      const rows = await db.rows('ticket').bulkGet(ids);
      return new Map(rows.filter((row): row is Ticket => row !== undefined).map((row) => [row.id, row]));
    },
    // The ids, by value: a new packet object with the same tickets reads nothing again.
    [db, key],
  );
}

/** "#1203", or a stand-in for a ticket this device does not hold (or that has no number yet). */
export function ticketLabel(tickets: ReadonlyMap<string, Ticket> | undefined, ticketId: string): string {
  const number = tickets?.get(ticketId)?.number;
  return number === undefined ? 'a ticket' : `#${number}`;
}
