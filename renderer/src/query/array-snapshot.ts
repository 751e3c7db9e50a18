import type { ViewSnapshot } from '#shared/query/query-index';
import type { QueryRecord } from '#shared/query/query-record';

/**
 * A fixed list (search results in rank order, a preview read from indexes)
 * behind the same interface as a maintained view, so the list component
 * does not care where its rows come from.
 */
export function arraySnapshot(key: string, records: readonly QueryRecord[], version = 0): ViewSnapshot {
  let positions: Map<string, number> | null = null;
  return {
    key,
    length: records.length,
    version,
    at: (index) => records[index],
    slice: (start, end) => records.slice(start, end),
    indexOf: (id) => {
      positions ??= new Map(records.map((record, index) => [record.id, index]));
      return positions.get(id) ?? -1;
    },
  };
}
