import fs from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import type { AppUpdater } from 'electron-updater';
import { systemClock } from '../core/clock/clock';
import type { Logger } from '../core/logging/logger';
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
  const packageTypeFile = resource('package-type');
  const updateConfigFile = resource('app-update.yml');
  let packageType: string | null = null;
  try {
    if (packageTypeFile !== null) packageType = fs.readFileSync(packageTypeFile, 'utf8').trim();
  } catch {
    // No such file: not a .deb/.rpm/pacman package.
  }
  return {
    packaged: app.isPackaged,
    platform: process.platform,
    appImagePath: process.env['APPIMAGE'],
    packageType,
    hasUpdateConfig: updateConfigFile !== null && fs.existsSync(updateConfigFile),
  };
}

/**
 * electron-updater's autoUpdater as the core's UpdaterPort. It is loaded on the first check, so a copy
 * that cannot update never loads it. `beforeQuit` lets the window close: on macOS quitAndInstall closes
 * every window before `before-quit` is emitted, and the window otherwise only hides.
 */
function electronUpdaterPort(logger: Logger, beforeQuit: () => void): UpdaterPort {
  const listeners = new Set<(event: UpdaterEvent) => void>();
  const tell = (event: UpdaterEvent) => {
    for (const listener of listeners) listener(event);
  };
  let loaded: Promise<AppUpdater> | null = null;
  const load = () =>
    (loaded ??= import('electron-updater').then(({ default: { autoUpdater } }) => {
      autoUpdater.logger = {
        info: (message: unknown) => logger.info(`Updater: ${String(message)}`),
        warn: (message: unknown) => logger.warn(`Updater: ${String(message)}`),
        error: (message: unknown) => logger.error(`Updater: ${String(message)}`),
        debug: (message: string) => logger.debug(`Updater: ${message}`),
      };
      autoUpdater.autoDownload = true;
      autoUpdater.autoInstallOnAppQuit = true;
      autoUpdater.on('update-available', (info) => tell({ type: 'available', version: info.version }));
      autoUpdater.on('update-not-available', () => tell({ type: 'not-available' }));
      autoUpdater.on('download-progress', (progress) =>
        tell({ type: 'progress', percent: progress.percent }),
      );
      autoUpdater.on('update-downloaded', (info) => tell({ type: 'downloaded', version: info.version }));
      autoUpdater.on('error', (error) => tell({ type: 'error', message: error.message }));
      return autoUpdater;
    }));
  return {
    async check() {
      const result = await (await load()).checkForUpdates();
      // The download goes on in the background; a failure of it arrives as an 'error' event as well.
      result?.downloadPromise?.catch(() => {});
    },
    quitAndInstall() {
      beforeQuit();
      void load().then((updater) => updater.quitAndInstall());
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
    return updatesNotAvailable(systemClock, logger, availability.reason);
  }
  return createUpdateController({
    clock: systemClock,
    logger,
    availability,
    updater: electronUpdaterPort(logger, beforeQuit),
  });
}
