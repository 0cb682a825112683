import { app, dialog, net, session } from 'electron';
import ElectronStore from 'electron-store';
import type { TaskKey } from '../../shared/watchedTask';
import { createAppHost, type AppHost, type HostPlatform } from '../core/appHost';
import { isLocalApiBase } from '../core/links';
import { APP_ENTRY_URL, trustedRendererOrigins } from '../core/appProtocol';
import { resolveBaseUrl } from '../core/camb';
import { macStartedAtLogin } from '../core/loginItem';
import { systemClock } from '../core/clock';
import type { Logger } from '../core/logging';
import { createFreedesktopNotifier } from '../core/freedesktopNotifications';
import { durableStore } from '../core/persistence';
import { openWithRecovery } from '../core/persistence';
import { openWithFolderLock } from '../core/persistence';
import type { PersistedDocument } from '../core/persistence';
import { DOCUMENT_STORE_NAME, documentStoreFile, documentStoreOptions } from '../core/persistence';
import type { TrayAction } from '../core/tray';
import type { UpdateController } from '../core/updates';
import { createWatchService } from '../core/watchService';
import { trayDesktop } from '../core/window';
import { stillRunningNotice, windowCloseAction } from '../core/window';
import type { WatchService } from '../core/watchService';
import { setApplicationMenu } from './applicationMenu';
import { startAppLifetime, type AppLifetime } from './appLifetime';
import { appPaths } from './appPaths';
import { registerAppScheme, serveRendererFiles } from './appProtocol';
import {
  addTaskFromClipboard,
  createLaunchRequestHandler,
  listenForOpenUrl,
  registerWatchLinkScheme,
  type LaunchRequestHandler,
} from './watchRequests';
import { installE2eHooks } from './e2eHooks';
import { electronHostPlatform } from './hostPlatform';
import { sendEventsTo, serveContractOverIpc } from './ipcBridge';
import { openAppLog } from './logFile';
import { createMainWindow, type MainWindow } from './mainWindow';
import { createDesktopNotifications, type DesktopNotifications } from './notifications';
import { createChimePlayer } from './chimePlayer';
import { openShellSecrets } from './secrets';
import { recoverRenderer } from './rendererRecovery';
import { onSessionEnd } from './sessionEnd';
import { createChromiumDownloader } from './chromiumDownloads';
import { openShellState } from './shellState';
import { claimSingleInstance } from './singleInstance';
import { followSystemEvents } from './systemEvents';
import { createAppTray, type AppTray } from './tray';
import { createTrayPopover } from './trayPopover';
import { statusNotifierWatcherPresent } from './trayHost';
import { createShellUpdates } from './updater';
import { applyUserDataOverride } from './userDataOverride';
import { lockDownWebContents } from './webContentsSecurity';
import { allowShortcutsOnWayland, createWindowShortcut, type WindowShortcutKeeper } from './windowShortcut';

/** Windows groups notifications by this id; it must match electron-builder's appId. */
const APP_USER_MODEL_ID = 'ai.cambwatch.app';

/**
 * The desktop app: wires Electron to the core and decides nothing. Before `ready` it claims the profile
 * and the single-instance lock and registers the app:// scheme; after it, everything else.
 */
