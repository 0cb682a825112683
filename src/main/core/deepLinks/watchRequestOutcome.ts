import { taskDisplayName } from '../../../shared/format/taskLabel';
import type { InvokeResponse } from '../../../shared/contract';
import { TASK_KIND_TABLE } from '../../../shared/taskKinds';
import { taskKey, type TaskKey } from '../../../shared/watchedTask';
import type { WatchRequest } from './parseWatchLink';

/** How the app confirms a task added from outside the window: a notification and a notice in the window. */
export interface WatchConfirmation {
  readonly level: 'success' | 'info' | 'error';
  readonly title: string;
  readonly body: string;
  /** The task a click on the notification should show; null when nothing was added. */
  readonly taskKey: TaskKey | null;
}

export function confirmWatchRequest(
  request: WatchRequest,
  outcome: InvokeResponse<'addTask'>,
): WatchConfirmation {
  const kindTitle = TASK_KIND_TABLE[request.kind].title;
  if (!outcome.ok) {
    return {
      level: 'error',
      title: `Could not watch that ${kindTitle.toLowerCase()}`,
      body: outcome.error,
      taskKey: null,
    };
  }
  const name = taskDisplayName(outcome.task);
  const key = taskKey(outcome.task.kind, outcome.task.taskId);
  return outcome.added
    ? {
        level: 'success',
        title: `Watching ${kindTitle.toLowerCase()}`,
        body: `${name}: you will be told when it finishes.`,
        taskKey: key,
      }
    : {
        level: 'info',
        title: `Already watching`,
        body: `${name} was already on the watch list.`,
        taskKey: key,
      };
}

/** A launch argument or link that could not be read. */
export function confirmUnreadableRequest(problem: string): WatchConfirmation {
  return { level: 'error', title: 'Could not watch that task', body: problem, taskKey: null };
}
