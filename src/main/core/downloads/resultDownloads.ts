import type { EventPayload } from '../../../shared/contract';
import type { TaskKey } from '../../../shared/watchedTask';
import { basename } from 'node:path';
import { rm } from 'node:fs/promises';
import type { CambFetch } from '../camb/cambClient';
import type { Clock } from '../clock/clock';
import type { Logger } from '../logging/logger';
import { downloadFile } from './downloadFile';
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
  /** Resolves when every download started so far has ended (for tests and an orderly quit). */
  whenSettled(): Promise<void>;
  /** Aborts every download in progress; their partial files are removed. */
  dispose(): void;
}

export function createResultDownloads(options: ResultDownloadsOptions): ResultDownloads {
  const interval = options.progressIntervalMs ?? 200;
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  let nextId = 1;

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
      options.onEvent({ ...base, receivedBytes, totalBytes, state: 'done', message: destination });
    } catch (error) {
      await rm(destination, { force: true });
      const reason = signal.aborted
        ? 'the download was cancelled'
        : String((error as Error).message ?? error);
      options.logger.warn('A result download failed', { key, reason });
      options.onEvent({
        ...base,
        receivedBytes,
        totalBytes,
        state: 'failed',
        message: `Could not download ${fileName}: ${reason}.`,
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
    async whenSettled() {
      while (running.size > 0) await Promise.all([...running.values()].map((entry) => entry.done));
    },
    dispose() {
      for (const entry of running.values()) entry.controller.abort();
    },
  };
}
