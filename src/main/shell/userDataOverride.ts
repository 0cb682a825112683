import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';

export const USER_DATA_ENV_VAR = 'CAMB_WATCH_USER_DATA';

/**
 * `CAMB_WATCH_USER_DATA=<folder>` runs the app on a profile of its own (the demo, the Electron tests), so
 * it never touches the user's watch list. It must be applied before `ready`, and before the single-instance
 * lock, which lives in the user-data folder: a demo can then run next to the real app.
 */
export function applyUserDataOverride(env: NodeJS.ProcessEnv): string | null {
  const raw = env[USER_DATA_ENV_VAR];
  if (raw === undefined || raw.trim() === '') return null;
  const folder = path.resolve(raw.trim());
  mkdirSync(folder, { recursive: true });
  app.setPath('userData', folder);
  app.setAppLogsPath(path.join(folder, 'logs'));
  return folder;
}
