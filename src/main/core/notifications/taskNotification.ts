import { formatDuration } from '../../../shared/format/duration';
import { clipText } from '../../../shared/format/clipText';
import { failureAction } from '../../../shared/format/failureAction';
import { taskDisplayName } from '../../../shared/format/taskLabel';
import {
  kindSuggestionSentences,
  outcomeSentences,
  taskOutcome,
  type OutcomeKind,
} from '../../../shared/format/taskOutcome';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings';
import { TASK_KIND_TABLE } from '../../../shared/taskKinds';
import { isTerminalStatus, statusPhase } from '../../../shared/taskStatus';
import { isStopped, taskKey, type WatchedTask } from '../../../shared/watchedTask';
import type { TaskNotification } from './notificationModel';

/** A status change as the scheduler reports it: `task` already holds the new status. */
export interface TaskStatusChange {
  readonly previousStatus: string | null;
  readonly task: WatchedTask;
}

export type NotificationSettings = Pick<Settings, 'notifyOnSuccess' | 'notifyOnFailure'> &
  Partial<Pick<Settings, 'soundOnSuccess' | 'soundOnFailure'>>;

/** CAMB messages can be whole JSON objects; a notification has room for a line or two. */
const DETAIL_MAX_CHARS = 160;

/** The headline's verb for each way a job can end badly (the words come from the shared outcome). */
const FAILURE_VERBS: Partial<Readonly<Record<OutcomeKind, string>>> = {
  failed: 'failed',
  'timed-out': 'timed out',
  'out-of-credits': 'ran out of credits',
};

function elapsedText(task: WatchedTask): string | null {
  const endedAt = task.finishedAt ?? task.lastCheckAt;
  return endedAt === null ? null : formatDuration(endedAt - task.addedAt);
}

function withElapsed(text: string, task: WatchedTask): string {
  const elapsed = elapsedText(task);
  return elapsed === null ? text : `${text} after ${elapsed}`;
}

/**
 * The notification one status change deserves, or null. Only the step from not-yet-finished into a
 * finished status notifies (a first answer that is already final counts: the user learns it is done);
 * unknown statuses never do, and neither does a muted or already-notified task or a switched-off outcome.
 */
export function notificationForStatusChange(
  change: TaskStatusChange,
  settings: NotificationSettings,
): TaskNotification | null {
  const { task, previousStatus } = change;
  if (task.status === null || !isTerminalStatus(task.status) || isTerminalStatus(previousStatus)) return null;
  if (task.muted || task.notified) return null;

  const phase = statusPhase(task.status);
  const kindTitle = TASK_KIND_TABLE[task.kind].title;
  const taskName = taskDisplayName(task);
  const common = { type: 'task', taskKey: taskKey(task.kind, task.taskId), taskName } as const;

  if (phase === 'succeeded') {
    if (!settings.notifyOnSuccess) return null;
    const run = task.runId === null ? '' : ` (run ${task.runId})`;
    return {
      ...common,
      outcome: 'succeeded',
      sound: settings.soundOnSuccess ?? DEFAULT_SETTINGS.soundOnSuccess,
      title: `${kindTitle} ready`,
      body: withElapsed(`${taskName}${run}`, task),
    };
  }

  if (!settings.notifyOnFailure) return null;
  // What happened and what to do next, in the words the window and the tray use.
  const outcome = taskOutcome(task);
  return {
    ...common,
    outcome: 'failed',
    sound: settings.soundOnFailure ?? DEFAULT_SETTINGS.soundOnFailure,
    title: `${kindTitle} ${FAILURE_VERBS[outcome.kind] ?? 'failed'}`,
    body: `${withElapsed(taskName, task)} — ${clipText(outcomeSentences(outcome), DETAIL_MAX_CHARS)}`,
    fixLabel: failureAction(task)?.label ?? null,
  };
}

/**
 * The notification for a task CAMB.AI will not report on (unknown id, refused id, another account's), once
 * when it stops: what to check, in the list's words, or which kind knows the id when one does.
 */
export function notificationForStop(
  task: WatchedTask,
  settings: NotificationSettings,
): TaskNotification | null {
  if (!isStopped(task) || task.muted || !settings.notifyOnFailure) return null;
  const outcome = taskOutcome(task);
  const advice =
    task.suggestedKind === null
      ? outcomeSentences(outcome)
      : kindSuggestionSentences(task.kind, task.suggestedKind);
  return {
    type: 'task',
    taskKey: taskKey(task.kind, task.taskId),
    taskName: taskDisplayName(task),
    outcome: 'failed',
    sound: settings.soundOnFailure ?? DEFAULT_SETTINGS.soundOnFailure,
    title: `${TASK_KIND_TABLE[task.kind].title} stopped`,
    body: `${taskDisplayName(task)} — ${clipText(advice, DETAIL_MAX_CHARS)}`,
    fixLabel: failureAction(task)?.label ?? null,
  };
}
