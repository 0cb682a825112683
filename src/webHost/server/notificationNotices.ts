import type { AppHost, NoticeLevel } from '../../main/core/appHost';
import type { NotificationModel } from '../../main/core/notifications';
import type { WatchService } from '../../main/core/watchService';
import type { NoticeTopic } from '../../shared/format/noticeTopics';
import { isStopped, type TaskKey } from '../../shared/watchedTask';

function levelOf(notification: NotificationModel): NoticeLevel {
  switch (notification.type) {
    case 'task':
      return notification.outcome === 'succeeded' ? 'success' : 'error';
    // A group may mix successes and failures; its body says which.
    case 'group':
      return 'info';
    case 'problem':
    case 'late':
      return 'warning';
  }
}

function keyOf(notification: NotificationModel): TaskKey | null {
  return notification.type === 'task' || notification.type === 'late' ? notification.taskKey : null;
}

/**
 * A notice in plain words, at most a line or two: "Dub ready: Trailer (Spanish)". The run id and the time
 * it took are for the details, not for a glance. A summary whose body already names what it sums up
 * ("3 jobs finished while Do not disturb was on: …") is said once, not after its own title.
 */
export function noticeText(notification: NotificationModel): string {
  if (notification.type === 'task') return `${notification.title}: ${notification.taskName}`;
  if (notification.body.toLowerCase().includes(notification.title.toLowerCase())) return notification.body;
  return `${notification.title}: ${notification.body}`;
}

/** Which kind of event a notice tells, so that a burst of them becomes one ("12 jobs stopped"). */
function topicOf(notification: NotificationModel, service: WatchService): NoticeTopic | null {
  if (notification.type !== 'task') return null;
  if (notification.outcome === 'succeeded') return 'ready';
  const task = service.get(notification.taskKey);
  return task !== undefined && isStopped(task) ? 'stopped' : 'failed';
}

/** A browser tab has no tray and no desktop notifications: the core's notifications become notices. */
export function showNotificationsAsNotices(service: WatchService, host: AppHost): () => void {
  return service.on('notification', ({ notification }) =>
    host.notice(
      levelOf(notification),
      noticeText(notification),
      keyOf(notification),
      topicOf(notification, service),
    ),
  );
}
