import { MINUTE_MS } from '../../shared/time';
import { createWriteStream, mkdirSync, renameSync, statSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { createRedactor } from '../core/logging';
import type { Logger } from '../core/logging';
import { createStreamLogger, logLevelSchema, type LogLevel } from '../core/logging';

export const LOG_FILE_NAME = 'camb-watch.log';
/** One previous file is kept: enough for a bug report, never a disk filler. */
const ROTATE_AT_BYTES = 5 * 1024 * 1024;
/** How long the log waits before trying its file again after the disk refused a write. */
const REOPEN_AFTER_MS = MINUTE_MS;

export interface AppLog {
  readonly logger: Logger;
  readonly filePath: string;
  /** Every key the app has held, masked in every line from then on. */
  rememberSecret(secret: string): void;
}

function rotateIfLarge(filePath: string): void {
  try {
    if (statSync(filePath).size >= ROTATE_AT_BYTES) renameSync(filePath, `${filePath}.1`);
  } catch {
    // No file yet.
  }
}

function levelFrom(env: NodeJS.ProcessEnv): LogLevel {
  const parsed = logLevelSchema.safeParse(env['CAMB_WATCH_LOG_LEVEL']);
  return parsed.success ? parsed.data : 'info';
}

/** The app's log in Electron's logs folder, through the redacting logger; mirrored to stderr in development. */
export function openAppLog(folder: string, env: NodeJS.ProcessEnv, alsoToStderr: boolean): AppLog {
  mkdirSync(folder, { recursive: true });
  const filePath = path.join(folder, LOG_FILE_NAME);
  rotateIfLarge(filePath);
  // A write the disk refuses (full, read-only) is an 'error' event: unheard, it would end the app. The
  // lines are lost while the disk refuses them (the window and tray say saving fails); the file is opened
  // again a minute later.
  let file: WriteStream | null = null;
  let failedAt = Number.NEGATIVE_INFINITY;
  const openFile = (): WriteStream | null => {
    if (file !== null || Date.now() - failedAt < REOPEN_AFTER_MS) return file;
    const opened = createWriteStream(filePath, { flags: 'a', mode: 0o600 });
    opened.on('error', () => {
      failedAt = Date.now();
      if (file === opened) file = null;
      opened.destroy();
    });
    file = opened;
    return file;
  };
  const secrets: string[] = [];
  const stream = {
    write(text: string) {
      const line = `${new Date().toISOString()} ${text}`;
      openFile()?.write(line);
      if (alsoToStderr) process.stderr.write(line);
    },
  };
  const logger = createStreamLogger({
    stream,
    level: levelFrom(env),
    redactor: createRedactor(() => secrets),
  });
  return {
    logger,
    filePath,
    rememberSecret(secret) {
      if (secret !== '' && !secrets.includes(secret)) secrets.push(secret);
    },
  };
}
