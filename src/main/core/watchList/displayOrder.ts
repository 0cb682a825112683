import { newestFirst } from '../../../shared/taskOrder';
import { taskKey, type TaskKey, type WatchedTask } from '../../../shared/watchedTask';

/**
 * The watch list's display order, newest first as shared/taskOrder defines it, kept as keys oldest first
 * so that adding the newest task appends. A task added out of order is put in its place by a binary
 * search, and a removal filters the keys out: no change costs a sort, whatever the list's size.
 */
export class DisplayOrder {
  /** Oldest first; null after a reset, until next asked for. */
  private oldestFirst: TaskKey[] | null;

  /** `tasks` as loaded: sorted once here, then kept in order change by change. */
  constructor(private readonly tasks: ReadonlyMap<TaskKey, WatchedTask>) {
    this.oldestFirst = oldestFirst(tasks);
  }

  /** `task` is about to be put in the list (call before the map holds it). */
  adding(key: TaskKey, task: WatchedTask): void {
    const keys = this.oldestFirst;
    if (keys === null || this.tasks.has(key)) return;
    // Where the first key that comes after `task` in display order (older, or a later key) ends.
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = this.tasks.get(keys[middle] as TaskKey);
      if (other !== undefined && newestFirst(other, task) > 0) low = middle + 1;
      else high = middle;
    }
    if (low === keys.length) keys.push(key);
    else keys.splice(low, 0, key);
  }

  /** These keys left the list (call after the map lost them). */
  removed(keys: readonly TaskKey[]): void {
    if (this.oldestFirst === null || keys.length === 0) return;
    const gone = new Set(keys);
    this.oldestFirst = this.oldestFirst.filter((key) => !gone.has(key));
  }

  /** The list changed in ways not told (an undone action): the order is rebuilt when next asked for. */
  reset(): void {
    this.oldestFirst = null;
  }

  /** The tasks, newest first. */
  list(): WatchedTask[] {
    this.oldestFirst ??= oldestFirst(this.tasks);
    const listed: WatchedTask[] = [];
    for (let i = this.oldestFirst.length - 1; i >= 0; i--) {
      const task = this.tasks.get(this.oldestFirst[i] as TaskKey);
      if (task !== undefined) listed.push(task);
    }
    return listed;
  }
}

/** The keys oldest first; the saved order usually is this order already, so the sort is usually skipped. */
function oldestFirst(tasks: ReadonlyMap<TaskKey, WatchedTask>): TaskKey[] {
  const listed = [...tasks.values()];
  const inOrder = listed.every((task, i) => i === 0 || newestFirst(listed[i - 1] as WatchedTask, task) > 0);
  if (!inOrder) listed.sort((a, b) => newestFirst(b, a));
  return listed.map((task) => taskKey(task.kind, task.taskId));
}
