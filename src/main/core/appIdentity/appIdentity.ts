import path from 'node:path';

/**
 * The app's one identity. package.json (`productName`, `desktopName`) and electron-builder.yml (`appId`,
 * `productName`, `linux.executableName`) must say the same: tests/unit/packaging checks that they do.
 */

/** The name people see, and Electron's app name: the data folder is `<appData>/CAMB Watch`. */
export const APP_NAME = 'CAMB Watch';

/** One line on what the app does: desktop entries' Comment, the .deb's synopsis. */
export const APP_SUMMARY = 'Watches CAMB.AI jobs and notifies you when they finish';

/** macOS bundle id, Windows AppUserModelID, and on Linux the desktop file id (see DESKTOP_FILE_ID). */
export const APP_ID = 'ai.cambwatch.app';

/**
 * Linux: the installed desktop file's id. Electron derives the Wayland app_id and the X11 WM_CLASS from it
 * (package.json `desktopName`), registers `camb-watch://` against it, and portals (global shortcuts) require
 * it to be a reverse-DNS id naming an installed desktop file — so it is the app id.
 */
export const DESKTOP_FILE_ID = APP_ID;
export const DESKTOP_FILE_NAME = `${DESKTOP_FILE_ID}.desktop`;

/** The desktop app's program on Linux and its icon's name (the CLI is `camb-watch`). */
export const EXECUTABLE_NAME = 'camb-watch-app';

export interface ProfileFolderOptions {
  /** CAMB_WATCH_USER_DATA, when set. */
  readonly override: string | undefined;
  readonly isPackaged: boolean;
  /** Electron's `appData` folder (~/.config, ~/Library/Application Support, %APPDATA%). */
  readonly appDataDir: string;
}

/**
 * The folder the app keeps its data in when it is not Electron's default (`<appData>/CAMB Watch`, the
 * installed app's): the folder CAMB_WATCH_USER_DATA names, else for a development run a profile of its own,
 * so `npm start` never reads or rewrites the installed app's watch list nor takes its single-instance lock.
 */
export function profileFolderOverride(options: ProfileFolderOptions): string | null {
  const override = options.override?.trim() ?? '';
  if (override !== '') return path.resolve(override);
  if (options.isPackaged) return null;
  return path.join(options.appDataDir, `${APP_NAME} (development)`);
}
