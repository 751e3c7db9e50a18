import { QUEUE_ORDER, type ViewDefinition, type ViewSort } from './view-definition.ts';

/** A view as lists and the view switcher see it: saved views and built-in ones look the same. */
export interface ViewSpec {
  /** `builtin:<name>` for these, the saved view's id otherwise. */
  id: string;
  name: string;
  /** What the view is for, shown as its description. */
  description: string;
  definition: ViewDefinition;
  /** The letter after `g` that jumps here (g then o: Open). */
  goKey?: string;
}

const ACTIONABLE = ['new', 'open'] as const;
const ACTIVE = ['new', 'open', 'pending', 'on_hold'] as const;

/** How far ahead "Breaching soon" looks: the first colour step (under 1 h) plus an hour to act in. */
export const BREACHING_SOON_MS = 2 * 60 * 60 * 1000;
export const BREACHING_SOON_VIEW_ID = 'builtin:breaching';
/** Soonest deadline first (breached ones lead, the longest overdue first); then the queue order. */
const BY_SLA_DUE: ViewSort = [
  { field: 'sla_due', direction: 'asc' },
  { field: 'priority', direction: 'asc' },
];

/**
 * The views every agent has. The first is the default: what this agent can act
 * on now — tickets waiting on the customer or on hold are in their own views,
 * not in the way. More (Escalated) join by being added here.
 */
export const BUILTIN_VIEWS: readonly ViewSpec[] = [
  {
    id: 'builtin:open',
    name: 'Open',
    description: 'New and open tickets that are yours or nobody’s, most urgent first',
    definition: {
      filter: { statuses: [...ACTIONABLE], assignee: { kind: 'meOrUnassigned' } },
      sort: QUEUE_ORDER,
      groupBy: 'none',
    },
    goKey: 'o',
  },
  {
    id: 'builtin:triage',
    name: 'Triage inbox',
    description: 'New tickets nobody has picked up',
    definition: { filter: { statuses: ['new'], assignee: { kind: 'unassigned' } }, sort: QUEUE_ORDER, groupBy: 'none' },
    goKey: 'i',
  },
  {
    id: 'builtin:mine',
    name: 'My queue',
    description: 'New and open tickets assigned to you',
    definition: { filter: { statuses: [...ACTIONABLE], assignee: { kind: 'me' } }, sort: QUEUE_ORDER, groupBy: 'none' },
    goKey: 'm',
  },
  {
    id: 'builtin:unassigned',
    name: 'Unassigned',
    description: 'New and open tickets nobody owns',
    definition: {
      filter: { statuses: [...ACTIONABLE], assignee: { kind: 'unassigned' } },
      sort: QUEUE_ORDER,
      groupBy: 'none',
    },
    goKey: 'u',
  },
  {
    id: BREACHING_SOON_VIEW_ID,
    name: 'Breaching soon',
    description: 'Active tickets whose SLA runs out within 2 hours or already has, soonest first',
    definition: {
      filter: { statuses: [...ACTIVE], slaDueWithinMs: BREACHING_SOON_MS },
      sort: BY_SLA_DUE,
      groupBy: 'none',
    },
    goKey: 'b',
  },
  {
    id: 'builtin:waiting',
    name: 'Waiting on customer',
    description: 'Tickets waiting for the customer to answer',
    definition: { filter: { statuses: ['pending'] }, sort: QUEUE_ORDER, groupBy: 'none' },
    goKey: 'w',
  },
  {
    id: 'builtin:active',
    name: 'All active',
    description: 'Every ticket not yet solved, including waiting and on hold',
    definition: { filter: { statuses: [...ACTIVE] }, sort: QUEUE_ORDER, groupBy: 'status' },
    goKey: 'a',
  },
  {
    id: 'builtin:solved',
    name: 'Recently solved',
    description: 'Solved and closed tickets that changed recently, newest first',
    definition: {
      filter: { statuses: ['solved', 'closed'] },
      sort: [{ field: 'updatedAt', direction: 'desc' }],
      groupBy: 'none',
    },
    goKey: 's',
  },
];

export const DEFAULT_VIEW_ID = 'builtin:open';

export function builtinView(id: string): ViewSpec | undefined {
  return BUILTIN_VIEWS.find((view) => view.id === id);
}
