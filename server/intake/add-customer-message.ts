import type { z } from 'zod';
import type { IntakeMessageRequest } from '#shared/api/intake';
import { MessageId, TicketEventId } from '#shared/domain/ids';
import type { Message, MessageAttachment } from '#shared/domain/message';
import { isThanksOnly } from '#shared/domain/thanks-only';
import { advanceClock, clockOf } from '#shared/domain/ticket-clock';
import { withStatus } from '#shared/sync/mutators/ticket/ticket-rules';
import { recordReopenRegression } from '#shared/sync/mutators/escalation/record-reopen-regression';
import { recordTicketFailures } from '#shared/sync/mutators/trust/record-failures';
import type { Ticket, TicketStatus } from '#shared/domain/ticket';
import type { TicketEvent } from '#shared/domain/ticket-event';
import type { Sql } from '../db/database.ts';
import { newId } from '../db/new-id.ts';
import { HttpError } from '../http/errors.ts';
import { serverMutatorTx } from '../sync/server-mutator-tx.ts';
import { nextWorkspaceVersion, notifyPoke, readRow, writeRow } from '../sync/sync-rows.ts';
import { routeIfOwnerOffShift } from '../shifts/route-off-shift-owner.ts';
import { followMerge } from '../tickets/follow-merge.ts';
import { ticketIdByNumber } from '../tickets/ticket-numbers.ts';

export interface AddedMessage {
  ticket: Ticket;
  messageId: MessageId;
  eventId: string;
  reopenedFrom: TicketStatus | null;
}

/** What the email channel adds to a follow-up. */
export interface MessageExtras {
  /** The id the caller already gave the message (its attachments point at it). */
  messageId?: MessageId;
  attachments?: MessageAttachment[];
  /** Machine-written (an out-of-office): kept on the ticket, but it neither reopens it nor starts a clock. */
  automatic?: string;
}

/**
 * A customer reply means work again: a ticket waiting on them (pending) or
 * solved goes back to open, as Zendesk and Freshdesk do. New and on-hold
 * tickets keep their status; they are already someone's work.
 */
const REOPENED_BY_REPLY: ReadonlySet<TicketStatus> = new Set(['pending', 'solved']);

/**
 * Adds a customer's follow-up to the ticket with `number`, inside the caller's
 * transaction (which holds the workspace row lock): see addCustomerMessageToTicket.
 */
export async function addCustomerMessage(
  tx: Sql,
  workspaceId: string,
  number: number,
  message: z.output<typeof IntakeMessageRequest>,
  now: number,
  extras: MessageExtras = {},
): Promise<AddedMessage> {
  const ticketId = await ticketIdByNumber(tx, workspaceId, number);
  if (!ticketId) throw new HttpError(404, 'not_found', `There is no ticket #${number}.`);
  return addCustomerMessageToTicket(tx, workspaceId, ticketId, message, now, extras);
}

const nameOf = (ticket: Pick<Ticket, 'id' | 'number'>) =>
  ticket.number === undefined ? `Ticket ${ticket.id}` : `Ticket #${ticket.number}`;

/**
 * Adds a customer's follow-up to a ticket, inside the caller's transaction
 * (which holds the workspace row lock): a `customer_message` event, the
 * ticket's updatedAt bumped, and a reopen when the reply means work. A ticket
 * merged as a duplicate hands the message to the ticket it was merged into
 * (follow-merge.ts): that is where the flood is worked and answered, and the
 * duplicate is closed. `ticket` in the answer is where the message landed.
 */
export async function addCustomerMessageToTicket(
  tx: Sql,
  workspaceId: string,
  ticketId: string,
  message: z.output<typeof IntakeMessageRequest>,
  now: number,
  extras: MessageExtras = {},
): Promise<AddedMessage> {
  const found = await readRow(tx, workspaceId, 'ticket', ticketId, { forUpdate: true });
  if (!found) throw new HttpError(404, 'not_found', `There is no ticket ${ticketId}.`);
  const ticket = await followMerge(tx, workspaceId, found, { forUpdate: true });
  if (ticket.status === 'closed') {
    // Closed is final (shared/domain/ticket-status.ts); the sender should open a new ticket.
    throw new HttpError(
      409,
      'ticket_closed',
      `${nameOf(ticket)} is closed. Send the message as a new ticket (POST /api/v1/intake/tickets).`,
    );
  }
  const version = await nextWorkspaceVersion(tx, workspaceId);
  const reopen = extras.automatic === undefined && REOPENED_BY_REPLY.has(ticket.status);
  const stored: Message = {
    id: extras.messageId ?? MessageId.parse(newId('msg_')),
    ticketId: ticket.id,
    kind: 'customer',
    authorId: null,
    fromEmail: message.from.email,
    ...(message.from.name ? { fromName: message.from.name } : {}),
    body: message.body,
    createdAt: now,
    ...(extras.attachments && extras.attachments.length > 0 ? { attachments: extras.attachments } : {}),
    ...(extras.automatic !== undefined ? { automatic: extras.automatic } : {}),
  };
  const event: TicketEvent = {
    id: TicketEventId.parse(newId('evt_')),
    ticketId: ticket.id,
    actorId: null,
    at: now,
    change: {
      kind: 'customer_message',
      messageId: stored.id,
      fromEmail: stored.fromEmail ?? message.from.email,
      ...(stored.fromName ? { fromName: stored.fromName } : {}),
    },
  };
  // The customer wrote: the next-response clock starts, and a reopen resumes or restarts the others.
  const written: Ticket =
    extras.automatic === undefined
      ? { ...ticket, clock: advanceClock(clockOf(ticket), { kind: 'customer_message' }, now) }
      : { ...ticket, clock: clockOf(ticket) };
  const answered: Ticket = { ...(reopen ? withStatus(written, 'open', now) : written), updatedAt: now };
  // The customer is waiting on a person: an owner who went home hands it to someone on shift. An
  // out-of-office needs nobody, so it leaves the ticket where it is. Its line comes after "reopened".
  const routed =
    extras.automatic === undefined
      ? await routeIfOwnerOffShift(tx, workspaceId, answered, now, now + (reopen ? 2 : 1))
      : { ticket: answered, event: null };
  const updated = routed.ticket;
  await writeRow(tx, workspaceId, 'message', stored, version);
  await writeRow(tx, workspaceId, 'ticket', updated, version);
  await writeRow(tx, workspaceId, 'ticketEvent', event, version);
  if (routed.event) await writeRow(tx, workspaceId, 'ticketEvent', routed.event, version);
  if (reopen) {
    // One millisecond later, so the history reads "wrote again", then "reopened".
    await writeRow(
      tx,
      workspaceId,
      'ticketEvent',
      {
        id: TicketEventId.parse(newId('evt_')),
        ticketId: ticket.id,
        actorId: null,
        at: now + 1,
        change: { kind: 'status_changed', from: ticket.status, to: 'open' },
      },
      version,
    );
  }
  // A solved ticket the customer had to write again about: the team told them it was done. A reply that
  // only says thank you reopens it too (someone should read it), but is no failure and no regression.
  if (reopen && !isThanksOnly(message.body)) {
    const mutatorTx = serverMutatorTx(tx, workspaceId, version);
    await recordTicketFailures(mutatorTx, ticket, updated, now, 'customer');
    // The customer says the fix did not hold: flagged on the escalation the ticket went through.
    await recordReopenRegression(mutatorTx, ticket, updated, now, null);
  }
  await notifyPoke(tx, workspaceId, version);
  return { ticket: updated, messageId: stored.id, eventId: event.id, reopenedFrom: reopen ? ticket.status : null };
}
