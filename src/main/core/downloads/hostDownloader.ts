import { rm } from 'node:fs/promises';
import type { Clock } from '../clock';
import type { UrlCheck } from '../links';
import { DownloadTooLarge, RedirectRefused } from './downloadErrors';
import type { DownloadLimits, DownloadProgress } from './downloadFile';
import { guardDownload } from './downloadGuard';

/** What the host's download manager reports while it moves the bytes. */
export interface HostDownloadProgress extends DownloadProgress {
  /** Every link requested so far, the first included (Chromium: DownloadItem.getURLChain()). */
  readonly urlChain: readonly string[];
}

export interface HostDownloadRequest {
  readonly url: string;
  /** Where the file goes: a name the core claimed exclusively (an empty file the download replaces). */
  readonly savePath: string;
  readonly onProgress: (progress: HostDownloadProgress) => void;
  /** Aborted when the user cancels, or the core stops the download (size, stall, a refused redirect). */
  readonly signal: AbortSignal;
}

/**
 * A host's own download manager: in the desktop app Chromium's (session.downloadURL → DownloadItem), which
 * writes Mark-of-the-Web on Windows and the quarantine flag on macOS itself. It only moves bytes: the core
 * chose the name and the link, and checks the size, the pace and every redirect from its progress.
 * Resolves once the file is complete at `savePath`; rejects with an error carrying the host's reason.
 */
export type HostDownloader = (request: HostDownloadRequest) => Promise<void>;

export interface HostTransferOptions {
  readonly download: HostDownloader;
  readonly url: string;
  readonly savePath: string;
  readonly checkUrl: (url: string) => UrlCheck;
  readonly clock: Clock;
  readonly limits: DownloadLimits;
  readonly signal: AbortSignal;
  readonly onProgress: (progress: DownloadProgress) => void;
}

/**
 * Runs a download through the host's manager under the same rules as the core's own (downloadFile): a
 * redirect that fails the link check, too many bytes or no bytes for the stall timeout stop it; on any
 * failure the claimed file is removed.
 */
export async function transferThroughHost(options: HostTransferOptions): Promise<void> {
  const { limits } = options;
  const guard = guardDownload(options.signal, options.clock, limits.stallMs);
  const onProgress = (progress: HostDownloadProgress) => {
    guard.fed();
    const refused = progress.urlChain.map(options.checkUrl).find((checked) => !checked.ok);
    if (refused !== undefined && !refused.ok) return guard.stop(new RedirectRefused(refused.message));
    if (progress.urlChain.length > limits.maxRedirects + 1)
      return guard.stop(new RedirectRefused('The link went through too many redirects.'));
    const declaredTooLarge = progress.totalBytes !== null && progress.totalBytes > limits.maxBytes;
    if (declaredTooLarge || progress.receivedBytes > limits.maxBytes)
      return guard.stop(new DownloadTooLarge(limits.maxBytes));
    options.onProgress({ receivedBytes: progress.receivedBytes, totalBytes: progress.totalBytes });
  };
  try {
    await options.download({
      url: options.url,
      savePath: options.savePath,
      onProgress,
      signal: guard.signal,
    });
    if (guard.reason !== null) throw guard.reason;
  } catch (error) {
    await rm(options.savePath, { force: true });
    throw guard.reason ?? error;
  } finally {
    guard.dispose();
  }
}
