import type { z } from 'zod';
import type { IntakeTicketRequest } from '#shared/api/intake';
import { TicketId } from '#shared/domain/ids';
import type { MessageAttachment } from '#shared/domain/message';
import { Ticket } from '#shared/domain/ticket';
import type { Sql } from '../db/database.ts';
import { newId } from '../db/new-id.ts';
import { CustomerMatcher } from '../customers/customer-matcher.ts';
import { nextWorkspaceVersion, notifyPoke, writeRow } from '../sync/sync-rows.ts';
import { recordTicketNumbers, takeTicketNumbers } from '../tickets/ticket-numbers.ts';

export interface CreatedIntakeTicket {
  ticket: Ticket & { number: number };
  customerCreated: boolean;
}

/** "jane.doe@acme.com" → "jane.doe": a requester always has a name to show. */
function nameFromEmail(email: string): string {
  return email.slice(0, Math.max(1, email.indexOf('@'))).slice(0, 200);
}

/**
 * Creates one ticket from an intake request inside the caller's transaction
 * (which holds the workspace row lock): matches or creates the customer, takes
 * the next number, writes the ticket at a new version and queues the poke that
 * brings it into every agent's queue once the transaction commits. With
 * `batchVersion` (a commit batch that already took the version and pokes once
 * for all its tickets), it writes at that version and queues no poke. No history
 * event: the ticket's own channel and createdAt already say how it arrived.
 */
export async function createIntakeTicket(
  tx: Sql,
  workspaceId: string,
  request: z.output<typeof IntakeTicketRequest>,
  now: number,
  batchVersion?: number,
  /** The email channel's additions: an id drawn beforehand (its stored files point at it), and those files. */
  extras: { ticketId?: TicketId; attachments?: MessageAttachment[] } = {},
): Promise<CreatedIntakeTicket> {
  const version = batchVersion ?? (await nextWorkspaceVersion(tx, workspaceId));
  const customers = new CustomerMatcher(tx, workspaceId, version, now);
  const customer = await customers.customerFor(request.requester);
  await customers.flush();
  const number = await takeTicketNumbers(tx, workspaceId, 1);
  const ticket = Ticket.parse({
    id: extras.ticketId ?? TicketId.parse(newId('tkt_')),
    number,
    customerId: customer.id,
    subject: request.subject,
    body: request.body,
    status: 'new',
    priority: request.priority,
    channel: request.channel,
    requesterName: request.requester.name ?? nameFromEmail(request.requester.email),
    requesterEmail: request.requester.email,
    assigneeId: null,
    tags: request.tags,
    createdAt: now,
    updatedAt: now,
    ...(extras.attachments && extras.attachments.length > 0 ? { attachments: extras.attachments } : {}),
  });
  await writeRow(tx, workspaceId, 'ticket', ticket, version);
  await recordTicketNumbers(tx, workspaceId, [{ number, ticketId: ticket.id }]);
  if (batchVersion === undefined) await notifyPoke(tx, workspaceId, version);
  return { ticket: { ...ticket, number }, customerCreated: customers.created.size > 0 };
}
