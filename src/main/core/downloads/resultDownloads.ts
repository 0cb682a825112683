import type { EventPayload } from '../../../shared/contract';
import type { TaskKey } from '../../../shared/watchedTask';
import { basename } from 'node:path';
import { rm, writeFile } from 'node:fs/promises';
import type { CambFetch } from '../camb/cambClient';
import type { Clock } from '../clock/clock';
import type { Logger } from '../logging/logger';
import { downloadFile } from './downloadFile';
import { describeDownloadError } from './downloadErrors';
import { fileNameForUrl, reserveUniquePath } from './fileNames';

export type DownloadEvent = EventPayload<'downloadProgress'>;

export interface ResultDownloadsOptions {
  readonly fetch: CambFetch;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly folder: string;
  readonly onEvent: (event: DownloadEvent) => void;
  /** Progress is reported at most this often; the start and the end always are. Default 200 ms. */
  readonly progressIntervalMs?: number;
}

export interface ResultDownloads {
  /** Claims a file name and starts streaming; progress and the outcome arrive through `onEvent`. */
  start(key: TaskKey, url: string, fallbackName: string): Promise<{ downloadId: string; fileName: string }>;
  /** Writes `text` into the folder as a new file (never over one), reported like a finished download. */
  saveText(key: TaskKey, fileName: string, text: string): Promise<{ downloadId: string; fileName: string }>;
  /** Where a finished download (or saved text) of this session is; undefined for an unknown id. */
  pathOf(downloadId: string): string | undefined;
  /** Resolves when every download started so far has ended (for tests and an orderly quit). */
  whenSettled(): Promise<void>;
  /** Aborts every download in progress; their partial files are removed. */
  dispose(): void;
}

const MAX_REMEMBERED = 500;

/** The error and its causes, for the log (undici hides the useful part in `cause`). */
function describeRawError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    parts.push(typeof message === 'string' ? message : String(current));
    if (typeof code === 'string') parts.push(code);
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
  }
  return parts.join(' / ');
}

export function createResultDownloads(options: ResultDownloadsOptions): ResultDownloads {
  const interval = options.progressIntervalMs ?? 200;
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  // Finished files by download id, so "Show in folder" names an id, never a path from the window.
  const finished = new Map<string, string>();
  let nextId = 1;

  function remember(downloadId: string, destination: string): void {
    finished.set(downloadId, destination);
    if (finished.size > MAX_REMEMBERED) finished.delete(finished.keys().next().value as string);
  }

  async function run(
    downloadId: string,
    key: TaskKey,
    url: string,
    destination: string,
    signal: AbortSignal,
  ): Promise<void> {
    const fileName = basename(destination);
    const base = { downloadId, key, fileName };
    let lastReport = -Infinity;
    let totalBytes: number | null = null;
    let receivedBytes = 0;
    try {
      await downloadFile({
        fetch: options.fetch,
        url,
        destination,
        signal,
        onProgress: (progress) => {
          ({ receivedBytes, totalBytes } = progress);
          const now = options.clock.now();
          if (now - lastReport < interval) return;
          lastReport = now;
          options.onEvent({ ...base, ...progress, state: 'progressing', message: null });
        },
      });
      remember(downloadId, destination);
      options.onEvent({ ...base, receivedBytes, totalBytes, state: 'done', message: destination });
    } catch (error) {
      await rm(destination, { force: true });
      options.logger.warn('A result download failed', { key, error: describeRawError(error) });
      options.onEvent({
        ...base,
        receivedBytes,
        totalBytes,
        state: 'failed',
        message: describeDownloadError(error, signal.aborted),
      });
    } finally {
      running.delete(downloadId);
    }
  }

  return {
    async start(key, url, fallbackName) {
      const destination = await reserveUniquePath(options.folder, fileNameForUrl(url, fallbackName));
      const downloadId = `download-${nextId++}`;
      const controller = new AbortController();
      const fileName = basename(destination);
      options.onEvent({
        downloadId,
        key,
        fileName,
        receivedBytes: 0,
        totalBytes: null,
        state: 'progressing',
        message: null,
      });
      const done = run(downloadId, key, url, destination, controller.signal);
      running.set(downloadId, { controller, done });
      return { downloadId, fileName };
    },
    async saveText(key, fileName, text) {
      const destination = await reserveUniquePath(options.folder, fileName);
      const downloadId = `download-${nextId++}`;
      const bytes = Buffer.byteLength(text);
      const base = {
        downloadId,
        key,
        fileName: basename(destination),
        receivedBytes: bytes,
        totalBytes: bytes,
      };
      try {
        await writeFile(destination, text, 'utf8');
      } catch (error) {
        await rm(destination, { force: true });
        options.logger.warn('A result text could not be saved', { key, error: describeRawError(error) });
        options.onEvent({ ...base, state: 'failed', message: describeDownloadError(error, false) });
        return { downloadId, fileName: base.fileName };
      }
      remember(downloadId, destination);
      options.onEvent({ ...base, state: 'done', message: destination });
      return { downloadId, fileName: base.fileName };
    },
    pathOf: (downloadId) => finished.get(downloadId),
    async whenSettled() {
      while (running.size > 0) await Promise.all([...running.values()].map((entry) => entry.done));
    },
    dispose() {
      for (const entry of running.values()) entry.controller.abort();
    },
  };
}
