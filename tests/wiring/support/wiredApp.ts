/**
 * Runs the BUILT main bundle (out/main/index.js, from `npm run build`) against the electron stand-in, on a
 * throw-away profile and the fake CAMB server, and gives tests the OS's side: ready, tray clicks, menu
 * items, notifications, a second launch, session end. One app per test; `quit()` ends it.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { invokeChannelId, type InvokeChannel } from '../../../src/shared/contract';
import {
  activateToast,
  app,
  appControl,
  calls,
  ipcHandlers,
  notifications,
  platformControl,
  powerMonitor,
  resetStandIn,
  shortcutControl,
  standInEvent,
  trays,
  windows,
  type StandInTray,
  type StandInWindow,
} from './electronStandIn';
import { keychain } from './keytarStandIn';
import { defaultDesktopFor, PLATFORMS, type DesktopName, type PlatformBehaviour } from './platformBehaviour';
import { resetUpdaterStandIn } from './updaterStandIn';

// CAMB_WIRING_BUNDLE runs the suite against another build (e.g. an older commit's, to see a test fail there).
const BUNDLE =
  process.env['CAMB_WIRING_BUNDLE'] ??
  path.resolve(import.meta.dirname, '..', '..', '..', 'out', 'main', 'index.js');
const STARTING_TOOLTIP = 'CAMB Watch — starting';
const TRUSTED_PAGE = 'app://camb-watch/index.html';

export interface LaunchOptions {
  /** What follows the app path on the command line (`--hidden`, `--watch story:…`, a link). */
  readonly args?: readonly string[];
  /** The desktop (platformBehaviour.ts): its platform, environment, tray and windows. */
  readonly desktop?: DesktopName;
  /** The platform, on its default desktop (Linux: XFCE on X11), when no desktop is named. */
  readonly platform?: NodeJS.Platform;
  /** CAMB_API_KEY for this run; none by default. */
  readonly apiKey?: string;
  /** The same folder as an earlier run: not a first run. */
  readonly profile?: string;
  readonly apiBase: string;
  readonly packaged?: boolean;
  /** macOS's login item started the app (it passes no arguments). */
  readonly openedAtLogin?: boolean;
  /** Keep the keychain read waiting (a permission prompt): the test releases it with keychain.release(). */
  readonly holdKeychain?: boolean;
  /** Environment for this run, over the desktop's own (XDG_CURRENT_DESKTOP, XDG_SESSION_TYPE). */
  readonly env?: Readonly<Record<string, string>>;
  /** Global shortcuts another app holds: registering them fails. */
  readonly takenShortcuts?: readonly string[];
  /** Windows started the app for a click on this toast (its XML): the activation waits for the app. */
  readonly toastClicked?: string;
  /** process.resourcesPath, which Electron sets (electron-builder's files lie there in a packaged app). */
  readonly resourcesPath?: string;
}

export interface WiredApp {
  readonly profile: string;
  /** The desktop it runs on. */
  readonly desktop: PlatformBehaviour;
  tray(): StandInTray;
  /** The main window (not Windows' hidden session listener), if created. */
  window(): StandInWindow | undefined;
  /** Resolves once start-up has finished (the tray shows the jobs, or the window exists without a tray). */
  started(): Promise<void>;
  /** Calls a contract action as the app's own page would. */
  invoke(channel: InvokeChannel, payload?: unknown): Promise<unknown>;
  /** A second launch with this command line, as the OS hands it to the running app. */
  secondLaunch(args: readonly string[]): void;
  /** Quits as the tray's Quit does; resolves once the app has ended (or the quit was cancelled). */
  quit(): Promise<void>;
}

let runs = 0;
let restore: (() => void) | null = null;
const profiles = new Set<string>();

async function endRun(): Promise<void> {
  keychain.release();
  if (restore !== null && appControl.exited === null) {
    app.quit();
    await appControl.quitting;
  }
  restore?.();
  restore = null;
}

/**
 * The session bus's answer to "does org.kde.StatusNotifierWatcher have an owner?", as `gdbus call` prints
 * it: a `gdbus` on PATH for this run (the app asks the bus through it), answering from the desktop's row.
 */
function sessionBusFor(desktop: PlatformBehaviour, profile: string): string {
  const bin = path.join(profile, 'session-bus-bin');
  mkdirSync(bin, { recursive: true });
  const script = path.join(bin, 'gdbus');
  const answer = desktop.statusNotifierWatcher === true ? '(true,)' : '(false,)';
  writeFileSync(
    script,
    `#!/bin/sh
case "$*" in *NameHasOwner*org.kde.StatusNotifierWatcher*) echo '${answer}';; *) exit 1;; esac
`,
  );
  chmodSync(script, 0o755);
  return bin;
}

/** Ends what a test left running, puts process.argv / platform / env back and removes its profiles. */
export async function cleanUpWiredApp(): Promise<void> {
  await endRun();
  keychain.reset();
  // A write the store began before the run ended may still land while the folder is removed (ENOTEMPTY
  // once, under the whole suite's load): rmSync retries that case itself.
  for (const profile of profiles) rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  profiles.clear();
}

