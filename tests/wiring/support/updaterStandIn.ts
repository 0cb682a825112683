/**
 * A stand-in for electron-updater 6.8 (node_modules/electron-updater/out), which the shell loads only
 * where this copy can update itself. It keeps electron-updater's timing, not the timing our code would
 * like: a check answers on a later turn or, when the server stalls, never; a pending check is handed back
 * to every later checkForUpdates(); a download may be held open; quitAndInstall starts the installer and
 * quits on the next turn; and with `autoInstallOnAppQuit` on, a finished download arms the install on the
 * app's 'quit' (Windows/AppImage) or hands the update to Squirrel.Mac, which installs on any quit (macOS).
 * Each behaviour cites the line it mimics. The classes are typed as a Pick of electron-updater's own
 * AppUpdater (typecheck catches drift); reading `autoUpdater` is what loading the updater means to the
 * shell, so `updaterControl.loaded` says whether a run did.
 */
import { EventEmitter } from 'node:events';
import type { AppUpdater, Logger, UpdateCheckResult, UpdateInfo } from 'electron-updater';
import { app } from './electronStandIn';

/** An installer that ran: what started it, and how (`runAfter`: the app is started again afterwards). */
export interface StandInInstall {
  readonly trigger: 'quitAndInstall' | 'on quit';
  readonly silent: boolean;
  readonly runAfter: boolean;
}

export const updaterControl = {
  /** Whether this run's app reached for electron-updater's autoUpdater. */
  loaded: false,
  /** Requests to the update server (a pending check handed back again is not a new one). */
  checks: 0,
  /** Updater objects made: the shared autoUpdater and any `new NsisUpdater()` etc. */
  updaters: 0,
  /** The version the server offers (null: nothing newer). */
  offered: null as string | null,
  /**
   * 'stalls': the request is sent and nothing ever comes back. Under Electron it never times out either:
   * builder-util-runtime's httpExecutor.js:278-285 arms its timeout on the request's 'socket' event,
   * which Electron's net.request (electronHttpExecutor.js:54) never emits (electron-builder #4618).
   */
  server: 'answers' as 'answers' | 'stalls',
  /** 'held': a download stays at 50 % until `finishDownload()`. */
  download: 'instant' as 'instant' | 'held',
  installs: [] as StandInInstall[],
  /** Ends the held downloads (tests only). */
  finishDownload(): void {
    for (const finish of heldDownloads.splice(0)) finish();
  },
};

const heldDownloads: (() => void)[] = [];
const made: StandInUpdater[] = [];

