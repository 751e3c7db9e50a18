import type { QueryRecord } from './query-record.ts';
import { type ViewContext, matchesFilter } from './view-match.ts';
import { compareBy, effectiveSort } from './view-sort.ts';
import type { ViewDefinition } from './view-definition.ts';

/**
 * A view evaluated the plain way: filter everything, sort the rest. The query
 * layer must always agree with this (its property test says so); it is also
 * fine for small lists.
 */
export function evaluateView(
  records: Iterable<QueryRecord>,
  view: ViewDefinition,
  context: ViewContext,
): QueryRecord[] {
  const rows: QueryRecord[] = [];
  for (const record of records) if (matchesFilter(record, view.filter, context)) rows.push(record);
  return rows.sort(compareBy(effectiveSort(view)));
}
