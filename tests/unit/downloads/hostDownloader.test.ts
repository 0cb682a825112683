import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDownloadUrl } from '../../../src/main/core/links/externalUrl';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { describeDownloadError } from '../../../src/main/core/downloads/downloadErrors';
import {
  transferThroughHost,
  type HostDownloader,
  type HostDownloadRequest,
} from '../../../src/main/core/downloads/hostDownloader';

/**
 * A host download manager as Chromium's behaves towards the core: progress with the URL chain, and it
 * stops (rejects) when the core's signal aborts, as DownloadItem.cancel() ends in 'done' → 'cancelled'.
 */
function scriptedHost(script: (request: HostDownloadRequest) => void) {
  return (request: HostDownloadRequest) =>
    new Promise<void>((resolve, reject) => {
      request.signal.addEventListener('abort', () => reject(new Error('cancelled')), { once: true });
      script(request);
      if (!request.signal.aborted) resolve();
    });
}

let folder: string;
let savePath: string;
const clock = new VirtualClock();
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-host-'));
  savePath = path.join(folder, 'a.mp4');
  fs.writeFileSync(savePath, '');
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

const transfer = (
  download: HostDownloader,
  onProgress: (progress: { receivedBytes: number }) => void = () => {},
) =>
  transferThroughHost({
    download,
    url: 'https://storage.example/a.mp4',
    savePath,
    checkUrl: (url) => checkDownloadUrl(url, false),
    clock,
    limits: { maxBytes: 1000, stallMs: 30_000, maxRedirects: 2 },
    signal: new AbortController().signal,
    onProgress,
  }).then(
    () => 'completed',
    (error: unknown) => describeDownloadError(error, false),
  );

const run = (
  script: (request: HostDownloadRequest) => void,
  onProgress?: (progress: { receivedBytes: number }) => void,
) => transfer(scriptedHost(script), onProgress);

describe('downloads through the host’s manager (Chromium in the desktop app)', () => {
  it('stop at a redirect the first link could not have taken, and the claimed file goes', async () => {
    const outcome = await run((request) =>
      request.onProgress({
        receivedBytes: 0,
        totalBytes: null,
        urlChain: ['https://storage.example/a.mp4', 'https://192.168.1.1/admin'],
      }),
    );
    expect(outcome).toBe(
      'The file server passed the download on to a link CAMB Watch refuses. Links to this computer or a private network are not downloaded. Try again later, or tell CAMB.AI support.',
    );
    expect(fs.existsSync(savePath)).toBe(false);
  });

  it('stop past the size cap, declared or received', async () => {
    const declared = await run((request) =>
      request.onProgress({ receivedBytes: 0, totalBytes: 5000, urlChain: ['https://storage.example/a.mp4'] }),
    );
    expect(declared).toMatch(/^The file server sent more than 1 MiB/u);
    fs.writeFileSync(savePath, '');
    const received = await run((request) =>
      request.onProgress({
        receivedBytes: 1001,
        totalBytes: null,
        urlChain: ['https://storage.example/a.mp4'],
      }),
    );
    expect(received).toMatch(/^The file server sent more than/u);
  });

  it('keep what arrived when every hop passes, and report progress', async () => {
    const seen: number[] = [];
    const outcome = await run(
      (request) =>
        request.onProgress({
          receivedBytes: 10,
          totalBytes: 10,
          urlChain: ['https://storage.example/a.mp4', 'https://cdn.example/a.mp4'],
        }),
      (progress) => seen.push(progress.receivedBytes),
    );
    expect(outcome).toBe('completed');
    expect(seen).toEqual([10]);
    expect(fs.existsSync(savePath)).toBe(true);
  });
});

describe('a host manager that never answers', () => {
  it('is given up after the stall timeout, on the injected clock', async () => {
    let signal: AbortSignal | null = null;
    // Chromium never creates the item, but rejects once told to stop (chromiumDownloads.ts).
    const outcome = transfer(
      (request) =>
        new Promise<void>((_resolve, reject) => {
          signal = request.signal;
          request.signal.addEventListener('abort', () => reject(new Error('cancelled')), { once: true });
        }),
    );
    await clock.advance(30_000);
    expect(await outcome).toBe(
      'The file server stopped sending the file, so the download was stopped: try again in a while.',
    );
    expect((signal as AbortSignal | null)?.aborted).toBe(true);
    expect(fs.existsSync(savePath)).toBe(false);
  });
});
