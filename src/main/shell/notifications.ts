import { Notification } from 'electron';
import type { NotificationSound } from '../../shared/settings';
import type { TaskKey } from '../../shared/watchedTask';
import type { Logger } from '../core/logging';
import { notificationClickTarget } from '../core/notifications';
import { MAX_KEPT_NOTIFICATIONS, releasesOnClose } from '../core/notifications';
import { soundPlan } from '../core/notifications';
import { activationTarget, windowsToastXml } from '../core/notifications';
import {
  notificationActions,
  notificationActionsShown,
  type NotificationAction,
  type NotificationActionId,
} from '../core/notifications';
import type { NotificationActionOutcome } from '../core/appHost';
import type { FreedesktopNotifier } from '../core/freedesktopNotifications';
import type { WatchService } from '../core/watchService';

export interface DesktopNotice {
  readonly title: string;
  readonly body: string;
  /** The task a click shows; null opens the window as it is. */
  readonly taskKey: TaskKey | null;
  /** As the user chose for the outcome; the desktop's own sound when not given (the shell's confirmations). */
  readonly sound?: NotificationSound;
  /** Buttons (a ready job's Open result, Download, Copy link; a failure's fix); where the system has them. */
  readonly actions?: readonly NotificationAction[];
}

export interface DesktopNotifications {
  show(notice: DesktopNotice): void;
  dispose(): void;
}

export interface DesktopNotificationOptions {
  readonly service: WatchService;
  readonly iconPath?: string;
  readonly logger: Logger;
  /** Shows the window; on the given task when there is one. */
  readonly onClick: (key: TaskKey | null) => void;
  /**
   * A notification's button was pressed: the core carries the action out on the task and says what came
   * of it (a link copied, a job no longer watched), which is told as a notification of its own.
   */
  readonly runAction?: (key: TaskKey, action: NotificationActionId) => Promise<NotificationActionOutcome>;
  /** Plays the app's chime beside a silent notification. */
  readonly playChime?: () => void;
  /**
   * Linux: the app's own notifications over D-Bus, with buttons, where the daemon shows them (the core's
   * freedesktopNotifications); given the click and button handlers. Null elsewhere, and Electron's
   * Notification shows every notice the notifier does not take.
   */
  readonly overDbus?: (handlers: {
    readonly onClick: (key: TaskKey | null) => void;
    readonly onAction: (key: TaskKey, action: NotificationActionId) => void;
  }) => FreedesktopNotifier | null;
}

/**
 * Windows: a click on a toast whose Notification is alive in this run comes as its `click` (Windows raises
 * the in-process Activated event); one on a toast of an earlier run, or one that starts the app, comes
 * through Notification.handleActivation with the toast's launch arguments (windowsToast.ts).
 */
const isWindows = process.platform === 'win32';

/**
 * Desktop notifications from the core's notification policy, plus the shell's own confirmations. Shown
 * notifications are held until they are done with (releasesOnClose): a collected Notification loses its
 * click handler. On Windows a click on a toast in the Action Center from an earlier run comes through the
 * activation handler instead, with the task written in the toast's launch arguments. On Linux the core's
 * D-Bus notifier (overDbus) shows them first, with buttons; Electron shows what it does not take.
 */
export function createDesktopNotifications(options: DesktopNotificationOptions): DesktopNotifications {
  const alive = new Set<Notification>();
  const runAction = (key: TaskKey, id: NotificationActionId) => {
    void options.runAction?.(key, id).then((outcome) => {
      if (!outcome.ok) options.logger.info('A notification button did nothing', { action: id });
      if (outcome.message !== '') show({ title: 'CAMB Watch', body: outcome.message, taskKey: null });
    });
  };
  if (isWindows)
    Notification.handleActivation((details) => {
      const target = activationTarget(details.arguments);
      if (target === undefined) {
        options.logger.info('A notification activation that is not ours was ignored', { type: details.type });
        return;
      }
      // A button of a toast (alive or from an earlier run): Windows hands its arguments over here.
      if (target.action !== undefined && target.taskKey !== null) runAction(target.taskKey, target.action);
      else options.onClick(target.taskKey);
    });

  const showThroughElectron = (notice: DesktopNotice) => {
    if (!Notification.isSupported()) {
      options.logger.info('Desktop notifications are not supported here', { title: notice.title });
      return;
    }
    const sound = soundPlan(notice.sound ?? 'system');
    const { iconPath } = options;
    const { taskKey } = notice;
    // The first ones, as many as this system shows (none on Linux: notificationActionsShown says why).
    const actions =
      taskKey === null ? [] : (notice.actions ?? []).slice(0, notificationActionsShown(process.platform));
    const notification = new Notification({
      title: notice.title,
      body: notice.body,
      silent: sound.silent,
      ...(iconPath === undefined ? {} : { icon: iconPath }),
      // macOS: buttons from `actions`, pressed as the `action` event (docs/api/notification.md). Windows
      // writes its buttons into the toast below, whose arguments come to handleActivation.
      ...(!isWindows && actions.length > 0
        ? { actions: actions.map((action) => ({ type: 'button' as const, text: action.label })) }
        : {}),
      ...(isWindows
        ? {
            toastXml: windowsToastXml({
              ...notice,
              ...(iconPath === undefined ? {} : { iconPath }),
              silent: sound.silent,
              actions,
            }),
          }
        : {}),
    });
    const release = () => alive.delete(notification);
    notification.on('action', (details, legacyIndex) => {
      // Electron 45 gives the index in `details.actionIndex`; the positional argument is deprecated.
      const action = actions[details.actionIndex ?? legacyIndex];
      if (action !== undefined && taskKey !== null) runAction(taskKey, action.id);
    });
    notification.on('click', () => {
      release();
      options.onClick(notice.taskKey);
    });
    // 'show' is Electron's word that the OS took the notification (not that it was seen: the OS's own Do
    // Not Disturb still takes it); the chime goes with it, and not with one that failed.
    notification.on('show', () => {
      if (sound.playChime) options.playChime?.();
    });
    notification.on('close', (details) => {
      if (releasesOnClose(process.platform, details.reason)) release();
    });
    notification.on('failed', (_event, error) => {
      release();
      options.logger.warn('A desktop notification could not be shown', { error });
    });
    alive.add(notification);
    // Set iteration is in insertion order: the oldest kept notification goes first.
    for (const old of alive) {
      if (alive.size <= MAX_KEPT_NOTIFICATIONS) break;
      alive.delete(old);
    }
    notification.show();
  };

  const freedesktop = options.overDbus?.({ onClick: options.onClick, onAction: runAction }) ?? null;
  const show = (notice: DesktopNotice) => {
    if (freedesktop === null) {
      showThroughElectron(notice);
      return;
    }
    const sound = soundPlan(notice.sound ?? 'system');
    void freedesktop
      .show({ ...notice, silent: sound.silent, actions: notice.actions ?? [] })
      .then((shown) => {
        // Taken by the daemon (what Electron's 'show' says of its own): the chime goes with it.
        if (!shown) showThroughElectron(notice);
        else if (sound.playChime) options.playChime?.();
      });
  };

  const stop = options.service.on('notification', ({ notification }) =>
    show({
      title: notification.title,
      body: notification.body,
      taskKey: notificationClickTarget(notification),
      sound: notification.sound ?? 'system',
      actions: notificationActions(notification),
    }),
  );
  return {
    show,
    dispose() {
      stop();
      alive.clear();
      freedesktop?.dispose();
    },
  };
}