export function startApp(): void {
  const env = process.env;
  applyUserDataOverride(env);
  registerAppScheme();
  allowShortcutsOnWayland();

  // Command lines and links that arrive before the app can act on them wait here.
  let handleLaunch: LaunchRequestHandler | null = null;
  const waiting: { argv: readonly string[]; secondLaunch: boolean }[] = [
    { argv: process.argv, secondLaunch: false },
  ];
  const deliver = (argv: readonly string[], secondLaunch: boolean) => {
    if (handleLaunch === null) waiting.push({ argv, secondLaunch });
    else handleLaunch(argv, { secondLaunch });
  };

  if (!claimSingleInstance((argv) => deliver(argv, true))) {
    app.quit();
    return;
  }
  const lifetime = startAppLifetime();
  listenForOpenUrl((argv) => deliver(argv, true));
  // macOS reopens a running app (Finder, Spotlight, Launchpad) with 'activate', not a second process; the
  // first 'activate' comes with the launch itself, before the app is ready, and must not open the window.
  app.on('activate', (_event, hasVisibleWindows) => {
    if (handleLaunch !== null && !hasVisibleWindows) handleLaunch([], { secondLaunch: true });
  });
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // A tray app: closing the window must not end it (the default quits when the last window closes).
  app.on('window-all-closed', () => {});

  app
    .whenReady()
    .then(async () => {
      const running = await runApp(env, lifetime);
      // Null: a quit came while the app was starting, and it has ended.
      if (running === null) return;
      handleLaunch = running;
      for (const { argv, secondLaunch } of waiting.splice(0)) handleLaunch(argv, { secondLaunch });
    })
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'CAMB Watch could not start',
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
    });
}

/**
 * Takes the profile folder (a web host on the same folder is refused the same way, and refuses this app),
 * then opens the watch list in it. A refusal is thrown: the start fails with its sentence in a dialog.
 */
function openWatchList(logger: Logger) {
  const folder = app.getPath('userData');
  return openWithFolderLock(folder, 'the desktop app', logger, () =>
    openWithRecovery({
      filePath: documentStoreFile(folder),
      createStore: () =>
        durableStore(
          new ElectronStore<PersistedDocument>({ ...documentStoreOptions, name: DOCUMENT_STORE_NAME }),
        ),
      clock: systemClock,
      logger,
    }),
  );
}

/** Called by the tray before the app has started: only Quit acts until then. */
interface TrayTargets {
  onTask: (key: TaskKey) => void;
  onAction: (action: TrayAction) => void;
  onClick: () => void;
}

