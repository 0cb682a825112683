import { rm } from 'node:fs/promises';
import type { CambFetch } from '../camb';
import type { Clock } from '../clock';
import type { UrlCheck } from '../links';
import { DownloadTooLarge, FileServerAnswer, IncompleteDownload, RedirectRefused } from './downloadErrors';
import { guardDownload } from './downloadGuard';
import { publishExclusive, type ClaimedFile } from './exclusiveFiles';

export interface DownloadProgress {
  readonly receivedBytes: number;
  readonly totalBytes: number | null;
}

export interface DownloadLimits {
  /** Bytes after decoding (a gzip bomb counts as what it unpacks to), declared or received. */
  readonly maxBytes: number;
  /** No byte (nor the answer's headers) for this long ends the download. */
  readonly stallMs: number;
  readonly maxRedirects: number;
}

/** The largest dubbed videos run to a few GiB; a stream beyond 8 GiB is a fault, not a result. */
export const DEFAULT_DOWNLOAD_LIMITS: DownloadLimits = {
  maxBytes: 8 * 2 ** 30,
  stallMs: 60_000,
  maxRedirects: 10,
};

export interface DownloadFileOptions {
  readonly fetch: CambFetch;
  readonly url: string;
  /** Every link, the first and each redirect's, must pass this before it is requested. */
  readonly checkUrl: (url: string) => UrlCheck;
  /** The partial file, already created exclusively (createExclusive with ".download"). */
  readonly partial: ClaimedFile;
  readonly folder: string;
  readonly clock: Clock;
  readonly limits: DownloadLimits;
  readonly signal: AbortSignal;
  readonly onProgress: (progress: DownloadProgress) => void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The size of the file, when the server said it. A compressed answer's Content-Length counts the
 * compressed bytes, while fetch hands over the decoded ones: then the size is unknown.
 */
function declaredLength(response: Response): number | null {
  const encoding = response.headers.get('content-encoding')?.trim().toLowerCase() ?? 'identity';
  if (encoding !== '' && encoding !== 'identity') return null;
  const length = Number(response.headers.get('content-length'));
  return Number.isSafeInteger(length) && length > 0 ? length : null;
}

/** Follows redirects by hand, so each hop passes the same check as the first link (fetch would not ask). */
async function fetchChecked(options: DownloadFileOptions, signal: AbortSignal): Promise<Response> {
  let url = options.url;
  for (let hop = 0; hop <= options.limits.maxRedirects; hop += 1) {
    const checked = options.checkUrl(url);
    if (!checked.ok) throw new RedirectRefused(checked.message);
    const response = await options.fetch(checked.url, { signal, redirect: 'manual' });
    if (!REDIRECTS.has(response.status)) return response;
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get('location');
    if (location === null) throw new FileServerAnswer(response.status);
    try {
      url = new URL(location, checked.url).href;
    } catch {
      throw new RedirectRefused('That is not a web link.');
    }
  }
  throw new RedirectRefused('The link went through too many redirects.');
}

/**
 * Streams a result file into its partial file without holding it in memory, then gives it its name
 * (publishExclusive: never over a file that appeared meanwhile); returns where it went. The partial file
 * is removed on any failure. The request carries no API key: result links are signed URLs of their own.
 */
export async function downloadFile(options: DownloadFileOptions): Promise<string> {
  const { clock, limits, partial } = options;
  const guard = guardDownload(options.signal, clock, limits.stallMs);
  try {
    const response = await fetchChecked(options, guard.signal);
    if (!response.ok || response.body === null) throw new FileServerAnswer(response.status);
    const totalBytes = declaredLength(response);
    if (totalBytes !== null && totalBytes > limits.maxBytes) throw new DownloadTooLarge(limits.maxBytes);
    guard.fed();
    let receivedBytes = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      guard.fed();
      receivedBytes += chunk.byteLength;
      if (receivedBytes > limits.maxBytes) throw new DownloadTooLarge(limits.maxBytes);
      await partial.handle.write(chunk);
      options.onProgress({ receivedBytes, totalBytes });
    }
    if (totalBytes !== null && receivedBytes !== totalBytes)
      throw new IncompleteDownload(receivedBytes, totalBytes);
    await partial.handle.close();
    return await publishExclusive(partial.path, options.folder, partial.name);
  } catch (error) {
    guard.stop(error as Error);
    await partial.handle.close().catch(() => undefined);
    await rm(partial.path, { force: true });
    // An abort surfaces as whatever fetch makes of it: the reason it was stopped says more.
    throw guard.reason ?? error;
  } finally {
    guard.dispose();
  }
}
