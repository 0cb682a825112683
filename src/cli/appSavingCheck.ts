import fs from 'node:fs';
import path from 'node:path';
import { errorCode } from '../main/core/diskFaults';
import { describeSaveFailure } from '../main/core/watchList';
import type { SaveProblem } from '../shared/serviceState';
import { appWatchListFile } from './watchHistory';

/** Room a save needs beyond the document itself: conf writes a whole new copy before replacing it. */
const SAVE_HEADROOM_BYTES = 64 * 1024;

/**
 * Whether the desktop app can save its watch list where it keeps it, looked at from outside (the CLI never
 * writes there): the folder must be writable and its disk must have room for a new copy of the list. Null
 * when it can, or when there is no such folder (the app has not run). The app says the same in its window
 * and tray while its saves fail; this lets `status` say it where scripts and terminals look.
 */
export function appSavingProblem(env: Readonly<Record<string, string | undefined>>): SaveProblem | null {
  const file = appWatchListFile(env);
  const folder = path.dirname(file);
  if (!fs.existsSync(folder)) return null;
  try {
    fs.accessSync(folder, fs.constants.W_OK);
    const { bavail, bsize } = fs.statfsSync(folder);
    const documentBytes = fs.existsSync(file) ? fs.statSync(file).size : 0;
    if (bavail * bsize < documentBytes + SAVE_HEADROOM_BYTES) return describeSaveFailure('ENOSPC', file);
    return null;
  } catch (error) {
    return describeSaveFailure(errorCode(error), file);
  }
}