async function runApp(env: NodeJS.ProcessEnv, lifetime: AppLifetime): Promise<LaunchRequestHandler | null> {
  app.dock?.hide();
  const log = openAppLog(app.getPath('logs'), env, !app.isPackaged);
  const { logger } = log;
  logger.info('CAMB Watch is starting', { version: app.getVersion(), userData: app.getPath('userData') });
  setApplicationMenu();
  // Asked now, answered while the keychain is read: whether a panel will show the tray icon.
  const watcherAsked = statusNotifierWatcherPresent();

  // The tray comes first, saying "starting", so the app is visible and can be quit while the keychain is
  // read (on macOS that may wait for the user to answer a permission prompt).
  const trayTargets: TrayTargets = {
    onTask: () => {},
    onAction: (action) => {
      if (action === 'quit') app.quit();
    },
    onClick: () => {},
  };
  const tray: AppTray | null = createAppTray({
    iconsDir: appPaths.trayIcons,
    logger,
    onTask: (key) => trayTargets.onTask(key),
    onAction: (action) => trayTargets.onAction(action),
    onClick: () => trayTargets.onClick(),
  });
  if (tray !== null) lifetime.onEnd(() => tray.dispose());

  // A bad CAMB_API_BASE stops the start with its own message (InvalidBaseUrlError names the variable).
  const baseUrl = resolveBaseUrl(env);
  const devServer = app.isPackaged ? null : (env['ELECTRON_RENDERER_URL'] ?? null);

  const trustedOrigins = trustedRendererOrigins(devServer);
  lockDownWebContents(session.defaultSession, trustedOrigins);
  serveRendererFiles(appPaths.renderer, logger);
  // A log-off or shutdown may end the process without will-quit: save first, then quit properly (a
  // cancelled shutdown must not leave a half-disposed app running). This quit never installs a downloaded
  // update (updater.ts: autoInstallOnAppQuit is off); only the tray's Quit and "Restart to update" do.
  lifetime.onEnd(
    onSessionEnd(() => {
      lifetime.end();
      app.quit();
    }),
  );

  const shellState = openShellState();
  const firstRun = !shellState.startedBefore();
  const opened = await openWatchList(logger);
  lifetime.onEnd(() => opened.lock.release());
  const secrets = await openShellSecrets({
    slot: shellState.encryptedKeySlot,
    env,
    logger,
    rememberSecret: log.rememberSecret,
  });
  if (lifetime.ending) return null;
  const fetch = net.fetch.bind(net);
  const service = createWatchService({
    clock: systemClock,
    fetch,
    baseUrl,
    store: opened.store,
    recovery: opened.recovery,
    secrets,
    logger,
    userAgent: `camb-watch/${app.getVersion()} (desktop)`,
  });
  // Electron makes a tray everywhere; whether anyone sees it is the desktop's to say (trayDesktop).
  const desktop = trayDesktop(process.platform, env, await watcherAsked);
  const trayShown = tray !== null && desktop.iconShown;
  logger.info('Tray on this desktop', { ...desktop, trayShown });
  // A popover needs an icon to hang from, and a desktop that lets the app place and focus it.
  const popover = createTrayPopover(trayShown && desktop.popover);
  const shortcut = createWindowShortcut(() => popover.toggle('shortcut'));
  lifetime.onEnd(() => shortcut.dispose());
  const platform: HostPlatform = {
    ...electronHostPlatform(logger),
    hostDownloader: createChromiumDownloader(session.defaultSession),
    applyWindowShortcut: (next) => shortcut.apply(next),
    hideWindow: () => popover.hide(),
  };
  const updates = createShellUpdates({ logger, beforeQuit: () => window.allowClose() });
  const appHost = createAppHost({
    service,
    platform,
    fetch,
    clock: systemClock,
    logger,
    allowLoopbackHttp: isLocalApiBase(baseUrl),
    apiBase: baseUrl,
    updates,
  });
  lifetime.onEnd(() => {
    appHost.dispose();
    service.dispose();
  });

  // A task to bring into view once a freshly created page has asked for its first snapshot.
  let pendingFocus: TaskKey | null = null;
  const stopIpc = serveContractOverIpc(appHost, trustedOrigins, logger, (channel) => {
    if (channel !== 'getSnapshot' || pendingFocus === null) return;
    appHost.showTask(pendingFocus);
    pendingFocus = null;
  });
  lifetime.onEnd(stopIpc);
  const window = createMainWindow({
    preloadPath: appPaths.preload,
    url: devServer ?? APP_ENTRY_URL,
    devTools: !app.isPackaged,
    state: shellState,
    iconPath: appPaths.appIcon,
    closeAction: windowCloseAction(trayShown),
    onHidden: () => {
      if (shellState.firstHide())
        notifications.show({ ...stillRunningNotice(process.platform), taskKey: null });
    },
    onCreated: (created) => {
      sendEventsTo(created, appHost);
      popover.adopt(created);
      recoverRenderer(created, systemClock, logger);
    },
    place: popover.place,
  });
  lifetime.onQuitStarts(() => window.allowClose());
  const showWindow = (key: TaskKey | null) => {
    const { created } = window.show();
    if (key === null) return;
    // A page still loading would miss the event: it is sent once the page has asked for its snapshot.
    if (created) pendingFocus = key;
    else appHost.showTask(key);
  };

  const notifications = createDesktopNotifications({
    service,
    iconPath: appPaths.appIcon,
    logger,
    onClick: showWindow,
    // The core decides what the button does and what to say of it; the shell only hands it over.
    runAction: (key, action) => appHost.runNotificationAction(key, action),
    playChime: createChimePlayer(appPaths.chime, logger),
    overDbus: (handlers) =>
      createFreedesktopNotifier({
        platform: process.platform,
        busAddress: env['DBUS_SESSION_BUS_ADDRESS'],
        clock: systemClock,
        logger,
        iconPath: appPaths.appIcon,
        ...handlers,
      }),
  });
  lifetime.onEnd(() => notifications.dispose());
  lifetime.onEnd(followSystemEvents(service, systemClock));
  if (tray !== null) installE2eHooks(env, tray);
  if (tray !== null) popover.attach(window, tray);
  registerWatchLinkScheme(logger);

  platform.applyLaunchAtLogin?.(service.getSettings().launchAtLogin);
  claimWindowShortcut(service, shortcut, notifications, logger);
  await service.start();
  if (lifetime.ending) return null;
  trayTargets.onTask = showWindow;
  trayTargets.onAction = (action) =>
    runTrayAction(action, { service, appHost, notifications, window, updates });
  trayTargets.onClick = () => popover.toggle('tray');
  tray?.follow(service, updates, { countsInMenu: !desktop.tooltips });
  shellState.markStarted();
  logger.info('CAMB Watch is running', { logFile: log.filePath });

  const openedAtLogin =
    process.platform === 'darwin' &&
    macStartedAtLogin({
      wasOpenedAtLogin: app.getLoginItemSettings().wasOpenedAtLogin,
      launchAtLogin: service.getSettings().launchAtLogin,
      macosVersion: process.getSystemVersion(),
    });
  return createLaunchRequestHandler({
    service,
    appHost,
    notifications,
    logger,
    showWindow,
    conditions: () => ({
      keyPresent: service.state().key.present,
      firstRun,
      trayShown,
      openedAtLogin,
    }),
  });
}

