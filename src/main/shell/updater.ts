import fs from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import type * as ElectronUpdater from 'electron-updater';
import type { AppUpdater } from 'electron-updater';
import { systemClock } from '../core/clock';
import type { Logger } from '../core/logging';
import {
  createUpdateController,
  updateAvailability,
  updatesNotAvailable,
  type InstallFacts,
  type UpdateController,
  type UpdaterEvent,
  type UpdaterPort,
} from '../core/updates';

/** What electron-builder left beside app.asar: how this copy was packaged, and where updates come from. */
function installFacts(): InstallFacts {
  // Electron sets process.resourcesPath; a development run's resources are Electron's own, not ours.
  const resources = app.isPackaged ? (process.resourcesPath as string | undefined) : undefined;
  const resource = (name: string) => (resources === undefined ? null : path.join(resources, name));
  const updateConfigFile = resource('app-update.yml');
  /** A one-line file electron-builder (package-type) or our afterPack (code-signing) wrote; null if none. */
  const readResource = (name: string): string | null => {
    const file = resource(name);
    try {
      return file === null ? null : fs.readFileSync(file, 'utf8').trim();
    } catch {
      return null;
    }
  };
  return {
    packaged: app.isPackaged,
    platform: process.platform,
    appImagePath: process.env['APPIMAGE'],
    // None: not a .deb/.rpm/pacman package.
    packageType: readResource('package-type'),
    hasUpdateConfig: updateConfigFile !== null && fs.existsSync(updateConfigFile),
    developerIdSigned: process.platform === 'darwin' && readResource('code-signing') === 'developer-id',
  };
}

type UpdaterModule = typeof ElectronUpdater;

/**
 * A fresh updater of the kind electron-updater's `autoUpdater` getter makes for this platform
 * (electron-updater/out/main.js:41-52, doLoadAutoUpdater). Only these three can update here (see
 * updateAvailability): a .deb/.rpm/pacman install never loads the updater.
 */
function freshUpdater(module: UpdaterModule): AppUpdater {
  if (process.platform === 'win32') return new module.NsisUpdater();
  if (process.platform === 'darwin') return new module.MacUpdater();
  return new module.AppImageUpdater();
}

/**
 * electron-updater as the core's UpdaterPort. It is loaded on the first check, so a copy that cannot
 * update never loads it. `beforeQuit` lets the window close: on macOS quitAndInstall closes every window
 * before `before-quit` is emitted, and the window otherwise only hides.
 */
function electronUpdaterPort(logger: Logger, beforeQuit: () => void): UpdaterPort {
  const listeners = new Set<(event: UpdaterEvent) => void>();
  const tell = (event: UpdaterEvent) => {
    for (const listener of listeners) listener(event);
  };
  let module: Promise<UpdaterModule> | null = null;
  let current: { updater: AppUpdater; stopHearing: () => void } | null = null;

  const hear = (updater: AppUpdater) => {
    updater.logger = {
      info: (message: unknown) => logger.info(`Updater: ${String(message)}`),
      warn: (message: unknown) => logger.warn(`Updater: ${String(message)}`),
      error: (message: unknown) => logger.error(`Updater: ${String(message)}`),
      debug: (message: string) => logger.debug(`Updater: ${message}`),
    };
    updater.autoDownload = true;
    // Never install on the way out by itself. With this on, electron-updater installs on every 'quit'
    // with exit code 0 (BaseUpdater.js:69-88, addQuitHandler, armed when a download is done): on Windows
    // that includes the quit the app makes when the session ends, and NSIS then runs while Windows logs
    // off and can leave the app half-installed (electron-builder #7807, #7294, #3798). On macOS it hands
    // the download to Squirrel.Mac at once (MacUpdater.js:219-227), which then installs on any quit,
    // shutdown included. Installing is asked for explicitly instead: quitAndInstall below.
    updater.autoInstallOnAppQuit = false;
    const available = (info: { version: string }) => tell({ type: 'available', version: info.version });
    const notAvailable = () => tell({ type: 'not-available' });
    const progress = (info: { percent: number }) => tell({ type: 'progress', percent: info.percent });
    const downloaded = (info: { version: string }) => tell({ type: 'downloaded', version: info.version });
    const failed = (error: Error) => tell({ type: 'error', message: error.message });
    updater.on('update-available', available);
    updater.on('update-not-available', notAvailable);
    updater.on('download-progress', progress);
    updater.on('update-downloaded', downloaded);
    updater.on('error', failed);
    current = {
      updater,
      stopHearing: () => {
        updater.off('update-available', available);
        updater.off('update-not-available', notAvailable);
        updater.off('download-progress', progress);
        updater.off('update-downloaded', downloaded);
        updater.off('error', failed);
      },
    };
    return updater;
  };
  let abandoned = false;
  const load = async (): Promise<AppUpdater> => {
    module ??= import('electron-updater').then((loaded) => loaded.default);
    const loaded = await module;
    if (current !== null) return current.updater;
    // The shared autoUpdater first; after a check was abandoned, a new one (see abandon).
    return hear(abandoned ? freshUpdater(loaded) : loaded.autoUpdater);
  };
  return {
    async check() {
      const updater = await load();
      const result = await updater.checkForUpdates();
      // The download goes on in the background; a failure of it arrives as an 'error' event as well.
      result?.downloadPromise?.catch(() => {});
    },
    abandon() {
      // An updater whose request stalled keeps that check pending for ever and hands it back to every
      // later checkForUpdates() (AppUpdater.js:253-261): the next check needs a new updater. Whatever the
      // old one says from now on is not heard.
      current?.stopHearing();
      current = null;
      abandoned = true;
    },
    quitAndInstall({ relaunch }) {
      beforeQuit();
      void load().then((updater) => {
        // MacUpdater.quitAndInstall ignores its arguments and starts the app again only when
        // autoRunAppAfterInstall is on (MacUpdater.js:230-238); NsisUpdater and AppImageUpdater take them
        // (BaseUpdater.js:13-26): silent when the user only quit, and started again for a restart.
        updater.autoRunAppAfterInstall = relaunch;
        updater.quitAndInstall(!relaunch, relaunch);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export interface ShellUpdatesOptions {
  readonly logger: Logger;
  /** Lets the window really close before the app quits to install. */
  readonly beforeQuit: () => void;
}

/**
 * The app's updates: electron-updater where this copy can update itself, otherwise a controller that
 * only says why not (a development run, a .deb, an unpacked Linux folder). The app host starts it.
 */
export function createShellUpdates({ logger, beforeQuit }: ShellUpdatesOptions): UpdateController {
  const availability = updateAvailability(installFacts());
  if (!availability.available) {
    logger.info('Updates are off for this copy', { reason: availability.reason });
    return updatesNotAvailable(systemClock, logger, availability.reason, availability.releasesUrl);
  }
  return createUpdateController({
    clock: systemClock,
    logger,
    availability,
    updater: electronUpdaterPort(logger, beforeQuit),
  });
}
