import { estimateRemaining, taskEstimate, type DurationModels } from '../../../shared/durations';
import { formatDuration } from '../../../shared/format/duration';
import { saysLongerThanUsual, usualDurationText } from '../../../shared/format/estimateText';
import { taskDisplayName } from '../../../shared/format/taskLabel';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { TASK_KIND_TABLE } from '../../../shared/taskKinds';
import { isWatching, taskKey, type TaskKey, type WatchedTask } from '../../../shared/watchedTask';
import type { LateNotification } from './notificationModel';
import type { NotificationSettings } from './taskNotification';

/**
 * "Taking longer than usual": told once per job, when an answer shows a job still running past what nine
 * in ten jobs of its kind took here (from 3 finished runs of the kind on: the rows' own rule, see
 * saysLongerThanUsual), so the user can look in CAMB.AI's studio or keep waiting. A job CAMB.AI never
 * answered is not late, it is unanswered: the rows say "Waiting for CAMB.AI" and the problem banners speak.
 */
export function lateNotification(
  task: WatchedTask,
  models: DurationModels,
  now: number,
  settings: NotificationSettings,
): LateNotification | null {
  if (!isWatching(task) || task.status === null || task.muted || !settings.notifyOnFailure) return null;
  const estimate = taskEstimate(task, models, now);
  if (estimate === null || !saysLongerThanUsual(estimate)) return null;
  const usual = usualDurationText(task.kind, estimateRemaining(models[task.kind], 0));
  const name = taskDisplayName(task);
  return {
    type: 'late',
    taskKey: taskKey(task.kind, task.taskId),
    taskName: name,
    title: `${TASK_KIND_TABLE[task.kind].title} taking longer than usual`,
    body: `${name} has run ${formatDuration(now - task.addedAt, { units: 1 })}; ${usual.charAt(0).toLowerCase()}${usual.slice(1)}. CAMB.AI still says it is running.`,
    sound: settings.soundOnFailure ?? DEFAULT_SETTINGS.soundOnFailure,
    actions: ['open-studio', 'keep-waiting'],
  };
}

/**
 * Remembers which jobs were told to be late, so each is told once. Kept in memory: after a restart a job
 * still running late is told once more, which a restart's fresh start can afford.
 */
export function createLateAlerts() {
  const told = new Set<TaskKey>();
  return {
    /** The alert `task` deserves now, once; null when it is not late or was told already. */
    check(
      task: WatchedTask,
      models: DurationModels,
      now: number,
      settings: NotificationSettings,
    ): LateNotification | null {
      const key = taskKey(task.kind, task.taskId);
      if (told.has(key)) return null;
      const notification = lateNotification(task, models, now, settings);
      if (notification !== null) told.add(key);
      return notification;
    },
  };
}
