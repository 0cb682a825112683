import { plural } from '../../../shared/format/sentence';
import type { NotificationSound } from '../../../shared/settings';
import type { GroupNotification, TaskNotification } from './notificationModel';
import {
  notificationForStatusChange,
  type NotificationSettings,
  type TaskStatusChange,
} from './taskNotification';

/**
 * From this many finishes in one poll round on, they become one notification. Two still show apart:
 * each names its task, which is worth more than saving one pop-up.
 */
export const GROUP_FROM = 3;

const NAMES_SHOWN = 3;

function namesText(names: readonly string[]): string {
  const shown = names.slice(0, NAMES_SHOWN);
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/** How several notifications sound as one: a failure's sound when one failed, else the first one's. */
export function soundOfGroup(notifications: readonly TaskNotification[]): NotificationSound {
  const failed = notifications.find((n) => n.outcome === 'failed');
  return (failed ?? notifications[0])?.sound ?? 'system';
}

function summarise(notifications: readonly TaskNotification[]): GroupNotification {
  const ready = notifications.filter((n) => n.outcome === 'succeeded').length;
  const failed = notifications.length - ready;
  const counts = [ready > 0 ? `${ready} ready` : '', failed > 0 ? `${failed} failed` : ''].filter(
    (c) => c !== '',
  );
  return {
    type: 'group',
    taskKeys: notifications.map((n) => n.taskKey),
    failedKeys: notifications.filter((n) => n.outcome === 'failed').map((n) => n.taskKey),
    title: `${plural(notifications.length, 'job')} finished`,
    body: `${counts.join(', ')} — ${namesText(notifications.map((n) => n.taskName))}`,
    sound: soundOfGroup(notifications),
  };
}

/**
 * The notifications of one poll round, ready to show: as they are when few, as one summary when many,
 * so a burst of finishes never floods the desktop.
 */
export function groupNotifications(
  notifications: readonly TaskNotification[],
  groupFrom: number = GROUP_FROM,
): readonly (TaskNotification | GroupNotification)[] {
  return notifications.length >= Math.max(2, groupFrom) ? [summarise(notifications)] : notifications;
}

/** Everything one poll round has to say about its status changes, already grouped. */
export function notificationsForRound(
  changes: readonly TaskStatusChange[],
  settings: NotificationSettings,
  groupFrom: number = GROUP_FROM,
): readonly (TaskNotification | GroupNotification)[] {
  const notifications = changes
    .map((change) => notificationForStatusChange(change, settings))
    .filter((n): n is TaskNotification => n !== null);
  return groupNotifications(notifications, groupFrom);
}
