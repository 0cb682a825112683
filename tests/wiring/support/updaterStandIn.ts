/**
 * A stand-in for electron-updater, which the shell loads only where this copy can update itself. Its
 * autoUpdater is typed as a Pick of electron-updater's own AppUpdater (typecheck catches drift); reading it
 * is what loading the updater means to the shell, so `updaterControl.loaded` says whether a run did.
 */
import { EventEmitter } from 'node:events';
import type { AppUpdater, Logger, UpdateCheckResult } from 'electron-updater';

export const updaterControl = {
  /** Whether this run's app reached for autoUpdater. */
  loaded: false,
  checks: 0,
  installs: 0,
  /** The version the next check finds and downloads (null: nothing newer). */
  offered: null as string | null,
};

export function resetUpdaterStandIn(): void {
  Object.assign(updaterControl, { loaded: false, checks: 0, installs: 0, offered: null });
  autoUpdater.removeAllListeners();
}

class StandInAutoUpdater
  extends EventEmitter
  implements
    Pick<
      AppUpdater,
      'autoDownload' | 'autoInstallOnAppQuit' | 'logger' | 'checkForUpdates' | 'quitAndInstall'
    >
{
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: Logger | null = null;
  /** What electron-updater does with autoDownload on: says what it found, then that it is downloaded. */
  checkForUpdates(): Promise<UpdateCheckResult | null> {
    updaterControl.checks++;
    const version = updaterControl.offered;
    setImmediate(() => {
      if (version === null) {
        this.emit('update-not-available', { version: '0.1.0-wiring' });
        return;
      }
      this.emit('update-available', { version });
      this.emit('update-downloaded', { version });
    });
    return Promise.resolve(null);
  }
  quitAndInstall(_isSilent?: boolean, _isForceRunAfter?: boolean): void {
    updaterControl.installs++;
  }
}
const autoUpdater = new StandInAutoUpdater();

/** The module's default export, as the shell reads it (`import('electron-updater')` → default.autoUpdater). */
export const updaterModuleStandIn = {
  get autoUpdater(): StandInAutoUpdater {
    updaterControl.loaded = true;
    return autoUpdater;
  },
};
