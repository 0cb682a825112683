import path from 'node:path';
import { app, clipboard } from 'electron';
import type { TaskKey } from '../../shared/watchedTask';
import type { AppHost } from '../core/appHost';
import { parseClipboardTask, parseLaunchArguments, WATCH_LINK_SCHEME } from '../core/deepLinks';
import { confirmUnreadableRequest, confirmWatchRequest, type WatchConfirmation } from '../core/deepLinks';
import { appImageToIntegrate, integrateAppImage } from '../core/linuxDesktop';
import type { Logger } from '../core/logging';
import { opensWindowAtLaunch } from '../core/window';
import type { WatchService } from '../core/watchService';
import { appPaths } from './appPaths';
import type { DesktopNotifications } from './notifications';

/**
 * Makes the OS send `camb-watch://` links to this app. Only an installed app registers: a development or
 * test run would point the user's desktop at a throw-away build. On Linux the registration names the app's
 * desktop file (package.json `desktopName`): the .deb installs it; an AppImage writes its own first.
 */
export function registerWatchLinkScheme(logger: Logger): void {
  if (!app.isPackaged) return;
  const register = () => {
    // Reviewed: a link can only name a task to watch, parsed strictly by parseWatchLink, and is confirmed.
    const registered = app.setAsDefaultProtocolClient(WATCH_LINK_SCHEME);
    if (!registered) logger.warn('Could not register as the handler of camb-watch:// links');
  };
  const appImage = appImageToIntegrate({
    platform: process.platform,
    isPackaged: app.isPackaged,
    env: process.env,
  });
  if (appImage === null) {
    register();
    return;
  }
  integrateAppImage({
    appImage,
    dataHome: process.env['XDG_DATA_HOME'] || path.join(app.getPath('home'), '.local', 'share'),
    iconSource: appPaths.appIcon,
  }).then(
    ({ entryFile, written }) => {
      if (written) logger.info('Added the AppImage to the desktop', { entryFile });
      register();
    },
    (error: unknown) => {
      logger.warn('Could not add the AppImage to the desktop', { error: String(error) });
      register();
    },
  );
}

/** macOS delivers links as 'open-url', possibly before `ready`; `deliver` queues them until the app can act. */
export function listenForOpenUrl(deliver: (argv: readonly string[]) => void): void {
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deliver([url]);
  });
}

export interface WatchRequestDeps {
  readonly service: WatchService;
  readonly appHost: AppHost;
  readonly notifications: DesktopNotifications;
}

/** A task added from outside the window is confirmed twice: on the desktop and, if open, in the window. */
function announce(confirmation: WatchConfirmation, deps: WatchRequestDeps): void {
  deps.notifications.show({
    title: confirmation.title,
    body: confirmation.body,
    taskKey: confirmation.taskKey,
  });
  deps.appHost.notice(
    confirmation.level,
    `${confirmation.title}: ${confirmation.body}`,
    confirmation.taskKey,
  );
}

/** What the window decision needs to know besides the command line (see opensWindowAtLaunch). */
export interface LaunchConditions {
  readonly keyPresent: boolean;
  readonly firstRun: boolean;
  readonly trayShown: boolean;
  /** macOS says so itself (its login items take no arguments). */
  readonly openedAtLogin: boolean;
}

export interface LaunchRequestHandlerOptions extends WatchRequestDeps {
  readonly logger: Logger;
  readonly conditions: () => LaunchConditions;
  /** Shows the window, on a task when one is given. */
  readonly showWindow: (key: TaskKey | null) => void;
}

export type LaunchRequestHandler = (argv: readonly string[], context: { secondLaunch: boolean }) => void;

/**
 * Acts on a command line or a link: adds the tasks it names and confirms each, and opens the window when
 * the core says so (a start by the user, a first run, no key, no tray; not a start at login).
 */
export function createLaunchRequestHandler(options: LaunchRequestHandlerOptions): LaunchRequestHandler {
  const { service } = options;
  return (argv, { secondLaunch }) => {
    const parsed = parseLaunchArguments(argv);
    for (const problem of parsed.problems) {
      options.logger.warn('A launch argument was not understood', { problem });
      announce(confirmUnreadableRequest(problem), options);
    }
    for (const request of parsed.requests) {
      announce(
        confirmWatchRequest(request, service.add(request.kind, request.taskId, request.label)),
        options,
      );
    }
    const conditions = options.conditions();
    const opens = opensWindowAtLaunch({
      secondLaunch,
      show: parsed.show,
      startedAtLogin: parsed.hidden || (!secondLaunch && conditions.openedAtLogin),
      namedTasks: parsed.requests.length > 0 || parsed.problems.length > 0,
      keyPresent: conditions.keyPresent,
      firstRun: conditions.firstRun,
      trayShown: conditions.trayShown,
    });
    if (opens) options.showWindow(null);
  };
}

/** The tray's "Add task from clipboard": `kind:id`, a story id, or the answer of a create call. */
export async function addTaskFromClipboard(deps: WatchRequestDeps): Promise<void> {
  let text: string;
  try {
    text = await clipboard.readText();
  } catch {
    text = '';
  }
  const request = parseClipboardTask(text);
  if (request === null) {
    deps.notifications.show({
      title: 'Nothing to add',
      body: 'Copy a task id (or kind:id, or the answer of a create call) first.',
      taskKey: null,
    });
    return;
  }
  announce(confirmWatchRequest(request, deps.service.add(request.kind, request.taskId, request.label)), deps);
}
