import { CAMB_STUDIO_URL } from '../../../shared/cambStudio';
import type { TaskKey } from '../../../shared/watchedTask';
import type { LateAlertAction, NotificationModel } from './notificationModel';

/** What a button in a desktop notification asks the app to do with the notification's task. */
export type NotificationActionId = 'open-result' | 'download' | LateAlertAction;

/** Every button's id, for reading one back from the OS (a Windows toast's activation arguments). */
export const NOTIFICATION_ACTION_IDS: readonly NotificationActionId[] = [
  'open-result',
  'download',
  'open-studio',
  'keep-waiting',
];

const LATE_ALERT_LABELS: Readonly<Record<LateAlertAction, string>> = {
  'open-studio': 'Open in CAMB.AI studio',
  'keep-waiting': 'Keep waiting',
};

export interface NotificationAction {
  readonly id: NotificationActionId;
  /** The button's words. */
  readonly label: string;
}

/**
 * The buttons a notification offers: a job that succeeded can be opened or downloaded from where the
 * notification is, a late one looked at in the studio; anything else is only clicked (it opens the window
 * on the task or the banner).
 */
export function notificationActions(model: NotificationModel): readonly NotificationAction[] {
  // A late job: look at it in the studio, or keep waiting (it is told once, so that only closes it).
  if (model.type === 'late') return model.actions.map((id) => ({ id, label: LATE_ALERT_LABELS[id] }));
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

/** A contract action the app carries out for a notification's button. */
export type NotificationActionRequest =
  | { readonly channel: 'openResult' | 'downloadResult'; readonly payload: { readonly key: TaskKey } }
  | { readonly channel: 'openExternalLink'; readonly payload: { readonly url: string } };

/**
 * An action the user picked in a notification, as the contract action the app carries out for it; null
 * when the button only closes the notification ("Keep waiting").
 */
export function notificationActionRequest(
  id: NotificationActionId,
  taskKey: TaskKey,
): NotificationActionRequest | null {
  switch (id) {
    case 'open-result':
      return { channel: 'openResult', payload: { key: taskKey } };
    case 'download':
      return { channel: 'downloadResult', payload: { key: taskKey } };
    case 'open-studio':
      return { channel: 'openExternalLink', payload: { url: CAMB_STUDIO_URL } };
    case 'keep-waiting':
      return null;
  }
}
