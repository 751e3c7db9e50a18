import type { ViewSnapshot } from '#shared/query/query-index';
import type { QueryRecord } from '#shared/query/query-record';

/** A change the agent just made to the ticket under the cursor, and where the agent was working. */
export interface CursorMove {
  /** The ticket as it was before the change: the move is judged once the index holds another version. */
  before: QueryRecord;
  index: number;
  /** "#1042 moved to Low": shown briefly when the ticket leaves its place. */
  cue: string;
}

/** Where the agent was working when their change moved the ticket away: the list stays there. */
export interface CursorAnchor {
  id: string;
  index: number;
  cue: string;
}

/**
 * Keeps the agent's place in the list. When their own change moves the
 * ticket under the cursor (a new priority re-sorts it, a status takes it out
 * of the view), the ticket stays open for further keys (2, then c, then t
 * all act on it), but the list does not jump after it: it stays where the
 * agent was, a cue says where the ticket went, and the next j lands on the
 * ticket that followed it. Derived, not stored: the anchor exists while the
 * change has landed in the index and moved the ticket.
 */
export function cursorAnchor(
  list: Pick<ViewSnapshot, 'indexOf'> | undefined,
  move: CursorMove | null,
  current: (id: string) => QueryRecord | undefined,
): CursorAnchor | null {
  if (!list || !move) return null;
  const { before, index, cue } = move;
  // Not in yet: the change is still on its way from IndexedDB to the index.
  if (current(before.id) === before) return null;
  return list.indexOf(before.id) === index ? null : { id: before.id, index, cue };
}

/**
 * Where j/k go from an anchored place: the ticket that followed the moved one
 * now sits at the anchor's index, the one before it just above.
 */
export function stepFromAnchor(anchorIndex: number, by: number): number {
  return by > 0 ? anchorIndex + by - 1 : anchorIndex + by;
}
