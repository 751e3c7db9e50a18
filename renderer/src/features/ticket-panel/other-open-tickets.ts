import { ACTIVE_STATUSES, type Ticket, type TicketStatus } from '#shared/domain/ticket';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';

/**
 * The compound index the panel reads a customer's open tickets from, newest
 * first per status (declared as a client-only index in db/local-schema.ts).
 * A big customer holds thousands of tickets: counting them and reading the
 * newest few from this index never loads the rest.
 */
export const CUSTOMER_TICKETS_INDEX = '[customerId+status+createdAt]';

/** How many of the customer's other tickets the panel lists before "and N more". */
export const OTHER_TICKETS_SHOWN = 10;

export type OtherTicket = Pick<Ticket, 'id' | 'number' | 'subject' | 'status' | 'priority' | 'createdAt'>;

/** The newest of one status's tickets, and how many that status holds in all. */
export interface StatusSlice {
  newest: readonly OtherTicket[];
  count: number;
}

export interface OtherOpenTickets {
  /** Newest first, at most `cap`. */
  shown: OtherTicket[];
  /** How many more there are beyond those shown. */
  more: number;
}

const newestFirst = (a: OtherTicket, b: OtherTicket) =>
  b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Merges per-status slices (each holding at least its `cap + 1` newest, so the
 * open ticket can be left out and still `cap` remain) into the list the panel
 * shows: newest first, without `currentId`, capped, with the rest counted.
 */
export function pickOtherTickets(
  slices: readonly StatusSlice[],
  currentId: string,
  cap: number = OTHER_TICKETS_SHOWN,
): OtherOpenTickets {
  let total = 0;
  const candidates: OtherTicket[] = [];
  for (const slice of slices) {
    total += slice.count;
    for (const ticket of slice.newest) {
      if (ticket.id === currentId) total -= 1;
      else candidates.push(ticket);
    }
  }
  const shown = candidates.sort(newestFirst).slice(0, cap);
  return { shown, more: Math.max(0, total - shown.length) };
}

/**
 * The customer's other active tickets, from IndexedDB: per active status a
 * count and the newest `cap + 1` rows, read from the compound index. Dexie's
 * live queries watch exactly these ranges, so the panel follows changes to
 * this customer's tickets and nobody else's.
 */
export async function loadOtherOpenTickets(
  db: ShiftdeskDb,
  customerId: string,
  currentId: string,
  cap: number = OTHER_TICKETS_SHOWN,
): Promise<OtherOpenTickets> {
  const table = db.rows('ticket');
  const slices = await Promise.all(
    [...ACTIVE_STATUSES].map(async (status: TicketStatus): Promise<StatusSlice> => {
      const range = () =>
        table.where(CUSTOMER_TICKETS_INDEX).between([customerId, status, -Infinity], [customerId, status, Infinity]);
      const [count, newest] = await Promise.all([
        range().count(),
        range()
          .reverse()
          .limit(cap + 1)
          .toArray(),
      ]);
      return { count, newest: newest.map(toOtherTicket) };
    }),
  );
  return pickOtherTickets(slices, currentId, cap);
}

function toOtherTicket(ticket: Ticket): OtherTicket {
  const { id, number, subject, status, priority, createdAt } = ticket;
  return { id, number, subject, status, priority, createdAt };
}