/** The saved shortcut, claimed again at start; held by another app since, it is turned off and said so. */
function claimWindowShortcut(
  service: WatchService,
  shortcut: WindowShortcutKeeper,
  notifications: DesktopNotifications,
  logger: Logger,
): void {
  const problem = shortcut.apply(service.getSettings().windowShortcut);
  if (problem === null) return;
  logger.warn('The window shortcut could not be claimed', { problem });
  try {
    service.updateSettings({ windowShortcut: null });
  } catch (error) {
    // Tried again at the next start; the shortcut is not claimed meanwhile either way.
    logger.warn('Turning the window shortcut off could not be saved', { error: String(error) });
  }
  notifications.show({ title: 'Keyboard shortcut turned off', body: problem, taskKey: null });
}

interface TrayActionDeps {
  readonly service: WatchService;
  readonly appHost: AppHost;
  readonly notifications: DesktopNotifications;
  readonly window: MainWindow;
  readonly updates: UpdateController;
}

function runTrayAction(action: TrayAction, deps: TrayActionDeps): void {
  const { service } = deps;
  switch (action) {
    case 'open':
      deps.window.show();
      return;
    case 'addFromClipboard':
      void addTaskFromClipboard(deps);
      return;
    case 'checkAll': {
      // Checking at once is its own feedback (the tray changes); a refusal would otherwise pass unseen.
      const outcome = service.checkNow();
      if (!outcome.ok)
        deps.notifications.show({ title: 'Nothing checked', body: outcome.message, taskKey: null });
      return;
    }
    case 'pause':
    case 'resume':
      try {
        service.updateSettings({ pollingPaused: action === 'pause' });
      } catch (error) {
        // A change that could not be saved is refused in words (WatchListError): say it where it was asked.
        deps.notifications.show({
          title: action === 'pause' ? 'Polling not paused' : 'Polling not resumed',
          body: error instanceof Error ? error.message : String(error),
          taskKey: null,
        });
      }
      return;
    case 'restartToUpdate':
      void deps.appHost.handlers.restartToUpdate({});
      return;
    case 'quit':
      // The user's own quit is the one time a downloaded update is installed on the way out.
      deps.updates.quitInstallingUpdate(() => app.quit());
      return;
    case 'doNotDisturbHour':
      service.setDoNotDisturb('hour');
      return;
    case 'doNotDisturbTomorrow':
      service.setDoNotDisturb('tomorrow');
      return;
    case 'doNotDisturbOff':
      service.setDoNotDisturb('off');
      return;
  }
}
