import { CUSTOMER_TIERS } from '#shared/domain/customer';
import { CHANNEL_LABELS, PRIORITY_LABELS, STATUS_LABELS } from '#shared/domain/labels';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from '#shared/domain/ticket';
import type { AssigneeFilter, ViewFilter, ViewSort } from '#shared/query/view-definition';

export interface Choice {
  value: string;
  label: string;
}

/** The filter bar's value for "anything" and for "what the view itself says" (several values at once). */
export const ANY = '';
export const AS_VIEW = '__view';

/**
 * One select of the filter bar: which criterion, its choices, and how a
 * choice reads from and writes to a view filter. The bar offers one value
 * per criterion; a view may hold several (New and Open), shown as "as the view".
 */
export interface Criterion {
  key: keyof ViewFilter;
  label: string;
  choices: readonly Choice[];
  read: (filter: ViewFilter) => string;
  write: (value: string) => ViewFilter[keyof ViewFilter] | undefined;
}

function listCriterion<V extends string>(
  key: 'statuses' | 'priorities' | 'channels' | 'customerTiers' | 'customerIds' | 'tags',
  label: string,
  choices: readonly Choice[],
): Criterion {
  return {
    key,
    label,
    choices,
    read: (filter) => {
      const values = filter[key] as readonly V[] | undefined;
      if (!values) return ANY;
      return values.length === 1 ? (values[0] ?? ANY) : AS_VIEW;
    },
    write: (value) => (value === ANY ? undefined : [value]),
  };
}

const HOUR = 3_600_000;
const AGES: readonly { value: string; label: string; filter: Pick<ViewFilter, 'olderThanMs' | 'newerThanMs'> }[] = [
  { value: 'newer-1h', label: 'Newer than 1 hour', filter: { newerThanMs: HOUR } },
  { value: 'older-1h', label: 'Older than 1 hour', filter: { olderThanMs: HOUR } },
  { value: 'older-4h', label: 'Older than 4 hours', filter: { olderThanMs: 4 * HOUR } },
  { value: 'older-1d', label: 'Older than 1 day', filter: { olderThanMs: 24 * HOUR } },
  { value: 'older-3d', label: 'Older than 3 days', filter: { olderThanMs: 72 * HOUR } },
];

/** Age is two criteria underneath (older than, newer than); the bar offers the usual steps of either. */
export function readAge(filter: ViewFilter): string {
  if (filter.olderThanMs === undefined && filter.newerThanMs === undefined) return ANY;
  const match = AGES.find(
    (age) => age.filter.olderThanMs === filter.olderThanMs && age.filter.newerThanMs === filter.newerThanMs,
  );
  return match?.value ?? AS_VIEW;
}

export function writeAge(value: string): Pick<ViewFilter, 'olderThanMs' | 'newerThanMs'> {
  return AGES.find((age) => age.value === value)?.filter ?? {};
}

export const AGE_CHOICES: readonly Choice[] = AGES;

function assigneeValue(filter: AssigneeFilter | undefined): string {
  if (!filter) return ANY;
  if (filter.kind !== 'users') return filter.kind;
  return filter.ids.length === 1 ? `user:${filter.ids[0]}` : AS_VIEW;
}

export function assigneeCriterion(teammates: readonly Choice[]): Criterion {
  return {
    key: 'assignee',
    label: 'Assignee',
    choices: [
      { value: 'me', label: 'Me' },
      { value: 'unassigned', label: 'Nobody' },
      { value: 'meOrUnassigned', label: 'Me or nobody' },
      { value: 'assigned', label: 'Anyone' },
      ...teammates.map((member) => ({ value: `user:${member.value}`, label: member.label })),
    ],
    read: (filter) => assigneeValue(filter.assignee),
    write: (value) => {
      if (value === ANY) return undefined;
      if (value.startsWith('user:')) return { kind: 'users', ids: [value.slice(5)] } as AssigneeFilter;
      return { kind: value } as AssigneeFilter;
    },
  };
}

export const STATUS_CRITERION = listCriterion(
  'statuses',
  'Status',
  TICKET_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
);
export const PRIORITY_CRITERION = listCriterion(
  'priorities',
  'Priority',
  TICKET_PRIORITIES.map((value) => ({ value, label: PRIORITY_LABELS[value] })),
);
export const CHANNEL_CRITERION = listCriterion(
  'channels',
  'Channel',
  TICKET_CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] })),
);
export const TIER_CRITERION = listCriterion(
  'customerTiers',
  'Customer tier',
  CUSTOMER_TIERS.map((value) => ({ value, label: value[0]?.toUpperCase() + value.slice(1) })),
);

export function customerCriterion(customers: readonly Choice[]): Criterion {
  return listCriterion('customerIds', 'Customer', customers);
}

/** The orders the bar offers; each has a maintained ordering in the query layer, so switching is one frame. */
export const SORT_CHOICES: readonly { value: string; label: string; sort: ViewSort }[] = [
  {
    value: 'queue',
    label: 'Most urgent, oldest first',
    sort: [
      { field: 'priority', direction: 'asc' },
      { field: 'createdAt', direction: 'asc' },
    ],
  },
  { value: 'oldest', label: 'Oldest first', sort: [{ field: 'createdAt', direction: 'asc' }] },
  { value: 'newest', label: 'Newest first', sort: [{ field: 'createdAt', direction: 'desc' }] },
  { value: 'updated', label: 'Recently updated', sort: [{ field: 'updatedAt', direction: 'desc' }] },
  { value: 'number', label: 'Ticket number', sort: [{ field: 'number', direction: 'asc' }] },
  { value: 'sla', label: 'SLA due soonest', sort: [{ field: 'sla_due', direction: 'asc' }] },
];

export function readSort(sort: ViewSort): string {
  const signature = JSON.stringify(sort);
  return SORT_CHOICES.find((choice) => JSON.stringify(choice.sort) === signature)?.value ?? AS_VIEW;
}
