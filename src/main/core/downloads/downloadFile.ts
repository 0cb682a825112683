import { open, rename, rm } from 'node:fs/promises';
import type { CambFetch } from '../camb/cambClient';
import { FileServerAnswer, IncompleteDownload } from './downloadErrors';

export interface DownloadProgress {
  readonly receivedBytes: number;
  readonly totalBytes: number | null;
}

export interface DownloadFileOptions {
  readonly fetch: CambFetch;
  readonly url: string;
  /** The file to fill; it is written through a temporary file beside it and replaced at the end. */
  readonly destination: string;
  readonly signal: AbortSignal;
  readonly onProgress: (progress: DownloadProgress) => void;
}

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

/**
 * Streams a result file to disk without holding it in memory (dubbed videos run to gigabytes). The
 * request carries no API key: result links are signed URLs of their own.
 */
export async function downloadFile(options: DownloadFileOptions): Promise<void> {
  const response = await options.fetch(options.url, { signal: options.signal, redirect: 'follow' });
  if (!response.ok || response.body === null) throw new FileServerAnswer(response.status);
  const totalBytes = declaredLength(response);
  const partial = `${options.destination}.download`;
  const file = await open(partial, 'w');
  let receivedBytes = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      await file.write(chunk);
      receivedBytes += chunk.byteLength;
      options.onProgress({ receivedBytes, totalBytes });
    }
    await file.close();
    if (totalBytes !== null && receivedBytes !== totalBytes)
      throw new IncompleteDownload(receivedBytes, totalBytes);
    await rename(partial, options.destination);
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}
