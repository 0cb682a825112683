import type { PlannedCheck } from '../../shared/contract';
import type { TaskKey, WatchedTask } from '../../shared/watchedTask';
import { taskKey } from '../../shared/watchedTask';
import { newestFirst } from '../../shared/taskOrder';
import { DurationStore } from './durationStore';
import { changesListing, emptyCounts, filtersOf, type FilterCounts } from './taskCategory';

type Listener = () => void;

function keyOf(task: WatchedTask): TaskKey {
  return taskKey(task.kind, task.taskId);
}

/**
 * The watched tasks as the window knows them. Events change one task at a time, so a change notifies only
 * that task's row; the list is told only when the order, the filter counts or the searchable text moved.
 * That keeps a status tick for one of 1,000 tasks at constant cost.
 */
export class TaskStore {
  private readonly tasks = new Map<TaskKey, WatchedTask>();
  /** When each task is next checked, as the core's scheduler plans it (kept apart: it is never saved). */
  private readonly nextChecks = new Map<TaskKey, number>();
  private order: TaskKey[] = [];
  private counts: FilterCounts = emptyCounts();
  private unseen = 0;
  private version = 0;
  private readonly rowListeners = new Map<TaskKey, Set<Listener>>();
  private readonly listListeners = new Set<Listener>();
  /** How long each kind of job usually takes, for the rows' time-remaining estimates. */
  readonly durations = new DurationStore();
  /**
   * The ending being looked at: seen, but still sorted with the unseen ones while its details stay open,
   * so its row does not jump away from under the cursor as it is read.
   */
  private placeHeld: TaskKey | null = null;
  /** How many times the list was asked to let go of the order it holds while looked at (Mark all seen). */
  private resorts = 0;

  get(key: TaskKey): WatchedTask | undefined {
    return this.tasks.get(key);
  }

  /** When the task is next checked, or null when no check is planned (finished, stopped, in flight). */
  nextCheckAt(key: TaskKey): number | null {
    return this.nextChecks.get(key) ?? null;
  }

  /** The scheduler moved these next checks: only their rows are drawn again. */
  planChecks(planned: readonly PlannedCheck[]): void {
    for (const { key, nextCheckAt } of planned) {
      if (nextCheckAt === null) this.nextChecks.delete(key);
      else this.nextChecks.set(key, nextCheckAt);
      this.rowChanged(key);
    }
  }

  get size(): number {
    return this.tasks.size;
  }

  /** Keys newest first. The array is replaced, never mutated, when the order changes. */
  keys(): readonly TaskKey[] {
    return this.order;
  }

  filterCounts(): FilterCounts {
    return this.counts;
  }

  /** How many jobs ended since the user last looked. */
  unseenCount(): number {
    return this.unseen;
  }

  /** Keeps `key` where the unseen endings are sorted once it is seen; null (or another key) lets go. */
  holdPlace(key: TaskKey | null): void {
    if (key === this.placeHeld) return;
    const released = this.placeHeld;
    this.placeHeld = key;
    if (released !== null) this.listChanged();
  }

  holdsPlace(key: TaskKey): boolean {
    return this.placeHeld === key;
  }

  /** The list sorts itself anew, though the window has focus: the user acted on the whole list. */
  requestResort(): void {
    this.resorts += 1;
    this.listChanged();
  }

  /**
   * Sorts anew once no ending is left unseen: "Mark all seen"'s reply can arrive before the tasks' own
   * changes, and a sort then would keep the unseen-first order it meant to undo.
   */
  requestResortOnceAllSeen(): void {
    if (this.unseenCount() === 0) {
      this.requestResort();
      return;
    }
    const stop = this.subscribeList(() => {
      if (this.unseenCount() !== 0) return;
      stop();
      this.requestResort();
    });
  }

  resortCount(): number {
    return this.resorts;
  }

  /** Changes whenever the list (not just one row) has to be drawn again. */
  listVersion(): number {
    return this.version;
  }

  replaceAll(tasks: readonly WatchedTask[], nextChecks: readonly PlannedCheck[] = []): void {
    const removed = new Set(this.tasks.keys());
    this.tasks.clear();
    this.nextChecks.clear();
    for (const { key, nextCheckAt } of nextChecks)
      if (nextCheckAt !== null) this.nextChecks.set(key, nextCheckAt);
    this.counts = emptyCounts();
    this.unseen = 0;
    for (const task of tasks) {
      const key = keyOf(task);
      removed.delete(key);
      this.tasks.set(key, task);
      this.count(task, 1);
    }
    this.order = [...this.tasks.values()].sort(newestFirst).map(keyOf);
    this.listChanged();
    for (const key of this.tasks.keys()) this.rowChanged(key);
    for (const key of removed) this.rowChanged(key);
  }

  upsert(task: WatchedTask): void {
    const key = keyOf(task);
    const previous = this.tasks.get(key);
    this.tasks.set(key, task);
    if (previous === undefined) {
      this.count(task, 1);
      this.insertInOrder(task);
      this.listChanged();
    } else {
      this.count(previous, -1);
      this.count(task, 1);
      if (changesListing(previous, task)) this.listChanged();
    }
    this.rowChanged(key);
  }

  remove(keys: readonly TaskKey[]): void {
    const gone = new Set<TaskKey>();
    for (const key of keys) {
      const task = this.tasks.get(key);
      if (task === undefined) continue;
      this.tasks.delete(key);
      this.nextChecks.delete(key);
      this.count(task, -1);
      gone.add(key);
    }
    if (gone.size === 0) return;
    this.order = this.order.filter((key) => !gone.has(key));
    this.listChanged();
    for (const key of gone) this.rowChanged(key);
  }

  subscribeRow(key: TaskKey, listener: Listener): () => void {
    let listeners = this.rowListeners.get(key);
    if (listeners === undefined) {
      listeners = new Set();
      this.rowListeners.set(key, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.rowListeners.delete(key);
    };
  }

  subscribeList(listener: Listener): () => void {
    this.listListeners.add(listener);
    return () => this.listListeners.delete(listener);
  }

  private insertInOrder(task: WatchedTask): void {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = this.tasks.get(this.order[middle] as TaskKey);
      // Newest first (shared/taskOrder): the key breaks ties, so the order never depends on arrival.
      if (other !== undefined && newestFirst(other, task) < 0) low = middle + 1;
      else high = middle;
    }
    this.order = [...this.order.slice(0, low), keyOf(task), ...this.order.slice(low)];
  }

  private count(task: WatchedTask, delta: number): void {
    const counts = { ...this.counts };
    for (const filter of filtersOf(task)) counts[filter] += delta;
    this.counts = counts;
    if (task.unseen) this.unseen += delta;
  }

  private listChanged(): void {
    this.version += 1;
    for (const listener of [...this.listListeners]) listener();
  }

  private rowChanged(key: TaskKey): void {
    const listeners = this.rowListeners.get(key);
    if (listeners !== undefined) for (const listener of [...listeners]) listener();
  }
}
