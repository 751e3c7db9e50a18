/**
 * Tickets in the order they were created, so "the last 20 minutes" or "the 8
 * hours before" is two binary searches, never a scan of every ticket.
 *
 * Tickets arrive in two ways. Live, they come newest last: appended. While
 * the index is built they come in id order, which is no time order at all:
 * inserting each in place would move half the array each time (quadratic at
 * 100k). Those wait in a pending list, sorted and merged in one pass when the
 * order is next read. Removal is a binary search and one move (a memmove).
 */
export class CreatedOrder {
  /** Sorted by (createdAt, slot). */
  private times: number[] = [];
  private slots: number[] = [];
  private pending: { createdAt: number; slot: number }[] = [];
  /** Pending entries removed before they were merged (slots are never reused, so a slot says which). */
  private readonly pendingRemoved = new Set<number>();

  get size(): number {
    return this.times.length + this.pending.length - this.pendingRemoved.size;
  }

  add(createdAt: number, slot: number): void {
    const last = this.times.length - 1;
    const inOrder =
      this.pending.length === 0 &&
      (last < 0 ||
        createdAt > (this.times[last] as number) ||
        (createdAt === this.times[last] && slot > (this.slots[last] as number)));
    if (inOrder) {
      this.times.push(createdAt);
      this.slots.push(slot);
    } else {
      this.pending.push({ createdAt, slot });
    }
  }

  remove(createdAt: number, slot: number): void {
    const index = this.lowerBound(createdAt, slot);
    if (index < this.times.length && this.times[index] === createdAt && this.slots[index] === slot) {
      this.times.splice(index, 1);
      this.slots.splice(index, 1);
    } else if (this.pending.length > 0) {
      this.pendingRemoved.add(slot);
    }
  }

  clear(): void {
    this.times = [];
    this.slots = [];
    this.pending = [];
    this.pendingRemoved.clear();
  }

  /** Tickets created in [from, to): how many. */
  countBetween(from: number, to: number): number {
    this.settle();
    return Math.max(0, this.lowerBound(to, -Infinity) - this.lowerBound(from, -Infinity));
  }

  /** When the oldest ticket was created (undefined: none). */
  earliest(): number | undefined {
    this.settle();
    return this.times[0];
  }

  /** Slots of the tickets created in [from, to), oldest first; only the newest `newest` of them. */
  slotsBetween(from: number, to: number, newest = Infinity): number[] {
    this.settle();
    const end = this.lowerBound(to, -Infinity);
    return this.slots.slice(Math.max(this.lowerBound(from, -Infinity), end - newest), end);
  }

  /** The first position at or after (createdAt, slot). */
  private lowerBound(createdAt: number, slot: number): number {
    let low = 0;
    let high = this.times.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const time = this.times[middle] as number;
      if (time < createdAt || (time === createdAt && (this.slots[middle] as number) < slot)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Merges the pending tickets into the order. */
  private settle(): void {
    if (this.pending.length === 0) return;
    const pending = this.pending
      .filter(({ slot }) => !this.pendingRemoved.has(slot))
      .sort((a, b) => a.createdAt - b.createdAt || a.slot - b.slot);
    this.pending = [];
    this.pendingRemoved.clear();
    const times: number[] = [];
    const slots: number[] = [];
    let i = 0;
    let j = 0;
    while (i < this.times.length || j < pending.length) {
      const next = pending[j];
      const time = this.times[i];
      const takeOld =
        time !== undefined &&
        (next === undefined ||
          time < next.createdAt ||
          (time === next.createdAt && (this.slots[i] as number) < next.slot));
      if (takeOld) {
        times.push(time);
        slots.push(this.slots[i] as number);
        i++;
      } else if (next) {
        times.push(next.createdAt);
        slots.push(next.slot);
        j++;
      }
    }
    this.times = times;
    this.slots = slots;
  }
}
