/**
 * Keys ordered by due time (ties in the order they were queued), as an indexed binary min-heap: peek is
 * O(1) and insert, reschedule and delete are O(log n), so thousands of tasks cost little per check.
 */
export interface DueItem<K> {
  readonly key: K;
  readonly dueAt: number;
}

interface Slot<K> {
  readonly key: K;
  dueAt: number;
  seq: number;
}

/** Told of every change of a key's due time: queued or moved (its new time), or taken out (null). */
export type DueChange<K> = (key: K, dueAt: number | null) => void;

export class DueQueue<K> {
  private readonly heap: Slot<K>[] = [];
  private readonly index = new Map<K, number>();
  private nextSeq = 0;

  /** The queue is the one owner of every due time, so this hook sees every change of one. */
  constructor(private readonly changed: DueChange<K> = () => {}) {}

  get size(): number {
    return this.heap.length;
  }

  has(key: K): boolean {
    return this.index.has(key);
  }

  dueAt(key: K): number | null {
    const at = this.index.get(key);
    return at === undefined ? null : (this.heap[at]?.dueAt ?? null);
  }

  /** Queues `key` at `dueAt`, or moves it there if already queued (behind others due at the same time). */
  set(key: K, dueAt: number): void {
    const at = this.index.get(key);
    if (at === undefined) {
      this.heap.push({ key, dueAt, seq: this.nextSeq++ });
      this.index.set(key, this.heap.length - 1);
      this.siftUp(this.heap.length - 1);
      this.changed(key, dueAt);
      return;
    }
    const slot = this.slot(at);
    const moved = slot.dueAt !== dueAt;
    slot.dueAt = dueAt;
    slot.seq = this.nextSeq++;
    this.siftUp(at);
    this.siftDown(this.index.get(key) ?? at);
    if (moved) this.changed(key, dueAt);
  }

  delete(key: K): boolean {
    const at = this.index.get(key);
    if (at === undefined) return false;
    this.removeAndTell(at);
    return true;
  }

  peek(): DueItem<K> | undefined {
    return this.heap[0];
  }

  pop(): DueItem<K> | undefined {
    const top = this.heap[0];
    if (top !== undefined) this.removeAndTell(0);
    return top;
  }

  *items(): IterableIterator<DueItem<K>> {
    yield* this.heap;
  }

  /** Every key due at or before `at`, in no particular order: O(number due), whatever the queue's size. */
  *dueBy(at: number): IterableIterator<DueItem<K>> {
    // A child is never due before its parent, so a subtree whose root is not due holds nothing due.
    const stack = this.heap.length > 0 ? [0] : [];
    for (let index = stack.pop(); index !== undefined; index = stack.pop()) {
      const slot = this.slot(index);
      if (slot.dueAt > at) continue;
      yield slot;
      if (2 * index + 1 < this.heap.length) stack.push(2 * index + 1);
      if (2 * index + 2 < this.heap.length) stack.push(2 * index + 2);
    }
  }

  private removeAt(at: number): void {
    const removed = this.slot(at);
    const last = this.heap.pop();
    this.index.delete(removed.key);
    if (last === undefined || last === removed) return;
    this.heap[at] = last;
    this.index.set(last.key, at);
    this.siftUp(at);
    this.siftDown(this.index.get(last.key) ?? at);
  }

  /** Takes the slot at `at` out and tells the hook: the key has no due time any more. */
  private removeAndTell(at: number): void {
    const { key } = this.slot(at);
    this.removeAt(at);
    this.changed(key, null);
  }

  private before(a: Slot<K>, b: Slot<K>): boolean {
    return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq);
  }

  private siftUp(start: number): void {
    let at = start;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.before(this.slot(at), this.slot(parent))) return;
      this.swap(at, parent);
      at = parent;
    }
  }

  private siftDown(start: number): void {
    let at = start;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let best = at;
      if (left < this.heap.length && this.before(this.slot(left), this.slot(best))) best = left;
      if (right < this.heap.length && this.before(this.slot(right), this.slot(best))) best = right;
      if (best === at) return;
      this.swap(at, best);
      at = best;
    }
  }

  private swap(a: number, b: number): void {
    const slotA = this.slot(a);
    const slotB = this.slot(b);
    this.heap[a] = slotB;
    this.heap[b] = slotA;
    this.index.set(slotB.key, a);
    this.index.set(slotA.key, b);
  }

  private slot(at: number): Slot<K> {
    const slot = this.heap[at];
    if (slot === undefined) throw new Error(`DueQueue: no slot at ${at}`);
    return slot;
  }
}
