import { z } from 'zod';
import { EpochMs, ProblemId, TicketId, TicketNumber } from './ids.ts';

/**
 * The ways a team fails a customer (BRIEF F10, "you get a chance to fail the
 * client exactly once"): an SLA clock that stopped after its deadline, a
 * problem that hit them, an incident (kept for the incident work to come) and
 * a ticket reopened after it was called solved.
 */
export const CUSTOMER_FAILURE_KINDS = ['sla_breach', 'problem', 'incident', 'reopened'] as const;
export const CustomerFailureKind = z.enum(CUSTOMER_FAILURE_KINDS);
export type CustomerFailureKind = z.infer<typeof CustomerFailureKind>;

/**
 * Failures a customer's record keeps, newest first. The at-risk rule reads only
 * the last 90 days; the rest is history for the panel. Bounded because every
 * device holds every customer.
 */
export const CUSTOMER_FAILURES_MAX = 100;

/**
 * One failure, as the customer's record keeps it. `key` says which failure it
 * is (`sla:<ticket>:<metric>:<clock start>`, `reopened:<ticket>:<solved at>`,
 * `problem:<problem>`), so recording it again (a rebase replaying the
 * mutation, a second ticket of theirs linked to the same problem) changes
 * nothing. `what` is written by the product for people ("First reply 3 h
 * late on #1042"); it can quote a problem's title, so it is plain text.
 */
export const CustomerFailure = z.object({
  key: z.string().min(1).max(200),
  kind: CustomerFailureKind,
  /** When the customer was failed: the missed deadline, the reopen, the report of the problem. */
  at: EpochMs,
  ticketId: TicketId.optional(),
  ticketNumber: TicketNumber.optional(),
  problemId: ProblemId.optional(),
  what: z.string().min(1).max(300),
});
export type CustomerFailure = z.infer<typeof CustomerFailure>;
