import { taskKindInfo } from '../../shared/taskKinds';
import { compareTasks, type ExpectedFinish, type ListGrouping, type ListOrder } from '../../shared/taskOrder';
import { taskKey, type TaskKey, type WatchedTask } from '../../shared/watchedTask';
import { DAY_MS } from '../../shared/time';

/** One line of the virtual list: a task, or the header of a group (by kind or by day). */
export type ListRow =
  | { readonly type: 'task'; readonly key: TaskKey; readonly position: number }
  | { readonly type: 'header'; readonly key: string; readonly title: string; readonly count: number };

function startOfDay(at: number): number {
  const date = new Date(at);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** "Today", "Yesterday", or the date in the user's words ("Mon 23 Nov"). */
export function dayTitle(day: number, now: number): string {
  const today = startOfDay(now);
  if (day === today) return 'Today';
  if (day === startOfDay(today - DAY_MS / 2)) return 'Yesterday';
  return new Date(day).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
}

interface Group {
  readonly key: string;
  readonly title: string;
  readonly rank: number;
  readonly tasks: WatchedTask[];
}

function groupOf(task: WatchedTask, grouping: Exclude<ListGrouping, 'none'>, now: number) {
  if (grouping === 'kind') return { key: `kind:${task.kind}`, title: taskKindInfo(task.kind).title, rank: 0 };
  // The day it ended, or the day it was added while it runs.
  const day = startOfDay(task.finishedAt ?? task.addedAt);
  return { key: `day:${day}`, title: dayTitle(day, now), rank: -day };
}

export interface ListArrangement {
  /** The tasks shown, in order: what arrow keys and ranges walk over. */
  readonly keys: TaskKey[];
  readonly rows: ListRow[];
}

/**
 * The shown tasks sorted in the chosen order, with group headers when grouping is on. Kinds come in the
 * order their most pressing task has; days newest first.
 */
export function arrangeTasks(
  tasks: readonly WatchedTask[],
  order: ListOrder,
  grouping: ListGrouping,
  now: number,
  expectedFinish?: ExpectedFinish,
): ListArrangement {
  const sorted = [...tasks].sort(compareTasks(order, expectedFinish));
  if (grouping === 'none') {
    const keys = sorted.map((task) => taskKey(task.kind, task.taskId));
    return { keys, rows: keys.map((key, position) => ({ type: 'task', key, position })) };
  }
  const groups = new Map<string, Group>();
  for (const task of sorted) {
    const found = groupOf(task, grouping, now);
    let group = groups.get(found.key);
    if (group === undefined) {
      group = { ...found, tasks: [] };
      groups.set(found.key, group);
    }
    group.tasks.push(task);
  }
  const keys: TaskKey[] = [];
  const rows: ListRow[] = [];
  // A stable sort: equal ranks (kinds) keep the order of their first task.
  for (const group of [...groups.values()].sort((a, b) => a.rank - b.rank)) {
    rows.push({ type: 'header', key: `group-${group.key}`, title: group.title, count: group.tasks.length });
    for (const task of group.tasks) {
      const key = taskKey(task.kind, task.taskId);
      rows.push({ type: 'task', key, position: keys.length });
      keys.push(key);
    }
  }
  return { keys, rows };
}
