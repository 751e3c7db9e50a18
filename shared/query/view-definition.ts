import { z } from 'zod';
import { CUSTOMER_TIERS, CustomerTier } from '../domain/customer.ts';
import { CustomerId, UserId } from '../domain/ids.ts';
import { TicketChannel, TicketPriority, TicketStatus, TicketTag } from '../domain/ticket.ts';

/**
 * Views are data: a filter, a sort and a grouping, evaluated locally by the
 * query layer. Built-in views, saved views and the filter bar all produce one
 * of these, so every list in the app answers the same questions the same way.
 */

/** Whose tickets: mine, nobody's, mine or nobody's (what I can act on), anyone's, or named people's. */
export const AssigneeFilter = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('me') }),
  z.object({ kind: z.literal('unassigned') }),
  z.object({ kind: z.literal('meOrUnassigned') }),
  z.object({ kind: z.literal('assigned') }),
  z.object({ kind: z.literal('users'), ids: z.array(UserId).min(1).max(100) }),
]);
export type AssigneeFilter = z.infer<typeof AssigneeFilter>;

const DAY_MS = 86_400_000;
/** Ages are relative to now ("older than 2 hours"), bounded to what the window can hold. */
const AgeMs = z
  .number()
  .int()
  .positive()
  .max(3_650 * DAY_MS);

/**
 * Every criterion is optional; an absent one lets everything through, and the
 * ones present must all hold. Within a list criterion any value matches
 * (statuses new or open; tagged login or billing).
 */
export const ViewFilter = z.object({
  statuses: z.array(TicketStatus).min(1).max(6).optional(),
  priorities: z.array(TicketPriority).min(1).max(4).optional(),
  assignee: AssigneeFilter.optional(),
  customerIds: z.array(CustomerId).min(1).max(200).optional(),
  customerTiers: z.array(CustomerTier).min(1).max(CUSTOMER_TIERS.length).optional(),
  channels: z.array(TicketChannel).min(1).max(6).optional(),
  /** The ticket carries at least one of these tags. */
  tags: z.array(TicketTag).min(1).max(20).optional(),
  /** Created at least this long ago. */
  olderThanMs: AgeMs.optional(),
  /** Created at most this long ago. */
  newerThanMs: AgeMs.optional(),
  /**
   * An SLA clock runs out within this long from now, or already has (breached):
   * the ticket's next deadline is at most now + this. Tickets with no running
   * clock (paused, met, no target) never match.
   */
  slaDueWithinMs: AgeMs.optional(),
  /** Free text, answered by full-text search (subject, body, requester, customer). */
  text: z.string().trim().min(1).max(200).optional(),
});
export type ViewFilter = z.infer<typeof ViewFilter>;

/**
 * Fields a list can be ordered by; each has a maintained ordering in the query
 * layer. `sla_due`: the next SLA deadline, soonest first ascending; tickets
 * without a running clock come after every deadline (last ascending, first
 * descending, since a descending sort is exactly the ascending one reversed).
 */
export const SORT_FIELDS = ['priority', 'createdAt', 'updatedAt', 'number', 'status', 'sla_due'] as const;
export const SortField = z.enum(SORT_FIELDS);
export type SortField = z.infer<typeof SortField>;

export const SortKey = z.object({ field: SortField, direction: z.enum(['asc', 'desc']) });
export type SortKey = z.infer<typeof SortKey>;

/** Keys in order of precedence; ties after the last key fall back to the ticket id, so order is stable everywhere. */
export const ViewSort = z.array(SortKey).min(1).max(3);
export type ViewSort = z.infer<typeof ViewSort>;

export const GROUP_FIELDS = ['none', 'priority', 'status'] as const;
export const GroupField = z.enum(GROUP_FIELDS);
export type GroupField = z.infer<typeof GroupField>;

export const ViewDefinition = z.object({
  filter: ViewFilter,
  sort: ViewSort,
  /** Grouping sorts by the group first and shows a heading per group. */
  groupBy: GroupField,
});
export type ViewDefinition = z.infer<typeof ViewDefinition>;

/** Most urgent first, then the longest waiting: the order a thin shift works in. */
export const QUEUE_ORDER: ViewSort = [
  { field: 'priority', direction: 'asc' },
  { field: 'createdAt', direction: 'asc' },
];
