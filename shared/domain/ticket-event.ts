import { z } from 'zod';
import { EpochMs, MessageId, TicketEventId, TicketId, UserId } from './ids.ts';
import { PRIORITY_LABELS, STATUS_LABELS } from './labels.ts';
import { TicketPriority, TicketStatus, TicketTag } from './ticket.ts';

/**
 * The history of a ticket, one row per change. New kinds are added as new
 * members of the union so older rows keep parsing.
 */
const PriorityChanged = z.object({ kind: z.literal('priority_changed'), from: TicketPriority, to: TicketPriority });
const StatusChanged = z.object({ kind: z.literal('status_changed'), from: TicketStatus, to: TicketStatus });
const AssigneeChanged = z.object({
  kind: z.literal('assignee_changed'),
  from: UserId.nullable(),
  to: UserId.nullable(),
});
const TagAdded = z.object({ kind: z.literal('tag_added'), tag: TicketTag });
const TagRemoved = z.object({ kind: z.literal('tag_removed'), tag: TicketTag });
/**
 * The customer wrote again on an open conversation (intake API, later email).
 * The words live in the message row (`messageId`); events written before
 * messages existed carry them in `body` instead. Plain text either way: shown
 * as written, never as HTML.
 */
const CustomerMessage = z.object({
  kind: z.literal('customer_message'),
  messageId: MessageId.optional(),
  body: z.string().min(1).max(100_000).optional(),
  fromEmail: z.email().max(320),
  fromName: z.string().min(1).max(200).optional(),
});
/** An agent answered the customer, or wrote an internal note; the words are in the message row. */
const Replied = z.object({ kind: z.literal('replied'), messageId: MessageId });
const NoteAdded = z.object({ kind: z.literal('note_added'), messageId: MessageId });

export const TicketEventChange = z.discriminatedUnion('kind', [
  PriorityChanged,
  StatusChanged,
  AssigneeChanged,
  TagAdded,
  TagRemoved,
  CustomerMessage,
  Replied,
  NoteAdded,
]);
export type TicketEventChange = z.infer<typeof TicketEventChange>;

export const TicketEvent = z.object({
  id: TicketEventId,
  ticketId: TicketId,
  actorId: UserId.nullable(),
  at: EpochMs,
  change: TicketEventChange,
});
export type TicketEvent = z.infer<typeof TicketEvent>;

/**
 * One history line, after the actor's name: "changed priority from Normal to
 * Urgent". `nameOf` turns user ids into names ("you", "Priya Nair").
 */
export function describeTicketChange(change: TicketEventChange, nameOf: (id: UserId) => string): string {
  switch (change.kind) {
    case 'priority_changed':
      return `changed priority from ${PRIORITY_LABELS[change.from]} to ${PRIORITY_LABELS[change.to]}`;
    case 'status_changed':
      return `changed status from ${STATUS_LABELS[change.from]} to ${STATUS_LABELS[change.to]}`;
    case 'assignee_changed':
      if (change.to === null) return change.from === null ? 'left it unassigned' : `unassigned ${nameOf(change.from)}`;
      return change.from === null
        ? `assigned it to ${nameOf(change.to)}`
        : `reassigned it from ${nameOf(change.from)} to ${nameOf(change.to)}`;
    case 'tag_added':
      return `added the tag “${change.tag}”`;
    case 'tag_removed':
      return `removed the tag “${change.tag}”`;
    case 'customer_message':
      return 'wrote again';
    case 'replied':
      return 'replied to the customer';
    case 'note_added':
      return 'added an internal note';
  }
}

/**
 * Who a history line is about: the customer for their own messages (they have
 * no account, so `actorId` is null), otherwise the teammate behind `actorId`.
 */
export function historyActor(event: TicketEvent, nameOf: (id: UserId | null) => string): string {
  if (event.change.kind !== 'customer_message') return nameOf(event.actorId);
  const { fromName, fromEmail } = event.change;
  return fromName ? `${fromName} <${fromEmail}>` : fromEmail;
}
