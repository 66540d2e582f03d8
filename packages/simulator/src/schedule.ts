/**
 * The simulator's future: things it has decided will happen at a given time (a call arrives, an agent
 * answers, a break ends). A binary min-heap keyed by (time, insertion order), so equal times come out
 * first-in first-out and a run is deterministic whatever the tick rate.
 */
export class Schedule<T> {
  private readonly heap: { at: number; order: number; item: T }[] = [];
  private inserted = 0;

  /** How many actions are pending. */
  get size(): number {
    return this.heap.length;
  }

  /** Time of the earliest pending action, or null when nothing is pending. */
  peekAt(): number | null {
    return this.heap[0]?.at ?? null;
  }

  /** Adds an action due at `at` (ms). */
  push(at: number, item: T): void {
    this.heap.push({ at, order: this.inserted++, item });
    this.siftUp(this.heap.length - 1);
  }

  /** Removes and returns every action due at or before `now`, earliest first. */
  popDue(now: number): T[] {
    const due: T[] = [];
    for (let top = this.heap[0]; top !== undefined && top.at <= now; top = this.heap[0]) {
      due.push(top.item);
      const last = this.heap.pop();
      if (last !== undefined && this.heap.length > 0) {
        this.heap[0] = last;
        this.siftDown(0);
      }
    }
    return due;
  }

  private less(i: number, j: number): boolean {
    const a = this.heap[i];
    const b = this.heap[j];
    if (a === undefined || b === undefined) return false;
    return a.at < b.at || (a.at === b.at && a.order < b.order);
  }

  private swap(i: number, j: number): void {
    const a = this.heap[i];
    const b = this.heap[j];
    if (a === undefined || b === undefined) return;
    this.heap[i] = b;
    this.heap[j] = a;
  }

  private siftUp(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
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
      if (left < this.heap.length && this.less(left, smallest)) smallest = left;
      if (right < this.heap.length && this.less(right, smallest)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}
