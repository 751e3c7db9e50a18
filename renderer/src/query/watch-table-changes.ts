import Dexie, { type IntervalTree, type ObservabilitySet, RangeSet } from 'dexie';

/** Which rows of a table a committed transaction touched: their keys, or "assume all" (a clear or a range delete). */
export type TableChange = { kind: 'keys'; keys: string[] } | { kind: 'all' };

/**
 * Reports the keys each committed write touched in one table, from Dexie's
 * own change notifications. They cover writes from this window, from other
 * windows of the app and from workers (Dexie relays them over a
 * BroadcastChannel), so the query layer learns of every change by key and
 * re-reads only those rows.
 */
export function watchTableChanges(db: Dexie, table: string, listener: (change: TableChange) => void): () => void {
  const part = `idb://${db.name}/${table}/`;
  const onMutated = (parts: ObservabilitySet) => {
    const tree = parts[part];
    if (tree) {
      const change = changeFromRanges(tree);
      if (change) listener(change);
    }
  };
  Dexie.on.storagemutated.subscribe(onMutated);
  return () => Dexie.on.storagemutated.unsubscribe(onMutated);
}

/** Single keys are listed; any real range (a clear is min..max) means the whole table may have changed. */
export function changeFromRanges(tree: IntervalTree): TableChange | null {
  const keys: string[] = [];
  for (const node of RangeSet(tree) as Iterable<{ from: unknown; to: unknown }>) {
    if (typeof node.from === 'string' && node.from === node.to) keys.push(node.from);
    else return { kind: 'all' };
  }
  return keys.length > 0 ? { kind: 'keys', keys } : null;
}
