import { CAMB_STUDIO_URL } from '../../../shared/cambStudio';
import { failureAction, type FailureFacts } from '../../../shared/format/failureAction';
import type { TaskKind } from '../../../shared/taskKinds';
import type { TaskKey } from '../../../shared/watchedTask';
import type { LateAlertAction, NotificationModel } from './notificationModel';

/**
 * What a button in a desktop notification asks the app to do with the notification's task. `fix-failure`
 * is a failed or stopped job's one action (Top up credits, Open in CAMB.AI studio, Switch to dub), worked
 * out again from the task when pressed by shared/format/failureAction, the home the window's button reads.
 */
export type NotificationActionId = 'open-result' | 'download' | 'copy-link' | 'fix-failure' | LateAlertAction;

/** Every button's id, for reading one back from the OS (a Windows toast's activation arguments). */
export const NOTIFICATION_ACTION_IDS: readonly NotificationActionId[] = [
  'open-result',
  'download',
  'copy-link',
  'fix-failure',
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
 * The buttons a notification offers, the most useful first: macOS shows the first as the button and the
 * rest under it (docs/api/structures/notification-action.md "Platform / Action Support": "Only the first
 * one is used as primary; others shown as additional actions"), and a system that shows fewer cuts the
 * end. A ready job: Open result, Download, Copy link. A failed or stopped one: its one action, when it has
 * one. A late one: Open in studio, Keep waiting. Anything else is only clicked (the window, on the task).
 */
export function notificationActions(model: NotificationModel): readonly NotificationAction[] {
  // A late job: look at it in the studio, or keep waiting (it is told once, so that only closes it).
  if (model.type === 'late') return model.actions.map((id) => ({ id, label: LATE_ALERT_LABELS[id] }));
  if (model.type !== 'task') return [];
  if (model.outcome === 'failed')
    return model.fixLabel === undefined || model.fixLabel === null
      ? []
      : [{ id: 'fix-failure', label: model.fixLabel }];
  return [
    { id: 'open-result', label: 'Open result' },
    { id: 'download', label: 'Download' },
    { id: 'copy-link', label: 'Copy link' },
  ];
}

/**
 * How many buttons a notification shows on this system; the app offers no more than that, the first ones.
 * Electron 45 documents `button` actions for macOS and Windows only (docs/api/structures/
 * notification-action.md). Windows: the toast is the app's own (`toastXml`, windowsToast.ts), and a toast
 * holds at most 5 `<action>` elements (Microsoft's toast content schema, "actions": "up to 5"). macOS:
 * every action is kept (the first as the button, the others behind it). Linux: Electron 45 sends libnotify
 * only the invisible "default" action, and only when the daemon lists the "actions" capability
 * (shell/browser/notifications/linux/libnotify_notification.cc, NotifierSupportsActions and Show: "adding
 * a notification action" is `notify_notification_add_action(…, "default", "View", …)`); the app's buttons
 * never reach the daemon and Electron does not tell the app what the daemon can do. So none through
 * Electron there: a click opens the task (on a daemon without "actions", Electron hears no click at all).
 * Where the daemon lists "actions", the app shows its notifications itself over D-Bus with every button
 * (core/freedesktopNotifications), and Electron's Notification only where it does not.
 */
export function notificationActionsShown(platform: NodeJS.Platform): number {
  if (platform === 'win32') return 5;
  if (platform === 'darwin') return Number.POSITIVE_INFINITY;
  return 0;
}

/** What pressing a button comes to, for the app host to carry out (notificationActionRunner). */
export type NotificationActionPlan =
  | { readonly type: 'open-result' | 'download' | 'copy-link'; readonly key: TaskKey }
  | { readonly type: 'open-link'; readonly url: string }
  | { readonly type: 'switch-kind'; readonly key: TaskKey; readonly kind: TaskKind }
  /** Keep waiting: the notification closes, nothing else. */
  | { readonly type: 'close' }
  /** The task is no longer watched, or no longer needs the fix: nothing is done, and the sentence says so. */
  | { readonly type: 'refused'; readonly message: string };

/**
 * What a pressed button asks for, decided against the task as it is now (`undefined`: removed since the
 * notification was shown). A press can come long after: a toast in Windows' Action Center, a notification
 * left in macOS' Notification Center, even from an earlier run of the app.
 */
export function notificationActionPlan(
  id: NotificationActionId,
  taskKey: TaskKey,
  task: FailureFacts | undefined,
): NotificationActionPlan {
  if (id === 'keep-waiting') return { type: 'close' };
  if (task === undefined)
    return {
      type: 'refused',
      message: 'That job is no longer in your watch list, so nothing was done. Add it again to act on it.',
    };
  switch (id) {
    case 'open-result':
    case 'download':
    case 'copy-link':
      return { type: id, key: taskKey };
    case 'open-studio':
      return { type: 'open-link', url: CAMB_STUDIO_URL };
    case 'fix-failure': {
      const fix = failureAction(task);
      if (fix === null)
        return { type: 'refused', message: 'That job has changed since, and needs nothing from you now.' };
      return fix.type === 'open-link'
        ? { type: 'open-link', url: fix.url }
        : { type: 'switch-kind', key: taskKey, kind: fix.kind };
    }
  }
}
