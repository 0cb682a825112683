import { app, dialog, net, powerMonitor, session } from 'electron';
import ElectronStore from 'electron-store';
import type { TaskKey } from '../../shared/watchedTask';
import { createAppHost, isLocalApiBase, type AppHost, type HostPlatform } from '../core/appHost';
import { APP_ENTRY_URL, trustedRendererOrigins } from '../core/appProtocol/rendererFiles';
import { resolveBaseUrl } from '../core/camb/baseUrl';
import { systemClock } from '../core/clock/clock';
import type { Logger } from '../core/logging/logger';
import { openWithRecovery } from '../core/persistence/openWithRecovery';
import type { PersistedDocument } from '../core/persistence/persistedDocument';
import {
  DOCUMENT_STORE_NAME,
  documentStoreFile,
  documentStoreOptions,
} from '../core/persistence/storeOptions';
import type { TrayAction } from '../core/tray/trayMenu';
import { createWatchService } from '../core/watchService/watchService';
import { desktopHasTray } from '../core/window/trayDesktop';
import type { WatchService } from '../core/watchService/watchServiceTypes';
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
import { openShellSecrets } from './secrets';
import { openShellState } from './shellState';
import { claimSingleInstance } from './singleInstance';
import { followSystemEvents } from './systemEvents';
import { createAppTray } from './tray';
import { createShellUpdates } from './updater';
import { createTrayPopover } from './trayPopover';
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
      handleLaunch = await runApp(env);
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

function openWatchList(logger: Logger) {
  return openWithRecovery({
    filePath: documentStoreFile(app.getPath('userData')),
    createStore: () =>
      new ElectronStore<PersistedDocument>({ ...documentStoreOptions, name: DOCUMENT_STORE_NAME }),
    clock: systemClock,
    logger,
  });
}

async function runApp(env: NodeJS.ProcessEnv): Promise<LaunchRequestHandler> {
  app.dock?.hide();
  const log = openAppLog(app.getPath('logs'), env, !app.isPackaged);
  const { logger } = log;
  logger.info('CAMB Watch is starting', { version: app.getVersion(), userData: app.getPath('userData') });

  // A bad CAMB_API_BASE stops the start with its own message (InvalidBaseUrlError names the variable).
  const baseUrl = resolveBaseUrl(env);
  const devServer = app.isPackaged ? null : (env['ELECTRON_RENDERER_URL'] ?? null);

  const trustedOrigins = trustedRendererOrigins(devServer);
  lockDownWebContents(session.defaultSession, trustedOrigins);
  serveRendererFiles(appPaths.renderer, logger);

  const shellState = openShellState();
  const opened = openWatchList(logger);
  const secrets = await openShellSecrets({
    slot: shellState.encryptedKeySlot,
    env,
    logger,
    rememberSecret: log.rememberSecret,
  });
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
  const popover = createTrayPopover(desktopHasTray(process.platform, env));
  const shortcut = createWindowShortcut(() => popover.toggle('shortcut'));
  const platform: HostPlatform = {
    ...electronHostPlatform(logger),
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
    updates,
  });

  // Set once everything exists (below); a window can only be created after that.
  let sessionEndListener = () => {};
  // A task to bring into view once a freshly created page has asked for its first snapshot.
  let pendingFocus: TaskKey | null = null;
  const stopIpc = serveContractOverIpc(appHost, trustedOrigins, logger, (channel) => {
    if (channel !== 'getSnapshot' || pendingFocus === null) return;
    appHost.showTask(pendingFocus);
    pendingFocus = null;
  });
  const window = createMainWindow({
    preloadPath: appPaths.preload,
    url: devServer ?? APP_ENTRY_URL,
    devTools: !app.isPackaged,
    state: shellState,
    iconPath: appPaths.appIcon,
    onCreated: (created) => {
      sendEventsTo(created, appHost);
      created.on('session-end', () => sessionEndListener());
      popover.adopt(created);
    },
    place: popover.place,
  });
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
  });
  const tray = createAppTray({
    service,
    updates,
    iconsDir: appPaths.trayIcons,
    onTask: showWindow,
    onAction: (action) => runTrayAction(action, { service, appHost, notifications, window }),
    onClick: () => popover.toggle('tray'),
  });
  popover.attach(window, tray);
  const stopSystemEvents = followSystemEvents(service, systemClock);
  installE2eHooks(env, tray);
  registerWatchLinkScheme(logger);

  platform.applyLaunchAtLogin?.(service.getSettings().launchAtLogin);
  claimWindowShortcut(service, shortcut, notifications, logger);
  await service.start();
  logger.info('CAMB Watch is running', { logFile: log.filePath });

  let disposed = false;
  // Writes what is pending to the watch list and lets go of everything, once, however the app ends.
  const shutDown = () => {
    if (disposed) return;
    disposed = true;
    window.allowClose();
    shortcut.dispose();
    stopSystemEvents();
    stopIpc();
    tray.dispose();
    notifications.dispose();
    appHost.dispose();
    service.dispose();
  };
  app.on('before-quit', () => window.allowClose());
  app.on('will-quit', shutDown);
  // A system shutdown or log-out may end the process without before-quit / will-quit: on Linux and macOS
  // powerMonitor says so; on Windows the window does (session-end), when there is one. Save first, then
  // quit properly (a cancelled shutdown must not leave a half-disposed app running).
  const endWithSession = () => {
    shutDown();
    app.quit();
  };
  powerMonitor.on('shutdown', endWithSession);
  sessionEndListener = endWithSession;

  return createLaunchRequestHandler({ service, appHost, notifications, logger, showWindow });
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
  service.updateSettings({ windowShortcut: null });
  notifications.show({ title: 'Keyboard shortcut turned off', body: problem, taskKey: null });
}

interface TrayActionDeps {
  readonly service: WatchService;
  readonly appHost: AppHost;
  readonly notifications: DesktopNotifications;
  readonly window: MainWindow;
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
      service.updateSettings({ pollingPaused: action === 'pause' });
      return;
    case 'restartToUpdate':
      void deps.appHost.handlers.restartToUpdate({});
      return;
    case 'quit':
      app.quit();
      return;
  }
}
