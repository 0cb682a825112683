import { taskOutcome } from '../../shared/format/taskOutcome';
import { statusPhase } from '../../shared/taskStatus';
import { taskKindInfo } from '../../shared/taskKinds';
import { orderSignature } from '../../shared/taskOrder';
import { isWatching, wantsAttention, type WatchedTask } from '../../shared/watchedTask';

type CategoryFacts = Pick<WatchedTask, 'status' | 'stoppedReason'>;

export const TASK_FILTERS = ['all', 'active', 'finished', 'failed', 'succeeded'] as const;
export type TaskFilter = (typeof TASK_FILTERS)[number];
export type FilterCounts = Record<TaskFilter, number>;

export const FILTER_TITLES: Record<TaskFilter, string> = {
  all: 'All',
  active: 'Active',
  finished: 'Finished',
  failed: 'Failed',
  succeeded: 'Succeeded',
};

/**
 * Every filter a task passes. A task stopped by CAMB.AI (unknown, refused, no access) is not active: it is
 * no longer checked and wants attention, so it goes with the failed ones (and "Clear finished" offers it).
 */
export function filtersOf(task: CategoryFacts): readonly TaskFilter[] {
  if (isWatching(task)) return ['all', 'active'];
  if (wantsAttention(task)) return ['all', 'finished', 'failed'];
  return task.status !== null && statusPhase(task.status) === 'succeeded'
    ? ['all', 'finished', 'succeeded']
    : ['all', 'finished'];
}

export function passesFilter(task: CategoryFacts, filter: TaskFilter): boolean {
  return filtersOf(task).includes(filter);
}

/**
 * Search looks at what the row shows and what a user might paste: label, id, kind and its title, the
 * status in words ("timed out", "ready"), why it failed or stopped, and the run id.
 */
export function matchesSearch(task: WatchedTask, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  const outcome = taskOutcome(task);
  const haystack = [
    task.label ?? '',
    task.taskId,
    task.kind,
    taskKindInfo(task.kind).title,
    outcome.word,
    outcome.summary,
    task.exceptionReason ?? '',
    task.message ?? '',
    task.stoppedReason ?? '',
    task.runId === null ? '' : String(task.runId),
  ];
  return haystack.some((text) => text.toLowerCase().includes(needle));
}

/** Whether a change to a task can move it in the list or change what search finds in it. */
export function changesListing(before: WatchedTask, after: WatchedTask): boolean {
  return (
    filtersOf(before).join() !== filtersOf(after).join() ||
    before.label !== after.label ||
    before.status !== after.status ||
    before.runId !== after.runId ||
    before.exceptionReason !== after.exceptionReason ||
    before.message !== after.message ||
    before.stoppedReason !== after.stoppedReason ||
    orderSignature(before) !== orderSignature(after)
  );
}

export function emptyCounts(): FilterCounts {
  return { all: 0, active: 0, finished: 0, failed: 0, succeeded: 0 };
}
