import type { TaskKey } from '../../../shared/watchedTask';
import type { NotificationModel } from './notificationModel';

/** What a button in a desktop notification asks the app to do with the notification's task. */
export type NotificationActionId = 'open-result' | 'download';

export interface NotificationAction {
  readonly id: NotificationActionId;
  /** The button's words. */
  readonly label: string;
}

/**
 * The buttons a notification offers: a job that succeeded can be opened or downloaded from where the
 * notification is; anything else is only clicked (it opens the window on the task or the banner).
 */
export function notificationActions(model: NotificationModel): readonly NotificationAction[] {
  if (model.type !== 'task' || model.outcome !== 'succeeded') return [];
  return [
    { id: 'open-result', label: 'Open result' },
    { id: 'download', label: 'Download' },
  ];
}

/**
 * Whether notifications on this system show action buttons. Electron 45 documents `button` actions for
 * macOS and Windows only (docs/api/structures/notification-action.md, "Platform / Action Support"); on
 * Linux it sends libnotify no actions and tells the app nothing of what the daemon can do, so none are
 * offered there (a click still opens the task).
 */
export function notificationActionsShown(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}

/** An action the user picked in a notification, as the contract action the app carries out for it. */
export function notificationActionRequest(
  id: NotificationActionId,
  taskKey: TaskKey,
): { readonly channel: 'openResult' | 'downloadResult'; readonly payload: { readonly key: TaskKey } } {
  return { channel: id === 'open-result' ? 'openResult' : 'downloadResult', payload: { key: taskKey } };
}
