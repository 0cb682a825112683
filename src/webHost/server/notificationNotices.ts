import type { AppHost, NoticeLevel } from '../../main/core/appHost';
import type { NotificationModel } from '../../main/core/notifications';
import type { WatchService } from '../../main/core/watchService';
import type { TaskKey } from '../../shared/watchedTask';

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

/** A browser tab has no tray and no desktop notifications: the core's notifications become notices. */
export function showNotificationsAsNotices(service: WatchService, host: AppHost): () => void {
  return service.on('notification', ({ notification }) =>
    host.notice(levelOf(notification), `${notification.title}: ${notification.body}`, keyOf(notification)),
  );
}
