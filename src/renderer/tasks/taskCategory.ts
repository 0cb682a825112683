import { isTerminalStatus, statusPhase } from '../../shared/taskStatus';
import { taskKindInfo } from '../../shared/taskKinds';
import type { WatchedTask } from '../../shared/watchedTask';

export const TASK_FILTERS = ['all', 'active', 'finished', 'failed'] as const;
export type TaskFilter = (typeof TASK_FILTERS)[number];
export type FilterCounts = Record<TaskFilter, number>;

export const FILTER_TITLES: Record<TaskFilter, string> = {
  all: 'All',
  active: 'Active',
  finished: 'Finished',
  failed: 'Failed',
};

/** Every filter a task passes; "active" holds stopped tasks too, since they still want attention. */
export function filtersOf(task: Pick<WatchedTask, 'status'>): readonly TaskFilter[] {
  if (!isTerminalStatus(task.status)) return ['all', 'active'];
  return task.status !== null && statusPhase(task.status) === 'failed'
    ? ['all', 'finished', 'failed']
    : ['all', 'finished'];
}

export function passesFilter(task: Pick<WatchedTask, 'status'>, filter: TaskFilter): boolean {
  return filtersOf(task).includes(filter);
}

/** Search looks at what the row shows and what a user might paste: label, id, kind and its title. */
export function matchesSearch(task: WatchedTask, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  const haystack = [task.label ?? '', task.taskId, task.kind, taskKindInfo(task.kind).title];
  return haystack.some((text) => text.toLowerCase().includes(needle));
}

export function emptyCounts(): FilterCounts {
  return { all: 0, active: 0, finished: 0, failed: 0 };
}
