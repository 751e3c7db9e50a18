import type { ViewSnapshot } from '#shared/query/query-index';

/** x: picks or unpicks one ticket; it becomes the anchor for a range. */
export function togglePicked(selection: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selection);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/**
 * shift+x: picks every ticket between the anchor and the cursor, as Gmail
 * does; without an anchor in the list it picks just the cursor's ticket.
 */
export function pickRange(
  selection: ReadonlySet<string>,
  list: Pick<ViewSnapshot, 'indexOf' | 'slice'>,
  anchorId: string | null,
  cursorId: string,
): Set<string> {
  const cursor = list.indexOf(cursorId);
  const anchor = anchorId === null ? -1 : list.indexOf(anchorId);
  const next = new Set(selection);
  if (cursor === -1) return next;
  const [from, to] = anchor === -1 ? [cursor, cursor] : [Math.min(anchor, cursor), Math.max(anchor, cursor)];
  for (const record of list.slice(from, to + 1)) next.add(record.id);
  return next;
}
