import { ACTIVE_STATUSES, type Ticket } from '#shared/domain/ticket';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { CUSTOMER_TICKETS_INDEX } from '../ticket-panel/other-open-tickets.ts';

/**
 * How many of a customer's active tickets per status are checked for a
 * deadline passing right now, oldest first (the oldest are the ones past
 * theirs). Bounds the work for a customer with thousands open in a flood;
 * their ledger already says enough by then.
 */
export const LIVE_CHECK_PER_STATUS = 100;

/**
 * The customer's active tickets this device holds, oldest first per status,
 * from the compound index the side panel reads too: the live query follows
 * this customer's tickets and nobody else's.
 */
export async function loadCustomerActiveTickets(
  db: ShiftdeskDb,
  customerId: string,
  cap: number = LIVE_CHECK_PER_STATUS,
): Promise<Ticket[]> {
  const table = db.rows('ticket');
  const slices = await Promise.all(
    [...ACTIVE_STATUSES].map((status) =>
      table
        .where(CUSTOMER_TICKETS_INDEX)
        .between([customerId, status, -Infinity], [customerId, status, Infinity])
        .limit(cap)
        .toArray(),
    ),
  );
  return slices.flat();
}
