import type { Message, MessageAttachment, MessageDelivery, MessageKind } from '#shared/domain/message';
import type { Ticket } from '#shared/domain/ticket';
import type { TicketEvent } from '#shared/domain/ticket-event';

/**
 * One entry of a ticket's conversation as the screen shows it. Three sources
 * feed it: the ticket's own body (the customer's first message), the message
 * rows, and `customer_message` events written before messages existed (they
 * carry the words in `body` and have no message row).
 */
export interface ThreadEntry {
  /** The message id; `ticket:<id>` for the ticket's body; the event id for a legacy follow-up. */
  id: string;
  kind: MessageKind;
  /** The agent who wrote it; null for the customer. */
  authorId: string | null;
  fromEmail?: string;
  fromName?: string;
  body: string;
  createdAt: number;
  delivery?: MessageDelivery;
  attachments?: readonly MessageAttachment[];
  /** Why a machine wrote this customer message (an out-of-office); it did not reopen the ticket. */
  automatic?: string;
  /** Where it came from: only `message` entries can be new since a draft began, or be waiting in the outbox. */
  source: 'ticket' | 'message' | 'event';
  /** Set when it was written on a ticket merged into this one: which ticket. */
  mergedFrom?: { ticketId: string; number?: number };
  /** For a public reply: how many requesters it went to (more than one after a merge). */
  recipientCount?: number;
}

type TicketOpening = Pick<Ticket, 'id' | 'body' | 'createdAt' | 'requesterEmail' | 'requesterName' | 'attachments'>;

/** A ticket merged into the one on screen: its opening message and its number, for labelling. */
export type MergedOpening = TicketOpening & Pick<Ticket, 'number'>;

/** The ticket's body as its first customer message; none when the ticket was opened without text. */
function openingEntry(ticket: TicketOpening): ThreadEntry[] {
  if (ticket.body.trim() === '') return [];
  return [
    {
      id: `ticket:${ticket.id}`,
      kind: 'customer',
      authorId: null,
      fromEmail: ticket.requesterEmail,
      fromName: ticket.requesterName,
      body: ticket.body,
      createdAt: ticket.createdAt,
      // The first email's files are on the ticket: it has no message row of its own.
      ...(ticket.attachments?.length ? { attachments: ticket.attachments } : {}),
      source: 'ticket',
    },
  ];
}

function messageEntry(message: Message): ThreadEntry {
  return {
    id: message.id,
    kind: message.kind,
    authorId: message.authorId,
    ...(message.fromEmail !== undefined ? { fromEmail: message.fromEmail } : {}),
    ...(message.fromName !== undefined ? { fromName: message.fromName } : {}),
    body: message.body,
    createdAt: message.createdAt,
    ...(message.delivery !== undefined ? { delivery: message.delivery } : {}),
    ...(message.attachments?.length ? { attachments: message.attachments } : {}),
    ...(message.automatic !== undefined ? { automatic: message.automatic } : {}),
    ...(message.recipients !== undefined ? { recipientCount: message.recipients.length } : {}),
    source: 'message',
  };
}

/** A follow-up recorded before message rows existed: the words are on the event. */
function legacyEntry(event: TicketEvent): ThreadEntry | null {
  const change = event.change;
  if (change.kind !== 'customer_message' || change.messageId !== undefined || change.body === undefined) return null;
  return {
    id: event.id,
    kind: 'customer',
    authorId: null,
    fromEmail: change.fromEmail,
    ...(change.fromName !== undefined ? { fromName: change.fromName } : {}),
    body: change.body,
    createdAt: event.at,
    source: 'event',
  };
}

const byTimeThenId = (a: ThreadEntry, b: ThreadEntry) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The conversation in reading order: the ticket's body first, whatever its
 * time says, then messages and legacy follow-ups by time (ties by id, so every
 * device shows the same order). Tickets merged into this one join it: their
 * opening messages and their messages, in time order, each marked with the
 * ticket it was written on.
 */
export function assembleThread(
  ticket: TicketOpening,
  messages: readonly Message[],
  events: readonly TicketEvent[],
  merged: readonly MergedOpening[] = [],
): ThreadEntry[] {
  const origin = new Map(
    merged.map((opening) => [
      opening.id as string,
      opening.number === undefined ? { ticketId: opening.id } : { ticketId: opening.id, number: opening.number },
    ]),
  );
  const fromMerged = (entry: ThreadEntry, ticketId: string): ThreadEntry => {
    const from = origin.get(ticketId);
    return from ? { ...entry, mergedFrom: from } : entry;
  };
  const rest = [
    ...merged.flatMap((opening) => openingEntry(opening).map((entry) => fromMerged(entry, opening.id))),
    ...messages
      .filter((message) => message.ticketId === ticket.id || origin.has(message.ticketId))
      .map((message) => fromMerged(messageEntry(message), message.ticketId)),
    ...events.flatMap((event) => {
      const entry = legacyEntry(event);
      return entry ? [fromMerged(entry, event.ticketId)] : [];
    }),
  ].sort(byTimeThenId);
  return [...openingEntry(ticket), ...rest];
}

/** The message ids whose `addMessage` is still in the outbox (not yet confirmed by the server). */
export function pendingMessageIds(outbox: readonly { name: string; args: unknown }[]): Set<string> {
  const ids = new Set<string>();
  for (const entry of outbox) {
    if (entry.name !== 'addMessage' || typeof entry.args !== 'object' || entry.args === null) continue;
    const messageId = (entry.args as { messageId?: unknown }).messageId;
    if (typeof messageId === 'string') ids.add(messageId);
  }
  return ids;
}

/** The newest time among messages the server confirmed (not in `unconfirmed`): server clock only. */
export function newestConfirmedAt(
  messages: readonly { id: string; createdAt: number }[],
  unconfirmed: ReadonlySet<string>,
): number {
  return messages.reduce(
    (newest, message) => (unconfirmed.has(message.id) ? newest : Math.max(newest, message.createdAt)),
    0,
  );
}

/**
 * What someone else wrote after the draft began (the stale-reply guard): a
 * teammate's reply or note, or a new customer message. The agent's own
 * messages never stop them; the ticket's body and legacy follow-ups are older
 * than any draft.
 */
export function writtenSince(thread: readonly ThreadEntry[], seenUpTo: number, me: string): ThreadEntry[] {
  return thread.filter((entry) => entry.source === 'message' && entry.createdAt > seenUpTo && entry.authorId !== me);
}