export async function launchWiredApp(options: LaunchOptions): Promise<WiredApp> {
  // A second launch in one test is a restart: the first app ends as it would.
  await endRun();
  resetStandIn();
  const desktop = PLATFORMS[options.desktop ?? defaultDesktopFor(options.platform ?? 'linux')];
  platformControl.current = desktop;
  resetUpdaterStandIn();
  if (options.holdKeychain === true) keychain.hold();
  if (options.toastClicked !== undefined) activateToast(options.toastClicked);
  const profile = options.profile ?? mkdtempSync(path.join(tmpdir(), 'camb-wiring-'));
  profiles.add(profile);
  appControl.userData = profile;
  appControl.home = profile;
  appControl.isPackaged = options.packaged ?? false;
  for (const taken of options.takenShortcuts ?? []) shortcutControl.taken.add(taken);
  appControl.loginItem.wasOpenedAtLogin = options.openedAtLogin === true;

  const withResources = process as { resourcesPath?: string; getSystemVersion?: () => string };
  const saved = {
    argv: process.argv,
    platform: process.platform,
    env: { ...process.env },
    resourcesPath: withResources.resourcesPath,
    getSystemVersion: withResources.getSystemVersion,
  };
  restore = () => {
    process.argv = saved.argv;
    withResources.getSystemVersion = saved.getSystemVersion;
    Object.defineProperty(process, 'platform', { value: saved.platform });
    withResources.resourcesPath = saved.resourcesPath;
    for (const name of Object.keys(process.env))
      if (saved.env[name] === undefined) Reflect.deleteProperty(process.env, name);
    Object.assign(process.env, saved.env);
  };
  process.argv = ['/usr/lib/camb-watch/camb-watch-app', ...(options.args ?? [])];
  Object.defineProperty(process, 'platform', { value: desktop.platform });
  process.env['CAMB_API_BASE'] = options.apiBase;
  process.env['CAMB_WATCH_LOG_LEVEL'] = 'error';
  process.env['XDG_CONFIG_HOME'] = path.join(profile, 'config');
  // The profile the app runs on, as the Electron suite and the demo name it: without it a development run
  // (not packaged) keeps its data in `<appData>/CAMB Watch (development)` instead (profileFolderOverride).
  process.env['CAMB_WATCH_USER_DATA'] = profile;
  delete process.env['ELECTRON_RENDERER_URL'];
  if (options.apiKey === undefined) delete process.env['CAMB_API_KEY'];
  else process.env['CAMB_API_KEY'] = options.apiKey;
  // What the machine running the tests happens to have must not decide tray, popover or updates.
  for (const name of ['XDG_CURRENT_DESKTOP', 'XDG_SESSION_TYPE', 'APPIMAGE', 'DBUS_SESSION_BUS_ADDRESS'])
    Reflect.deleteProperty(process.env, name);
  Object.assign(process.env, desktop.env, options.env);
  if (desktop.platform === 'linux')
    process.env['PATH'] = `${sessionBusFor(desktop, profile)}${path.delimiter}${process.env['PATH'] ?? ''}`;
  withResources.resourcesPath = options.resourcesPath;
  // Electron adds this to `process` (docs/api/process.md).
  withResources.getSystemVersion = () => desktop.systemVersion;

  // A fresh copy of the bundle per run (its module state is the app's), as a new process would have.
  runs++;
  await import(/* @vite-ignore */ `${pathToFileURL(BUNDLE).href}?run=${runs}`);
  appControl.readyResolve?.();
  app.emit('ready', standInEvent(), {});

  const mainWindow = () => windows.find((window) => window.options.show === false && window.options.title);
  const wired: WiredApp = {
    profile,
    desktop,
    tray: () => {
      const tray = trays[0];
      if (tray === undefined) throw new Error('The app made no tray icon');
      return tray;
    },
    window: mainWindow,
    async started() {
      await expect
        .poll(
          () =>
            trays[0] !== undefined &&
            trays[0].tooltip !== STARTING_TOOLTIP &&
            // Without a tray icon anyone can see, the window is the way in: it must be there.
            (desktop.trayIconShown || mainWindow() !== undefined),
        )
        .toBe(true);
      // The command line is acted on just after start-up, in the same turn: let it run.
      await new Promise((resolve) => setImmediate(resolve));
    },
    async invoke(channel, payload) {
      const handler = ipcHandlers.get(invokeChannelId(channel));
      if (handler === undefined) throw new Error(`Nothing serves ${channel}`);
      const event = { senderFrame: { url: TRUSTED_PAGE, parent: null } };
      return handler(event, payload);
    },
    secondLaunch(args) {
      const argv = ['/usr/lib/camb-watch/camb-watch-app', ...args];
      app.emit('second-instance', standInEvent(), argv, profile, { argv });
    },
    async quit() {
      app.quit();
      await appControl.quitting;
    },
  };
  return wired;
}

export { app, appControl, calls, keychain, notifications, powerMonitor, trays, windows };
export { ALL_DESKTOPS, PLATFORMS } from './platformBehaviour';
