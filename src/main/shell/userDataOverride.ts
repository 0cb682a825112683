import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import { profileFolderOverride } from '../core/appIdentity';

export const USER_DATA_ENV_VAR = 'CAMB_WATCH_USER_DATA';

/**
 * `CAMB_WATCH_USER_DATA=<folder>` runs the app on a profile of its own (the demo, the Electron tests), so
 * it never touches the user's watch list; a development run (`npm start`) always has one. It must be
 * applied before `ready`, and before the single-instance lock, which lives in the user-data folder: a demo
 * or a development run can then run next to the installed app.
 */
export function applyUserDataOverride(env: NodeJS.ProcessEnv): string | null {
  const folder = profileFolderOverride({
    override: env[USER_DATA_ENV_VAR],
    isPackaged: app.isPackaged,
    appDataDir: app.getPath('appData'),
  });
  if (folder === null) return null;
  mkdirSync(folder, { recursive: true });
  app.setPath('userData', folder);
  app.setAppLogsPath(path.join(folder, 'logs'));
  return folder;
}
