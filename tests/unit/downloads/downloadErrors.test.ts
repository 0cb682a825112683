import { describe, expect, it } from 'vitest';
import {
  describeDownloadError,
  FileServerAnswer,
  IncompleteDownload,
} from '../../../src/main/core/downloads/downloadErrors';

/** What Node's fetch (undici) throws: a TypeError whose cause holds the code. */
function undiciError(code: string): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) });
}

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: oops, open '/home/me/Downloads/a.wav'`), { code });
}

describe('why a download failed, in words', () => {
  it('says an expired link is expired, and what to do', () => {
    for (const status of [403, 404, 410])
      expect(describeDownloadError(new FileServerAnswer(status), false)).toBe(
        'The link has expired: try again to get a fresh one.',
      );
    expect(describeDownloadError(new FileServerAnswer(503), false)).toBe(
      'The file server had a problem: try again in a while.',
    );
  });

  it('reads the network causes Node and Electron give', () => {
    const dropped = 'The connection dropped before the file was complete: try again.';
    const unreachable = 'The file server cannot be reached: check your connection and try again.';
    expect(describeDownloadError(undiciError('ECONNRESET'), false)).toBe(dropped);
    expect(describeDownloadError(undiciError('UND_ERR_SOCKET'), false)).toBe(dropped);
    expect(describeDownloadError(new IncompleteDownload(10, 20), false)).toBe(dropped);
    expect(describeDownloadError(undiciError('ENOTFOUND'), false)).toBe(unreachable);
    expect(describeDownloadError(undiciError('ECONNREFUSED'), false)).toBe(unreachable);
    expect(describeDownloadError(new Error('net::ERR_INTERNET_DISCONNECTED'), false)).toBe(unreachable);
    expect(describeDownloadError(new Error('net::ERR_CONNECTION_RESET'), false)).toBe(dropped);
    expect(describeDownloadError(undiciError('UND_ERR_HEADERS_TIMEOUT'), false)).toBe(
      'The file server took too long to answer: try again in a while.',
    );
    expect(describeDownloadError(new DOMException('timed out', 'TimeoutError'), false)).toMatch(/too long/u);
  });

  it('reads a full disk and a folder it may not write into', () => {
    expect(describeDownloadError(fsError('ENOSPC'), false)).toBe(
      'The disk is full: free some space and try again.',
    );
    expect(describeDownloadError(fsError('EACCES'), false)).toMatch(
      /may not write into your Downloads folder/u,
    );
    expect(describeDownloadError(fsError('EROFS'), false)).toMatch(/may not write/u);
  });

  it('says cancelled when cancelled, and never "fetch failed"', () => {
    expect(describeDownloadError(undiciError('ECONNRESET'), true)).toBe('The download was cancelled.');
    const unknown = describeDownloadError(new TypeError('fetch failed'), false);
    expect(unknown).toBe('Something went wrong while downloading: try again.');
    expect(unknown).not.toMatch(/fetch failed/u);
  });
});
