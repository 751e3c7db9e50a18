import { z } from 'zod';
import { EpochMs, EscalationId, MessageId, ProblemId, TicketEventId, TicketId, TicketNumber, UserId } from './ids.ts';
import { PRIORITY_LABELS, STATUS_LABELS } from './labels.ts';
import { MERGED_TICKETS_MAX, TicketPriority, TicketStatus, TicketTag } from './ticket.ts';

/**
 * The history of a ticket, one row per change. New kinds are added as new
 * members of the union so older rows keep parsing.
 */
const PriorityChanged = z.object({ kind: z.literal('priority_changed'), from: TicketPriority, to: TicketPriority });
const StatusChanged = z.object({ kind: z.literal('status_changed'), from: TicketStatus, to: TicketStatus });
/**
 * Why a ticket changed hands when nobody chose it by hand: its owner was off
 * shift when the customer wrote (the server routed it), or its owner handed
 * their tickets over when ending their shift.
 */
export const AssignmentReason = z.enum(['owner_off_shift', 'shift_ended']);
export type AssignmentReason = z.infer<typeof AssignmentReason>;
const ASSIGNMENT_REASONS: Readonly<Record<AssignmentReason, string>> = {
  owner_off_shift: 'owner off shift',
  shift_ended: 'handed over at the end of a shift',
};
const AssigneeChanged = z.object({
  kind: z.literal('assignee_changed'),
  from: UserId.nullable(),
  to: UserId.nullable(),
  reason: AssignmentReason.optional(),
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

/** A ticket named in a history line: its id, and its number when it has one ("#1042"). */
const TicketRef = z.object({ ticketId: TicketId, number: TicketNumber.optional() });
/** On a duplicate: it was merged into another ticket (and closed). */
const MergedIntoEvent = z.object({ kind: z.literal('merged_into'), into: TicketRef });
/** On the canonical ticket: these tickets were merged into it. */
const TicketsMerged = z.object({
  kind: z.literal('tickets_merged'),
  tickets: z.array(TicketRef).min(1).max(MERGED_TICKETS_MAX),
});
/** On a former duplicate: the merge was undone and it stands alone again. */
const Unmerged = z.object({ kind: z.literal('unmerged'), from: TicketRef });
/** On the canonical ticket: one of its merged tickets was taken back out. */
const TicketUnmerged = z.object({ kind: z.literal('ticket_unmerged'), ticket: TicketRef });
const ProblemLinked = z.object({
  kind: z.literal('problem_linked'),
  problemId: ProblemId,
  title: z.string().min(1).max(200),
});
const ProblemUnlinked = z.object({
  kind: z.literal('problem_unlinked'),
  problemId: ProblemId,
  title: z.string().min(1).max(200),
});
/** Handed to an analyst in an escalation packet (see escalation.ts), or taken off one. */
const Escalated = z.object({
  kind: z.literal('escalated'),
  escalationId: EscalationId,
  summary: z.string().min(1).max(200),
});
const EscalationUnlinked = z.object({
  kind: z.literal('escalation_unlinked'),
  escalationId: EscalationId,
  summary: z.string().min(1).max(200),
});

export const TicketEventChange = z.discriminatedUnion('kind', [
  PriorityChanged,
  StatusChanged,
  AssigneeChanged,
  TagAdded,
  TagRemoved,
  CustomerMessage,
  Replied,
  NoteAdded,
  MergedIntoEvent,
  TicketsMerged,
  Unmerged,
  TicketUnmerged,
  ProblemLinked,
  ProblemUnlinked,
  Escalated,
  EscalationUnlinked,
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
    case 'assignee_changed': {
      if (change.to === null) return change.from === null ? 'left it unassigned' : `unassigned ${nameOf(change.from)}`;
      const line =
        change.from === null
          ? `assigned it to ${nameOf(change.to)}`
          : `reassigned it from ${nameOf(change.from)} to ${nameOf(change.to)}`;
      return change.reason ? `${line} (${ASSIGNMENT_REASONS[change.reason]})` : line;
    }
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
    case 'merged_into':
      return `merged it into ${ticketLabel(change.into)}`;
    case 'tickets_merged':
      return change.tickets.length === 1
        ? `merged ${ticketLabel(change.tickets[0]!)} into it`
        : `merged ${change.tickets.length} tickets into it (${change.tickets.slice(0, 5).map(ticketLabel).join(', ')}${change.tickets.length > 5 ? ', …' : ''})`;
    case 'unmerged':
      return `took it back out of ${ticketLabel(change.from)} (unmerged)`;
    case 'ticket_unmerged':
      return `took ${ticketLabel(change.ticket)} back out (unmerged)`;
    case 'problem_linked':
      return `linked it to the problem “${change.title}”`;
    case 'problem_unlinked':
      return `unlinked it from the problem “${change.title}”`;
    case 'escalated':
      return `escalated it to an analyst in “${change.summary}”`;
    case 'escalation_unlinked':
      return `took it off the escalation “${change.summary}”`;
  }
}

/** "#1042", or "a ticket" for one from before numbering. */
function ticketLabel(ref: { number?: number | undefined }): string {
  return ref.number === undefined ? 'a ticket' : `#${ref.number}`;
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
