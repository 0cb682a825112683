/**
 * Runs the BUILT main bundle (out/main/index.js, from `npm run build`) against the electron stand-in, on a
 * throw-away profile and the fake CAMB server, and gives tests the OS's side: ready, tray clicks, menu
 * items, notifications, a second launch, session end. One app per test; `quit()` ends it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { invokeChannelId, type InvokeChannel } from '../../../src/shared/contract';
import {
  app,
  appControl,
  calls,
  ipcHandlers,
  notifications,
  powerMonitor,
  resetStandIn,
  shortcutControl,
  standInEvent,
  trayControl,
  trays,
  windows,
  type StandInTray,
  type StandInWindow,
} from './electronStandIn';
import { keychain } from './keytarStandIn';
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
  readonly platform?: NodeJS.Platform;
  /** CAMB_API_KEY for this run; none by default. */
  readonly apiKey?: string;
  /** The same folder as an earlier run: not a first run. */
  readonly profile?: string;
  readonly apiBase: string;
  readonly packaged?: boolean;
  /** The desktop has no tray: `new Tray` throws. */
  readonly noTray?: boolean;
  /** macOS's login item started the app (it passes no arguments). */
  readonly openedAtLogin?: boolean;
  /** Keep the keychain read waiting (a permission prompt): the test releases it with keychain.release(). */
  readonly holdKeychain?: boolean;
  /** Environment for this run, e.g. XDG_CURRENT_DESKTOP (unset by default, as are the other desktop ones). */
  readonly env?: Readonly<Record<string, string>>;
  /** Global shortcuts another app holds: registering them fails. */
  readonly takenShortcuts?: readonly string[];
  /** process.resourcesPath, which Electron sets (electron-builder's files lie there in a packaged app). */
  readonly resourcesPath?: string;
}

export interface WiredApp {
  readonly profile: string;
  tray(): StandInTray;
  /** The main window (not Windows' hidden session listener), if created. */
  window(): StandInWindow | undefined;
  /** Resolves once start-up has finished (the tray shows the jobs, or the window exists without a tray). */
  started(): Promise<void>;
  /** Calls a contract action as the app's own page would. */
  invoke(channel: InvokeChannel, payload?: unknown): Promise<unknown>;
  /** A second launch with this command line, as the OS hands it to the running app. */
  secondLaunch(args: readonly string[]): void;
  /** Quits as the tray's Quit does, and waits until the app has ended. */
  quit(): void;
}

let runs = 0;
let restore: (() => void) | null = null;
const profiles = new Set<string>();

function endRun(): void {
  keychain.release();
  if (restore !== null && appControl.exited === null) app.quit();
  restore?.();
  restore = null;
}

/** Ends what a test left running, puts process.argv / platform / env back and removes its profiles. */
export function cleanUpWiredApp(): void {
  endRun();
  keychain.reset();
  for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
  profiles.clear();
}

export async function launchWiredApp(options: LaunchOptions): Promise<WiredApp> {
  // A second launch in one test is a restart: the first app ends as it would.
  endRun();
  resetStandIn();
  resetUpdaterStandIn();
  if (options.holdKeychain === true) keychain.hold();
  const profile = options.profile ?? mkdtempSync(path.join(tmpdir(), 'camb-wiring-'));
  profiles.add(profile);
  appControl.userData = profile;
  appControl.home = profile;
  appControl.isPackaged = options.packaged ?? false;
  trayControl.unavailable = options.noTray === true;
  for (const taken of options.takenShortcuts ?? []) shortcutControl.taken.add(taken);
  appControl.loginItem.wasOpenedAtLogin = options.openedAtLogin === true;

  const withResources = process as { resourcesPath?: string };
  const saved = {
    argv: process.argv,
    platform: process.platform,
    env: { ...process.env },
    resourcesPath: withResources.resourcesPath,
  };
  restore = () => {
    process.argv = saved.argv;
    Object.defineProperty(process, 'platform', { value: saved.platform });
    withResources.resourcesPath = saved.resourcesPath;
    for (const name of Object.keys(process.env))
      if (saved.env[name] === undefined) Reflect.deleteProperty(process.env, name);
    Object.assign(process.env, saved.env);
  };
  process.argv = ['/usr/lib/camb-watch/camb-watch-app', ...(options.args ?? [])];
  Object.defineProperty(process, 'platform', { value: options.platform ?? 'linux' });
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
  for (const name of ['XDG_CURRENT_DESKTOP', 'XDG_SESSION_TYPE', 'APPIMAGE'])
    Reflect.deleteProperty(process.env, name);
  Object.assign(process.env, options.env);
  withResources.resourcesPath = options.resourcesPath;

  // A fresh copy of the bundle per run (its module state is the app's), as a new process would have.
  runs++;
  await import(/* @vite-ignore */ `${pathToFileURL(BUNDLE).href}?run=${runs}`);
  appControl.readyResolve?.();
  app.emit('ready', standInEvent(), {});

  const mainWindow = () => windows.find((window) => window.options.show === false && window.options.title);
  const wired: WiredApp = {
    profile,
    tray: () => {
      const tray = trays[0];
      if (tray === undefined) throw new Error('The app made no tray icon');
      return tray;
    },
    window: mainWindow,
    async started() {
      await expect
        .poll(() =>
          options.noTray === true
            ? mainWindow() !== undefined
            : trays[0] !== undefined && trays[0].tooltip !== STARTING_TOOLTIP,
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
    quit() {
      app.quit();
    },
  };
  return wired;
}

export { app, appControl, calls, keychain, notifications, powerMonitor, trays, windows };