export function resetUpdaterStandIn(): void {
  Object.assign(updaterControl, {
    loaded: false,
    checks: 0,
    updaters: 0,
    offered: null,
    server: 'answers',
    download: 'instant',
    installs: [],
  });
  heldDownloads.length = 0;
  for (const updater of made.splice(0)) updater.removeAllListeners();
  // A new process has a new autoUpdater (main.js:41-52 makes it on first read).
  autoUpdater = null;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const updateInfo = (version: string) => ({ version, files: [], path: '', sha512: '', releaseDate: '' });

class StandInUpdater
  extends EventEmitter
  implements
    Pick<
      AppUpdater,
      | 'autoDownload'
      | 'autoInstallOnAppQuit'
      | 'autoRunAppAfterInstall'
      | 'logger'
      | 'checkForUpdates'
      | 'quitAndInstall'
    >
{
  // AppUpdater.js:104-119: the defaults.
  autoDownload = true;
  autoInstallOnAppQuit = true;
  autoRunAppAfterInstall = true;
  logger: Logger | null = null;
  /** MacUpdater (Squirrel.Mac) or NsisUpdater/AppImageUpdater (BaseUpdater): main.js:41-52 picks by platform. */
  readonly #mac = process.platform === 'darwin';
  #pendingCheck: Promise<UpdateCheckResult | null> | null = null;
  #downloaded = false;
  #quitAndInstallCalled = false;
  #quitHandlerAdded = false;
  /** MacUpdater: Squirrel.Mac holds the update (MacUpdater.js:22-25). */
  #squirrelHasUpdate = false;

  constructor() {
    super();
    // AppUpdater.js:201-203: every updater logs its own errors, so an 'error' nobody else hears never throws.
    this.on('error', (error: Error) => this.logger?.error(`Error: ${error.stack ?? error.message}`));
    updaterControl.updaters++;
    made.push(this);
  }

  checkForUpdates(): Promise<UpdateCheckResult | null> {
    // AppUpdater.js:257-261: a check in progress is handed back, never started again.
    if (this.#pendingCheck !== null) return this.#pendingCheck;
    updaterControl.checks++;
    const check = this.#check().finally(() => {
      // AppUpdater.js:262-272: forgotten once it settles (a stalled one never does).
      this.#pendingCheck = null;
    });
    this.#pendingCheck = check;
    return check;
  }

  /** AppUpdater.js:400-424, doCheckForUpdates, with autoDownload on. */
  async #check(): Promise<UpdateCheckResult> {
    this.emit('checking-for-update');
    if (updaterControl.server === 'stalls') await new Promise<never>(() => {});
    await nextTurn();
    const version = updaterControl.offered;
    if (version === null) {
      const info = updateInfo('0.1.0-wiring') as UpdateInfo;
      this.emit('update-not-available', info);
      return { isUpdateAvailable: false, versionInfo: info, updateInfo: info };
    }
    const info = updateInfo(version) as UpdateInfo;
    this.emit('update-available', info);
    const downloadPromise = this.#download(info);
    return { isUpdateAvailable: true, versionInfo: info, updateInfo: info, downloadPromise };
  }

  async #download(info: UpdateInfo): Promise<string[]> {
    await nextTurn();
    this.emit('download-progress', { percent: 50, bytesPerSecond: 1, total: 2, transferred: 1, delta: 1 });
    if (updaterControl.download === 'held') await new Promise<void>((resolve) => heldDownloads.push(resolve));
    this.#downloaded = true;
    this.emit('update-downloaded', { ...info, downloadedFile: '/tmp/update' });
    if (this.#mac) {
      // MacUpdater.js:218-227: with autoInstallOnAppQuit on, the update goes to Squirrel.Mac at once, and
      // Squirrel installs it whenever the app ends ("a successfully downloaded update will always be
      // applied the next time the application starts", Electron's autoUpdater docs).
      if (this.autoInstallOnAppQuit) this.#handToSquirrel();
    } else {
      // BaseUpdater.js:28-36: a finished download arms the install on quit.
      this.#addQuitHandler();
    }
    return ['/tmp/update'];
  }

  /** BaseUpdater.js:69-88, addQuitHandler (ElectronAppAdapter.js:37-39: `app.once('quit')`). */
  #addQuitHandler(): void {
    if (this.#quitHandlerAdded || !this.autoInstallOnAppQuit) return;
    this.#quitHandlerAdded = true;
    app.once('quit', (_event: unknown, exitCode: number) => {
      if (this.#quitAndInstallCalled || !this.autoInstallOnAppQuit || exitCode !== 0) return;
      this.#install(true, false, 'on quit');
    });
  }

  #handToSquirrel(): void {
    setImmediate(() => {
      this.#squirrelHasUpdate = true;
      this.emit('squirrel-update-downloaded');
      app.once('quit', () => {
        if (!this.#quitAndInstallCalled)
          updaterControl.installs.push({ trigger: 'on quit', silent: true, runAfter: false });
      });
    });
  }

  quitAndInstall(isSilent = false, isForceRunAfter = false): void {
    if (this.#mac) return this.#macQuitAndInstall();
    // BaseUpdater.js:13-26: install now, quit on the next turn; not installed, quitAndInstallCalled resets.
    if (this.#install(isSilent, isSilent ? isForceRunAfter : this.autoRunAppAfterInstall, 'quitAndInstall'))
      setImmediate(() => app.quit());
    else this.#quitAndInstallCalled = false;
  }

  /** BaseUpdater.js:42-67, install: once only, and only with a download. */
  #install(silent: boolean, runAfter: boolean, trigger: StandInInstall['trigger']): boolean {
    if (this.#quitAndInstallCalled) return false;
    if (!this.#downloaded) {
      this.emit('error', new Error("No update filepath provided, can't quit and install"));
      return false;
    }
    this.#quitAndInstallCalled = true;
    updaterControl.installs.push({ trigger, silent, runAfter });
    return true;
  }

  /**
   * MacUpdater.js:229-256: once Squirrel.Mac holds the update, Electron's autoUpdater.quitAndInstall
   * (restarts) or app.quit (Squirrel installs as the app ends); without autoInstallOnAppQuit, Squirrel is
   * handed the update first, so the quit comes a turn later.
   */
  #macQuitAndInstall(): void {
    const handle = () => {
      this.#quitAndInstallCalled = true;
      updaterControl.installs.push({
        trigger: 'quitAndInstall',
        silent: false,
        runAfter: this.autoRunAppAfterInstall,
      });
      app.quit();
    };
    if (this.#squirrelHasUpdate) return handle();
    if (!this.#downloaded) {
      this.emit('error', new Error('Squirrel.Mac has no update to install'));
      return;
    }
    this.once('squirrel-update-downloaded', handle);
    if (!this.autoInstallOnAppQuit) this.#handToSquirrel();
  }
}

let autoUpdater: StandInUpdater | null = null;

/**
 * The module's default export, as the shell reads it (`import('electron-updater')` → default): the shared
 * autoUpdater (main.js:41-52 makes the platform's kind) and the classes a new updater is made from.
 */
export const updaterModuleStandIn = {
  get autoUpdater(): StandInUpdater {
    updaterControl.loaded = true;
    autoUpdater ??= new StandInUpdater();
    return autoUpdater;
  },
  NsisUpdater: StandInUpdater,
  MacUpdater: StandInUpdater,
  AppImageUpdater: StandInUpdater,
};
