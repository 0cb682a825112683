import type { WatchedTask } from '../../shared/watchedTask';

/** What went wrong with a task, in one line: CAMB's reason and message, or why checking stopped or stalled. */
export function taskProblem(task: WatchedTask): string | null {
  const failure = [task.exceptionReason, task.message].filter((part) => part !== null && part !== '');
  if (failure.length > 0 && task.status !== 'SUCCESS' && task.status !== 'PENDING') return failure.join(': ');
  return task.stoppedReason ?? task.lastProblem;
}
