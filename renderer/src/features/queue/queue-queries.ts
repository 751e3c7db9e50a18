import type { Customer } from '#shared/domain/customer';
import { ACTIVE_STATUSES, type Ticket, compareQueueOrder } from '#shared/domain/ticket';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';

/** The shift queue: tickets that still need someone, most urgent and longest waiting first. */
export async function loadQueue(db: ShiftdeskDb): Promise<Ticket[]> {
  const tickets = await db
    .rows('ticket')
    .where('status')
    .anyOf([...ACTIVE_STATUSES])
    .toArray();
  return tickets.sort(compareQueueOrder);
}

export async function loadCustomersById(db: ShiftdeskDb): Promise<ReadonlyMap<string, Customer>> {
  const customers = await db.rows('customer').toArray();
  return new Map(customers.map((customer) => [customer.id, customer]));
}

/** Ids of tickets with changes this device has not yet had confirmed. */
export async function loadUnsyncedTicketIds(db: ShiftdeskDb): Promise<ReadonlySet<string>> {
  const shadows = await db.local.shadows.where('key').startsWith('ticket/').toArray();
  return new Set(shadows.map((shadow) => shadow.id));
}
