/**
 * Sorted-array primitives for the query index. Every function takes a strict
 * total order (`compare` returns 0 only for the very same element), which is
 * what `compareBy` gives: its id tie-break makes two different tickets never
 * compare equal. That is why an element can be found by binary search alone
 * and confirmed by identity, with no scan.
 *
 * Arrays are changed in place, so a view's rows keep one array for their whole
 * life and nothing is reallocated per write.
 */

export type Compare<T> = (a: T, b: T) => number;

/** The first index in [lo, hi) whose element is not before `item`; `hi` when all are. */
export function lowerBound<T>(
  rows: readonly T[],
  item: T,
  compare: Compare<T>,
  lo: number = 0,
  hi: number = rows.length,
): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(rows[mid] as T, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where `item` sits, or -1: the binary-search slot must hold this very object. */
export function indexOfSorted<T>(rows: readonly T[], item: T, compare: Compare<T>): number {
  const index = lowerBound(rows, item, compare);
  return index < rows.length && rows[index] === item ? index : -1;
}

/** Inserts `item` in order and returns its index. */
export function insertSorted<T>(rows: T[], item: T, compare: Compare<T>): number {
  const index = lowerBound(rows, item, compare);
  if (index === rows.length) rows.push(item);
  else rows.splice(index, 0, item);
  return index;
}

/** Removes `item` (this very object); returns the index it had, or -1 when it was not there. */
export function removeSorted<T>(rows: T[], item: T, compare: Compare<T>): number {
  const index = indexOfSorted(rows, item, compare);
  if (index === rows.length - 1) rows.pop();
  else if (index >= 0) rows.splice(index, 1);
  return index;
}

/** Moves shorter than this shift by hand; longer ones splice (a native memmove), which wins at length. */
const SHORT_MOVE = 32;

/**
 * Puts `next` where `previous` was, moving it to its own place. An edit that
 * leaves the order alone (most edits) is one write after two neighbour checks;
 * a short move shifts only the rows in between. Returns the new index, or -1
 * (and changes nothing) when `previous` is not in the array.
 */
export function replaceSorted<T>(rows: T[], previous: T, next: T, compare: Compare<T>): number {
  const index = indexOfSorted(rows, previous, compare);
  if (index < 0) return -1;
  let target: number;
  if (index > 0 && compare(rows[index - 1] as T, next) > 0) {
    // Towards the start: `next` goes before the first row not before it.
    target = lowerBound(rows, next, compare, 0, index - 1);
    if (index - target <= SHORT_MOVE) for (let at = index; at > target; at--) rows[at] = rows[at - 1] as T;
    else moveBySplicing(rows, index, target);
  } else if (index < rows.length - 1 && compare(next, rows[index + 1] as T) > 0) {
    // Towards the end: the rows between shift down one, so it lands one before its slot.
    target = lowerBound(rows, next, compare, index + 2, rows.length) - 1;
    if (target - index <= SHORT_MOVE) for (let at = index; at < target; at++) rows[at] = rows[at + 1] as T;
    else moveBySplicing(rows, index, target);
  } else {
    target = index;
  }
  rows[target] = next;
  return target;
}

/** Takes the element at `from` out and opens a slot at `to` (filled by the caller). */
function moveBySplicing<T>(rows: T[], from: number, to: number): void {
  const [moved] = rows.splice(from, 1);
  rows.splice(to, 0, moved as T);
}

/**
 * Merges the sorted `additions` into the sorted `rows`, in place. Each
 * addition's place is found by binary search (k log n comparisons) and the
 * rows between places shift up as blocks, so the rows themselves are never
 * compared: a pass that compared every row would read every record, and at
 * 100k scattered records those reads, not the moves, are what costs.
 * `additions` must not hold anything `rows` holds.
 */
export function mergeSortedInto<T>(rows: T[], additions: readonly T[], compare: Compare<T>): void {
  const count = additions.length;
  if (count === 0) return;
  const places = new Int32Array(count);
  for (let j = 0, lo = 0; j < count; j++) lo = places[j] = lowerBound(rows, additions[j] as T, compare, lo);
  let end = rows.length;
  // push (not length =) keeps the array packed, which engines read faster.
  for (const item of additions) rows.push(item);
  for (let j = count - 1; j >= 0; j--) {
    const place = places[j] as number;
    for (let at = end - 1; at >= place; at--) rows[at + j + 1] = rows[at] as T;
    rows[place + j] = additions[j] as T;
    end = place;
  }
}

/**
 * Removes `items` (these very objects, each present once) in place: each is
 * found by binary search and the rows between them shift down as blocks.
 * Returns the first item that is not there (having changed nothing), or undefined.
 */
export function removeAllSorted<T>(rows: T[], items: readonly T[], compare: Compare<T>): T | undefined {
  const count = items.length;
  if (count === 0) return undefined;
  const places = new Int32Array(count);
  for (let j = 0; j < count; j++) {
    const place = indexOfSorted(rows, items[j] as T, compare);
    if (place < 0) return items[j];
    places[j] = place;
  }
  places.sort();
  let write = places[0] as number;
  for (let j = 0; j < count; j++) {
    const to = j + 1 < count ? (places[j + 1] as number) : rows.length;
    for (let at = (places[j] as number) + 1; at < to; at++) rows[write++] = rows[at] as T;
  }
  rows.length = write;
  return undefined;
}
