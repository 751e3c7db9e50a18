/**
 * The `k` highest-scoring of many (slot, score) pairs, without sorting them
 * all: a min-heap of size k, so offering n pairs costs O(n log k). A query
 * may touch a hundred thousand candidates to keep the best fifty.
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly slots: Int32Array;
  private size = 0;

  constructor(readonly k: number) {
    this.scores = new Float64Array(Math.max(1, k));
    this.slots = new Int32Array(Math.max(1, k));
  }

  offer(slot: number, score: number): void {
    if (this.k <= 0) return;
    if (this.size < this.k) {
      this.scores[this.size] = score;
      this.slots[this.size] = slot;
      this.size++;
      this.siftUp(this.size - 1);
    } else if (score > (this.scores[0] as number)) {
      this.scores[0] = score;
      this.slots[0] = slot;
      this.siftDown(0);
    }
  }

  /** What was kept, best first; ties by slot, newest (highest) first. */
  take(): { slot: number; score: number }[] {
    const kept = Array.from({ length: this.size }, (_, i) => ({
      slot: this.slots[i] as number,
      score: this.scores[i] as number,
    }));
    this.size = 0;
    return kept.sort((a, b) => b.score - a.score || b.slot - a.slot);
  }

  private less(i: number, j: number): boolean {
    const a = this.scores[i] as number;
    const b = this.scores[j] as number;
    return a < b || (a === b && (this.slots[i] as number) < (this.slots[j] as number));
  }

  private swap(i: number, j: number): void {
    const score = this.scores[i] as number;
    const slot = this.slots[i] as number;
    this.scores[i] = this.scores[j] as number;
    this.slots[i] = this.slots[j] as number;
    this.scores[j] = score;
    this.slots[j] = slot;
  }

  private siftUp(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(index: number): void {
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.size && this.less(left, smallest)) smallest = left;
      if (right < this.size && this.less(right, smallest)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}
