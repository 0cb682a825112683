import { statusPhase } from '../../shared/taskStatus';
import { taskKindInfo } from '../../shared/taskKinds';
import { isStopped, isWatching, type WatchedTask } from '../../shared/watchedTask';

type CategoryFacts = Pick<WatchedTask, 'status' | 'stoppedReason'>;

export const TASK_FILTERS = ['all', 'active', 'finished', 'failed'] as const;
export type TaskFilter = (typeof TASK_FILTERS)[number];
export type FilterCounts = Record<TaskFilter, number>;

export const FILTER_TITLES: Record<TaskFilter, string> = {
  all: 'All',
  active: 'Active',
  finished: 'Finished',
  failed: 'Failed',
};

/**
 * Every filter a task passes. A task stopped by CAMB.AI (unknown, refused, no access) is not active: it is
 * no longer checked and wants attention, so it goes with the failed ones (and "Clear finished" offers it).
 */
export function filtersOf(task: CategoryFacts): readonly TaskFilter[] {
  if (isWatching(task)) return ['all', 'active'];
  const failed = isStopped(task) || (task.status !== null && statusPhase(task.status) === 'failed');
  return failed ? ['all', 'finished', 'failed'] : ['all', 'finished'];
}

export function passesFilter(task: CategoryFacts, filter: TaskFilter): boolean {
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
