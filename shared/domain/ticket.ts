import { z } from 'zod';
import { CustomerId, EpochMs, EscalationId, ProblemId, TicketId, TicketNumber, UserId } from './ids.ts';
import { TicketClock } from './ticket-clock.ts';
import { MESSAGE_ATTACHMENTS_MAX, MessageAttachment } from './message.ts';

/** `pending` means waiting on the customer (SLA clocks will pause there). */
export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export const TicketStatus = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatus>;

/** Statuses that still need an agent; they make up the shift queue. */
export const ACTIVE_STATUSES: ReadonlySet<TicketStatus> = new Set(['new', 'open', 'pending', 'on_hold']);

/** Ordered most to least urgent; the index is the priority's rank. */
export const TICKET_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const TicketPriority = z.enum(TICKET_PRIORITIES);
export type TicketPriority = z.infer<typeof TicketPriority>;

export function priorityRank(priority: TicketPriority): number {
  return TICKET_PRIORITIES.indexOf(priority);
}

export const TICKET_CHANNELS = ['email', 'chat', 'phone', 'web', 'api', 'social'] as const;
export const TicketChannel = z.enum(TICKET_CHANNELS);
export type TicketChannel = z.infer<typeof TicketChannel>;

export const MAX_TAGS = 50;

/** Tags are short lowercase labels: "login", "release-4.12". */
export const TicketTag = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}._-]*$/u, 'must be a lowercase tag without spaces');
export type TicketTag = z.infer<typeof TicketTag>;

/** "  Release 4.12 " → "release-4.12": how agents' typing becomes a tag. */
export function normalizeTag(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, '-');
}

/** At most this many tickets merge into one: a flood's worth, and a row that stays small enough to sync. */
export const MERGED_TICKETS_MAX = 1_000;

/**
 * A ticket merged into this one, as the canonical ticket remembers it: whose
 * it was (so a reply reaches that requester too, in their own thread) and
 * what it was about. The merged ticket's own row and messages stay as they were.
 */
export const MergedTicket = z.object({
  ticketId: TicketId,
  number: TicketNumber.optional(),
  customerId: CustomerId,
  requesterName: z.string().min(1).max(200),
  requesterEmail: z.email(),
  subject: z.string().min(1).max(500),
  mergedAt: EpochMs,
  mergedBy: UserId,
});
export type MergedTicket = z.infer<typeof MergedTicket>;

/** On a merged ticket: where it went, and what unmerging restores. */
export const MergedInto = z.object({
  ticketId: TicketId,
  number: TicketNumber.optional(),
  at: EpochMs,
  by: UserId,
  /** The status it had, which unmerging gives back (a merged ticket is closed). */
  previousStatus: TicketStatus,
});
export type MergedInto = z.infer<typeof MergedInto>;

/**
 * A ticket as every side sees it. `subject` and `body` are customer-written plain
 * text: they are never interpreted as HTML anywhere.
 */
export const Ticket = z.object({
  id: TicketId,
  /**
   * The human-friendly number (#1042) the server assigns in order per team.
   * Optional so rows written before numbering, and clients that predate it, keep parsing.
   */
  number: TicketNumber.optional(),
  customerId: CustomerId,
  subject: z.string().min(1).max(500),
  body: z.string().max(100_000),
  status: TicketStatus,
  priority: TicketPriority,
  channel: TicketChannel,
  requesterName: z.string().min(1).max(200),
  requesterEmail: z.email(),
  assigneeId: UserId.nullable(),
  tags: z.array(TicketTag).max(MAX_TAGS),
  createdAt: EpochMs,
  updatedAt: EpochMs,
  /**
   * What the SLA clocks are computed from (see ticket-clock.ts). Optional so
   * rows written before clocks existed keep parsing; read it with `clockOf`.
   */
  clock: TicketClock.optional(),
  /** Files that came with the customer's first email (later ones are on their messages). */
  attachments: z.array(MessageAttachment).max(MESSAGE_ATTACHMENTS_MAX).optional(),
  /** Tickets merged into this one (duplicates): their requesters get every reply. */
  merged: z.array(MergedTicket).max(MERGED_TICKETS_MAX).optional(),
  /** Set while this ticket is merged into another: it is closed and its conversation shows there. */
  mergedInto: MergedInto.optional(),
  /** The problem this ticket is one report of (see problem.ts). */
  problemId: ProblemId.optional(),
  /** The escalation this ticket was handed to an analyst in (the newest, if several). */
  escalationId: EscalationId.optional(),
});
export type Ticket = z.infer<typeof Ticket>;

/**
 * Queue order for a thin shift: most urgent first, and within one priority the
 * ticket that has waited longest first. Ties fall back to the id so the order is
 * stable across clients.
 */
export function compareQueueOrder(a: Ticket, b: Ticket): number {
  return (
    priorityRank(a.priority) - priorityRank(b.priority) ||
    a.createdAt - b.createdAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
