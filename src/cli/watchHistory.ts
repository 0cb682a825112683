import os from 'node:os';
import path from 'node:path';
import { APP_NAME, profileFolderOverride } from '../main/core/appIdentity';
import { documentStoreFile } from '../main/core/persistence';
import { readSavedDocument } from '../main/core/persistence';
import type { FinishedRun } from '../shared/durations';
import type { TaskKind } from '../shared/taskKinds';

/**
 * Electron's `appData` folder, as app.getPath('appData') gives it: %APPDATA% on Windows,
 * ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config elsewhere.
 */
export function electronAppDataDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  const xdg = env['XDG_CONFIG_HOME'];
  return xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(home, '.config');
}

/** The installed app's watch list (or the profile CAMB_WATCH_USER_DATA names). */
export function appWatchListFile(env: Readonly<Record<string, string | undefined>>): string {
  const appDataDir = electronAppDataDir(env);
  const folder =
    profileFolderOverride({ override: env['CAMB_WATCH_USER_DATA'], isPackaged: true, appDataDir }) ??
    path.join(appDataDir, APP_NAME);
  return documentStoreFile(folder);
}

export interface WatchHistory {
  /** How long watched jobs took, as the app recorded them; empty when the app has none. */
  readonly runs: readonly FinishedRun[];
  /** When the app started watching this task, when it does: its age counts from then. */
  readonly addedAt: number | null;
}

/**
 * What the desktop app's watch list says of a task kind, read as the app opens it (readSavedDocument:
 * the document, then the action journal's acknowledged actions) but without changing anything: nothing is
 * migrated, repaired, moved, locked or written, so a running app keeps its folder. A missing or unreadable
 * list means no history.
 */
export function readWatchHistory(file: string, kind: TaskKind, taskId: string): WatchHistory {
  const document = readSavedDocument(file);
  const runs = (document.finishedRuns ?? []).filter((run) => run.kind === kind);
  const task = document.tasks.find((entry) => entry.kind === kind && entry.taskId === taskId);
  return { runs, addedAt: task?.addedAt ?? null };
}
