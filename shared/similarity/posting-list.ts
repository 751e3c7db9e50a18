/**
 * The tickets that have one term, with the term's weight in each: one row of
 * the inverted index. Typed arrays rather than objects: at 100k tickets the
 * index holds millions of postings, and objects would cost several times the
 * memory and the garbage collector's time.
 *
 * Slots (the index's internal document numbers) only ever grow, and a ticket
 * gets its slot when it is added, so appending keeps the list sorted by slot,
 * and therefore in the order tickets were added: the end of a list holds the
 * newest. Removal finds its slot by binary search.
 */
export class PostingList {
  private slotArray: Int32Array;
  private weightArray: Float32Array;
  private count = 0;

  constructor(capacity = 4) {
    this.slotArray = new Int32Array(capacity);
    this.weightArray = new Float32Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  /** Slots, in increasing order, valid up to `length` (a view: do not keep it across changes). */
  get slots(): Int32Array {
    return this.slotArray;
  }

  /** The term's weight in each slot's ticket, beside `slots`. */
  get weights(): Float32Array {
    return this.weightArray;
  }

  /** Adds a posting; `slot` must be greater than every slot already in. */
  append(slot: number, weight: number): void {
    if (this.count > 0 && slot <= (this.slotArray[this.count - 1] as number)) {
      throw new Error(`posting slots must increase: ${slot} after ${this.slotArray[this.count - 1]}`);
    }
    if (this.count === this.slotArray.length) this.grow();
    this.slotArray[this.count] = slot;
    this.weightArray[this.count] = weight;
    this.count++;
  }

  /** Removes `slot`'s posting; returns whether it was there. */
  remove(slot: number): boolean {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.slotArray[middle] as number) < slot) low = middle + 1;
      else high = middle;
    }
    if (low === this.count || this.slotArray[low] !== slot) return false;
    this.slotArray.copyWithin(low, low + 1, this.count);
    this.weightArray.copyWithin(low, low + 1, this.count);
    this.count--;
    if (this.count > 16 && this.count * 4 < this.slotArray.length) this.shrink();
    return true;
  }

  private grow(): void {
    this.resize(this.slotArray.length * 2);
  }

  /** A list that emptied (tickets evicted) gives its memory back. */
  private shrink(): void {
    this.resize(this.slotArray.length >>> 1);
  }

  private resize(capacity: number): void {
    const slots = new Int32Array(capacity);
    const weights = new Float32Array(capacity);
    slots.set(this.slotArray.subarray(0, this.count));
    weights.set(this.weightArray.subarray(0, this.count));
    this.slotArray = slots;
    this.weightArray = weights;
  }
}
