import type { EventPayload } from '../../../shared/contract';
import type { TaskKey } from '../../../shared/watchedTask';
import { basename } from 'node:path';
import { rm } from 'node:fs/promises';
import type { CambFetch } from '../camb';
import type { Clock } from '../clock';
import type { Logger } from '../logging';
import type { UrlCheck } from '../links';
import {
  DEFAULT_DOWNLOAD_LIMITS,
  downloadFile,
  type DownloadLimits,
  type DownloadProgress,
} from './downloadFile';
import { describeDownloadError } from './downloadErrors';
import { createExclusive, publishExclusive, type ClaimedFile } from './exclusiveFiles';
import { fileNameForUrl, nameRulesOf, safeFileName, type FileKind } from './fileNames';
import { transferThroughHost, type HostDownloader } from './hostDownloader';
import { osMarksFor, writeOsMarks, type RunProgram } from './osMarks';

export type DownloadEvent = EventPayload<'downloadProgress'>;

export interface ResultDownloadsOptions {
  readonly fetch: CambFetch;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly folder: string;
  /** `folder` in a sentence ("your Downloads folder", the default); failures name it so. */
  readonly folderInWords?: string;
  readonly onEvent: (event: DownloadEvent) => void;
  /** The policy every link and redirect passes (checkDownloadUrl with the host's allowLoopbackHttp). */
  readonly checkUrl: (url: string) => UrlCheck;
  /** The CAMB.AI API the links come from: the referrer in the OS marks. */
  readonly referrer: string | null;
  /**
   * The host's own download manager (Chromium in the desktop app, which marks files for the OS itself);
   * without one the core fetches and writes the file, and writes the marks.
   */
  readonly hostDownloader?: HostDownloader;
  /** Whose file-name rules and OS marks apply; default: this system's. */
  readonly platform?: NodeJS.Platform;
  readonly limits?: Partial<DownloadLimits>;
  /** For the marks (setfattr, xattr); tests see what would run. */
  readonly runProgram?: RunProgram;
  /** Progress is reported at most this often; the start and the end always are. Default 200 ms. */
  readonly progressIntervalMs?: number;
}

export interface ResultDownloads {
  /** Claims a file name and starts streaming; progress and the outcome arrive through `onEvent`. */
  start(key: TaskKey, link: ResultLink): Promise<{ downloadId: string; fileName: string }>;
  /** Writes `text` into the folder as a new file (never over one), reported like a finished download. */
  saveText(key: TaskKey, fileName: string, text: string): Promise<{ downloadId: string; fileName: string }>;
  /** Stops a download in progress (its partial file is removed); false when it is not running. */
  cancel(downloadId: string): boolean;
  /** Where a finished download (or saved text) of this session is; undefined for an unknown id. */
  pathOf(downloadId: string): string | undefined;
  /** Resolves when every download started so far has ended (for tests and an orderly quit). */
  whenSettled(): Promise<void>;
  /** Aborts every download in progress; their partial files are removed. */
  dispose(): void;
}

/** A result link to download: checked already, with the name it falls back on and the kind its field holds. */
export interface ResultLink {
  readonly url: string;
  readonly fallbackName: string;
  readonly kind: FileKind;
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
  const platform = options.platform ?? process.platform;
  const rules = nameRulesOf(platform);
  const limits: DownloadLimits = { ...DEFAULT_DOWNLOAD_LIMITS, ...options.limits };
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  // Finished files by download id, so "Show in folder" names an id, never a path from the window.
  const finished = new Map<string, string>();
  let nextId = 1;

  function remember(downloadId: string, destination: string): void {
    finished.set(downloadId, destination);
    if (finished.size > MAX_REMEMBERED) finished.delete(finished.keys().next().value as string);
  }

  /** Marks the file for the OS as a browser would; a mark the file system refuses is only logged. */
  async function mark(file: string, url: string | null): Promise<void> {
    const marks = osMarksFor(platform, { url, referrer: options.referrer }, options.clock.now());
    const missed = await writeOsMarks(file, marks, platform, options.runProgram);
    if (missed.length > 0) options.logger.info('Some OS marks could not be written', { missed });
  }

