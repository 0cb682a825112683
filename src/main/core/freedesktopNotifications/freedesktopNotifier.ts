import type { TaskKey } from '../../../shared/watchedTask';
import type { Clock } from '../clock';
import type { Logger } from '../logging';
import { MAX_KEPT_NOTIFICATIONS, type NotificationActionId } from '../notifications';
import {
  NoAnswerError,
  openNotificationsBus,
  type NotificationSignal,
  type NotificationsBus,
} from './notificationsBus';
import { DEFAULT_ACTION_KEY, notifyArguments, type FreedesktopNotice } from './notifyRequest';

/**
 * Linux notifications with buttons. Electron's own Linux notification sends libnotify no buttons: it adds
 * only the invisible "default" action, and only when the daemon lists the "actions" capability
 * (electron/electron shell/browser/notifications/linux/libnotify_notification.cc, lines 49–54
 * NotifierSupportsActions and 128–133 in Show; the same at v45.0.0-nightly.20260821). So where the
 * session bus's notification daemon lists "actions" (GNOME Shell, KDE Plasma, dunst, mako, XFCE's), the app
 * shows its notifications itself over D-Bus, with the buttons macOS and Windows show; anywhere else
 * (no session bus, no daemon, a daemon without "actions" such as Notify-OSD, one that fails or does not
 * answer) `show` says no and the shell shows Electron's notification, as before.
 */
export interface FreedesktopNotifier {
  /** True: shown over D-Bus. False: not, and it will not be; show it through Electron instead. */
  show(notice: FreedesktopNotice): Promise<boolean>;
  /** Lets go of the bus (the notifications stay on screen, as Electron's do when the app quits). */
  dispose(): void;
}

export interface FreedesktopNotifierOptions {
  readonly platform: NodeJS.Platform;
  /** DBUS_SESSION_BUS_ADDRESS. None: no session bus to talk to (nor does Electron's libnotify find one). */
  readonly busAddress: string | undefined;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The app's icon file (shown where the daemon can read it: notifyRequest.ts). */
  readonly iconPath?: string;
  /** How long the bus and the daemon may take to answer before a notice goes to Electron instead. */
  readonly answerWithinMs?: number;
  /** The notification's body was clicked: the window, on the task when there is one. */
  readonly onClick: (key: TaskKey | null) => void;
  /** One of the notification's buttons was pressed. */
  readonly onAction: (key: TaskKey, action: NotificationActionId) => void;
}

/** A session bus answers at once; one that takes longer than this is treated as absent. */
const ANSWER_WITHIN_MS = 2_000;

/** The daemon that shows buttons, as far as this run knows it. */
interface Daemon {
  readonly capabilities: ReadonlySet<string>;
}

/** A notification the daemon took: what its click and buttons act on, and who may speak for it. */
interface Shown {
  readonly daemon: string;
  readonly taskKey: TaskKey | null;
  readonly actions: readonly NotificationActionId[];
}

function explain(error: unknown): string {
  if (error instanceof NoAnswerError) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * The notifier on Linux with a session bus; null elsewhere (macOS and Windows show buttons through
 * Electron; without a session bus there is no daemon to ask, and Electron's libnotify finds none either).
 */
export function createFreedesktopNotifier(options: FreedesktopNotifierOptions): FreedesktopNotifier | null {
  if (options.platform !== 'linux') return null;
  const { logger, busAddress } = options;
  if (busAddress === undefined || busAddress.trim() === '') {
    logger.info('Notifications are shown without buttons: there is no session bus');
    return null;
  }
  const answerWithinMs = options.answerWithinMs ?? ANSWER_WITHIN_MS;
  /** Notifications the daemon took and has not closed, oldest first (Map keeps insertion order). */
  const shown = new Map<number, Shown>();
  let connection: Promise<NotificationsBus | null> | null = null;
  /** What the daemon can do; null once known not to show buttons, until another daemon takes the name. */
  let daemon: Promise<Daemon | null> | null = null;
  let disposed = false;

  const withoutButtons = (why: string, details?: Record<string, unknown>) => {
    logger.info(`Notifications are shown without buttons: ${why}`, details);
    return null;
  };

  const heard = (signal: NotificationSignal) => {
    const entry = shown.get(signal.id);
    // Another app's notification (the daemon broadcasts its signals), or a sender that is not the daemon.
    if (entry === undefined || entry.daemon !== signal.sender) return;
    if (signal.type === 'closed') {
      shown.delete(signal.id);
      return;
    }
    if (signal.key === DEFAULT_ACTION_KEY) {
      options.onClick(entry.taskKey);
      return;
    }
    const action = entry.actions.find((id) => id === signal.key);
    if (action !== undefined && entry.taskKey !== null) options.onAction(entry.taskKey, action);
    else logger.info('A notification button the app did not offer was ignored', { key: signal.key });
  };

  const connect = (address: string) =>
    (connection ??= openNotificationsBus({
      address,
      clock: options.clock,
      answerWithinMs,
      events: {
        signal: heard,
        daemonChanged() {
          // A new daemon (or none): ask again, and forget the old one's notifications (their ids were its).
          daemon = null;
          shown.clear();
        },
        lost(error) {
          if (disposed) return;
          connection = Promise.resolve(null);
          daemon = Promise.resolve(withoutButtons('the session bus went away', { error: explain(error) }));
          shown.clear();
        },
      },
    }).catch((error: unknown) =>
      withoutButtons('the session bus cannot be reached', { error: explain(error) }),
    ));

  const probe = async (): Promise<Daemon | null> => {
    const bus = await connect(busAddress);
    if (bus === null) return null;
    try {
      const answer = await bus.capabilities();
      if (!answer.capabilities.includes('actions'))
        return withoutButtons('the notification daemon shows none', { capabilities: answer.capabilities });
      return { capabilities: new Set(answer.capabilities) };
    } catch (error) {
      return withoutButtons('the notification daemon could not be asked', { error: explain(error) });
    }
  };

  return {
    async show(notice) {
      // Whatever the bus does, the notice is shown: by the daemon, or else by Electron.
      return showOverDbus(notice).catch((error: unknown) => {
        logger.info('A notification was shown without buttons', { error: explain(error) });
        return false;
      });
    },
    dispose() {
      disposed = true;
      shown.clear();
      void connection?.then((bus) => bus?.disconnect());
    },
  };

  async function showOverDbus(notice: FreedesktopNotice): Promise<boolean> {
    if (disposed) return false;
    const found = await (daemon ??= probe());
    const bus = await connection;
    if (found === null || bus === null || bus === undefined || disposed) return false;
    try {
      const taken = await bus.notify(notifyArguments(notice, found.capabilities, options.iconPath));
      shown.set(taken.id, {
        daemon: taken.daemon,
        taskKey: notice.taskKey,
        actions: notice.actions.map((action) => action.id),
      });
      for (const oldest of shown.keys()) {
        if (shown.size <= MAX_KEPT_NOTIFICATIONS) break;
        shown.delete(oldest);
      }
      return true;
    } catch (error) {
      // A daemon that hangs is not asked again (each notice would wait for it); one that refused this
      // notice may take the next.
      if (error instanceof NoAnswerError) daemon = Promise.resolve(null);
      logger.info('A notification was shown without buttons: the daemon did not take it', {
        error: explain(error),
      });
      return false;
    }
  }
}
