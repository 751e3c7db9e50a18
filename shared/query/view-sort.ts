import { TICKET_STATUSES, priorityRank } from '../domain/ticket.ts';
import type { QueryRecord } from './query-record.ts';
import type { GroupField, SortField, ViewDefinition, ViewSort } from './view-definition.ts';

export type RecordComparator = (a: QueryRecord, b: QueryRecord) => number;

const STATUS_RANK = new Map<string, number>(TICKET_STATUSES.map((status, index) => [status, index]));

/**
 * A number for each sort field; tickets without a number yet (just created
 * offline) sort after numbered ones, tickets without a running SLA clock after
 * every deadline.
 */
function sortValue(record: QueryRecord, field: SortField): number {
  switch (field) {
    case 'priority':
      return priorityRank(record.priority);
    case 'createdAt':
      return record.createdAt;
    case 'updatedAt':
      return record.updatedAt;
    case 'number':
      return record.number ?? Number.MAX_SAFE_INTEGER;
    case 'status':
      return STATUS_RANK.get(record.status) ?? 0;
    case 'sla_due':
      // After every real instant; not Infinity, whose difference with itself is NaN.
      return record.slaDueAt ?? Number.MAX_SAFE_INTEGER;
  }
}

/** The sort a grouped view really uses: its group first, then its own keys. */
export function effectiveSort(view: Pick<ViewDefinition, 'sort' | 'groupBy'>): ViewSort {
  const group = groupSortField(view.groupBy);
  if (!group) return view.sort;
  return [{ field: group, direction: 'asc' as const }, ...view.sort.filter((key) => key.field !== group)].slice(0, 3);
}

function groupSortField(groupBy: GroupField): SortField | null {
  if (groupBy === 'priority' || groupBy === 'status') return groupBy;
  return null;
}

/**
 * Compares by the keys in order, then by id, so every client orders the same
 * tickets the same way. The id follows the last key's direction: a sort with
 * every direction flipped is then exactly the reverse order, and the query
 * layer serves both from one maintained ordering.
 */
export function compareBy(sort: ViewSort): RecordComparator {
  const idDirection = sort[sort.length - 1]?.direction === 'desc' ? -1 : 1;
  return (a, b) => {
    for (const key of sort) {
      const difference = sortValue(a, key.field) - sortValue(b, key.field);
      if (difference !== 0) return key.direction === 'asc' ? difference : -difference;
    }
    return a.id < b.id ? -idDirection : a.id > b.id ? idDirection : 0;
  };
}

/** A stable name for a sort, so views that sort alike share one maintained ordering. */
export function sortSignature(sort: ViewSort): string {
  return sort.map((key) => `${key.field}:${key.direction}`).join(',');
}

/**
 * Sorts many records at once, in exactly `compareBy(sort)`'s order, but
 * faster: each record's sort values are read once into typed arrays and the
 * sort compares positions in those, instead of calling `sortValue` on records
 * scattered in memory for each of n log n comparisons (at 100,000 tickets
 * that was most of a third of a second; see bench/micro/query-index.ts).
 */
export function sortRecords(records: readonly QueryRecord[], sort: ViewSort): QueryRecord[] {
  const count = records.length;
  if (count < 64) return [...records].sort(compareBy(sort));
  const keys = sort.map((key) => {
    const values = new Float64Array(count);
    const sign = key.direction === 'asc' ? 1 : -1;
    for (let i = 0; i < count; i++) values[i] = sign * sortValue(records[i] as QueryRecord, key.field);
    return values;
  });
  const idDirection = sort[sort.length - 1]?.direction === 'desc' ? -1 : 1;
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  const [first, second, third] = keys;
  order.sort((a, b) => {
    const difference =
      (first ? (first[a] as number) - (first[b] as number) : 0) ||
      (second ? (second[a] as number) - (second[b] as number) : 0) ||
      (third ? (third[a] as number) - (third[b] as number) : 0);
    if (difference !== 0) return difference;
    const idA = (records[a] as QueryRecord).id;
    const idB = (records[b] as QueryRecord).id;
    return idA < idB ? -idDirection : idA > idB ? idDirection : 0;
  });
  const sorted = new Array<QueryRecord>(count);
  for (let i = 0; i < count; i++) sorted[i] = records[order[i] as number] as QueryRecord;
  return sorted;
}