  /** Moves the bytes (the host's manager, or fetch into an exclusive partial file); returns the path. */
  async function transfer(
    url: string,
    name: string,
    signal: AbortSignal,
    onProgress: (progress: DownloadProgress) => void,
  ): Promise<string> {
    const common = { url, checkUrl: options.checkUrl, clock: options.clock, limits, signal, onProgress };
    if (options.hostDownloader === undefined) {
      const partial = await createExclusive(options.folder, name, '.download');
      const path = await downloadFile({ ...common, fetch: options.fetch, partial, folder: options.folder });
      await mark(path, url);
      return path;
    }
    // Electron has Chromium write straight into the path it is given, replacing what is there: the name
    // is claimed first, exclusively, as an empty file the download then fills.
    const claimed = await createExclusive(options.folder, name);
    await claimed.handle.close();
    await transferThroughHost({ ...common, download: options.hostDownloader, savePath: claimed.path });
    return claimed.path;
  }

  async function run(downloadId: string, key: TaskKey, link: ResultLink, name: string, signal: AbortSignal) {
    const base = { downloadId, key, fileName: name };
    let lastReport = -Infinity;
    let totalBytes: number | null = null;
    let receivedBytes = 0;
    try {
      const destination = await transfer(link.url, name, signal, (progress) => {
        ({ receivedBytes, totalBytes } = progress);
        const now = options.clock.now();
        if (now - lastReport < interval) return;
        lastReport = now;
        options.onEvent({ ...base, ...progress, state: 'progressing', message: null });
      });
      remember(downloadId, destination);
      options.onEvent({
        ...base,
        fileName: basename(destination),
        receivedBytes,
        totalBytes,
        state: 'done',
        message: destination,
      });
    } catch (error) {
      options.logger.warn('A result download failed', { key, error: describeRawError(error) });
      const cancelled = signal.aborted;
      options.onEvent({
        ...base,
        receivedBytes,
        totalBytes,
        state: cancelled ? 'cancelled' : 'failed',
        message: describeDownloadError(error, cancelled, options.folderInWords),
      });
    } finally {
      running.delete(downloadId);
    }
  }

  return {
    async start(key, link) {
      const name = fileNameForUrl(link.url, { kind: link.kind, fallback: link.fallbackName, rules });
      const downloadId = `download-${nextId++}`;
      const controller = new AbortController();
      options.onEvent({
        downloadId,
        key,
        fileName: name,
        receivedBytes: 0,
        totalBytes: null,
        state: 'progressing',
        message: null,
      });
      const done = run(downloadId, key, link, name, controller.signal);
      running.set(downloadId, { controller, done });
      return { downloadId, fileName: name };
    },
    async saveText(key, fileName, text) {
      const name = safeFileName(fileName, { kind: 'text', fallback: 'camb-result.txt', rules });
      const downloadId = `download-${nextId++}`;
      const bytes = Buffer.byteLength(text);
      const base = { downloadId, key, fileName: name, receivedBytes: bytes, totalBytes: bytes };
      let partial: ClaimedFile | null = null;
      try {
        partial = await createExclusive(options.folder, name, '.download');
        await partial.handle.writeFile(text, 'utf8');
        await partial.handle.close();
        const destination = await publishExclusive(partial.path, options.folder, partial.name);
        await mark(destination, null);
        remember(downloadId, destination);
        options.onEvent({ ...base, fileName: basename(destination), state: 'done', message: destination });
        return { downloadId, fileName: basename(destination) };
      } catch (error) {
        await partial?.handle.close().catch(() => undefined);
        if (partial !== null) await rm(partial.path, { force: true });
        options.logger.warn('A result text could not be saved', { key, error: describeRawError(error) });
        options.onEvent({
          ...base,
          state: 'failed',
          message: describeDownloadError(error, false, options.folderInWords),
        });
        return { downloadId, fileName: name };
      }
    },
    cancel(downloadId) {
      const entry = running.get(downloadId);
      entry?.controller.abort();
      return entry !== undefined;
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
