import { z } from 'zod';
import { EpochMs, ProblemId, UserId } from './ids.ts';

/**
 * `open`: reports are coming in and nobody has the cause yet; `known`: the
 * cause is known (a workaround may exist) and a fix is on its way;
 * `resolved`: fixed. A resolved problem that recurs is reopened, not recreated,
 * so its history (and the customers it hit) stays in one place.
 */
export const PROBLEM_STATUSES = ['open', 'known', 'resolved'] as const;
export const ProblemStatus = z.enum(PROBLEM_STATUSES);
export type ProblemStatus = z.infer<typeof ProblemStatus>;

export const PROBLEM_STATUS_LABELS: Readonly<Record<ProblemStatus, string>> = {
  open: 'Open',
  known: 'Cause known',
  resolved: 'Resolved',
};

export const ProblemTitle = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/**
 * One underlying fault behind many reports ("Login fails after the 4.12
 * update"). Tickets point at it (`Ticket.problemId`); the counts are kept by
 * the mutators that link tickets, from every linked ticket on the server, so
 * every device shows the same figures even when it holds only some of those
 * tickets.
 */
export const Problem = z.object({
  id: ProblemId,
  title: ProblemTitle,
  status: ProblemStatus,
  createdAt: EpochMs,
  createdBy: UserId,
  updatedAt: EpochMs,
  /** Tickets linked to it (merged duplicates included). */
  ticketCount: z.number().int().nonnegative(),
  /** Distinct customers among the linked tickets' requesters and the requesters merged into them. */
  affectedCustomers: z.number().int().nonnegative(),
  resolvedAt: EpochMs.optional(),
});
export type Problem = z.infer<typeof Problem>;
