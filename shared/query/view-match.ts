import type { CustomerTier } from '../domain/customer.ts';
import type { QueryRecord } from './query-record.ts';
import type { AssigneeFilter, ViewFilter } from './view-definition.ts';

/** What a view is evaluated against besides the ticket itself. */
export interface ViewContext {
  /** The signed-in agent ("My queue"). */
  me: string | null;
  /** The clock ages are measured against. */
  now: number;
  tierOf: (customerId: string) => CustomerTier | undefined;
  /** Ids that match the filter's free text (from search); null when the view has none or results are not in yet. */
  textMatches: ReadonlySet<string> | null;
}

function matchesAssignee(filter: AssigneeFilter, assigneeId: string | null, me: string | null): boolean {
  switch (filter.kind) {
    case 'me':
      return assigneeId !== null && assigneeId === me;
    case 'unassigned':
      return assigneeId === null;
    case 'meOrUnassigned':
      return assigneeId === null || assigneeId === me;
    case 'assigned':
      return assigneeId !== null;
    case 'users':
      return assigneeId !== null && filter.ids.includes(assigneeId as (typeof filter.ids)[number]);
  }
}

/** Whether a ticket belongs in a view: every criterion present must hold. */
export function matchesFilter(record: QueryRecord, filter: ViewFilter, context: ViewContext): boolean {
  if (filter.statuses && !filter.statuses.includes(record.status)) return false;
  if (filter.priorities && !filter.priorities.includes(record.priority)) return false;
  if (filter.assignee && !matchesAssignee(filter.assignee, record.assigneeId, context.me)) return false;
  if (filter.channels && !filter.channels.includes(record.channel)) return false;
  if (filter.customerIds && !(filter.customerIds as readonly string[]).includes(record.customerId)) return false;
  if (filter.customerTiers) {
    const tier = context.tierOf(record.customerId);
    if (tier === undefined || !filter.customerTiers.includes(tier)) return false;
  }
  if (filter.tags && !filter.tags.some((tag) => record.tags.includes(tag))) return false;
  if (filter.olderThanMs !== undefined && context.now - record.createdAt < filter.olderThanMs) return false;
  if (filter.newerThanMs !== undefined && context.now - record.createdAt > filter.newerThanMs) return false;
  if (filter.slaDueWithinMs !== undefined && !dueWithin(record.slaDueAt, filter.slaDueWithinMs, context.now)) {
    return false;
  }
  if (filter.text !== undefined && !(context.textMatches?.has(record.id) ?? false)) return false;
  return true;
}

/** Due at most `withinMs` from now, breached included; no deadline never is. */
function dueWithin(slaDueAt: number | null, withinMs: number, now: number): boolean {
  return slaDueAt !== null && slaDueAt - now <= withinMs;
}

/** Filters whose answer changes with the clock alone: the query layer re-checks them as time passes. */
export function dependsOnClock(filter: ViewFilter): boolean {
  return filter.olderThanMs !== undefined || filter.newerThanMs !== undefined || filter.slaDueWithinMs !== undefined;
}
