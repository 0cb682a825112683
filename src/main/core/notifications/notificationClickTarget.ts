import type { TaskKey } from '../../../shared/watchedTask';
import type { NotificationModel } from './notificationModel';

/**
 * The task a click on a notification brings into view: the task itself, the first of a group (the
 * window lists the others next to it), or none for a key or connection problem, whose banner is at the top.
 */
export function notificationClickTarget(model: NotificationModel): TaskKey | null {
  switch (model.type) {
    case 'task':
    case 'late':
      return model.taskKey;
    case 'group':
      return model.taskKeys[0] ?? null;
    case 'problem':
      return null;
  }
}
