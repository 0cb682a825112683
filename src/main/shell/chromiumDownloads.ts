import type { DownloadItem, Event, Session } from 'electron';
import type { HostDownloader, HostDownloadRequest } from '../core/downloads';

/**
 * Result downloads through Chromium's own download manager, so the file gets what a browser download
 * gets: Mark-of-the-Web (Zone.Identifier) on Windows and the quarantine flag on macOS, written by
 * Chromium's quarantine service (components/services/quarantine; Electron apps' downloads carry ZoneId=3,
 * see mattermost/desktop#3871). The core chose the link and the path and judges progress; this only
 * starts the download, names where it goes, reports and cancels.
 *
 * session.downloadURL starts it and `will-download` hands over its DownloadItem
 * (https://www.electronjs.org/docs/latest/api/session#sesdownloadurlurl-options). An item is ours when it
 * was not started by a page (getInitiatorOrigin() is '' for downloadURL) and its first URL is one we asked
 * for; anything else is left to Electron as it is.
 */
export function createChromiumDownloader(session: Pick<Session, 'downloadURL' | 'on'>): HostDownloader {
  const waiting = new Map<string, Pending[]>();

  session.on('will-download', (_event: Event, item: DownloadItem) => {
    const first = item.getURLChain()[0] ?? item.getURL();
    const queue = item.getInitiatorOrigin() === '' ? waiting.get(first) : undefined;
    const pending = queue?.shift();
    if (queue?.length === 0) waiting.delete(first);
    if (pending !== undefined) follow(item, pending);
  });

  return (request) =>
    new Promise<void>((resolve, reject) => {
      waiting.set(request.url, [...(waiting.get(request.url) ?? []), { request, resolve, reject }]);
      // Stopped before Chromium made an item (no answer at all): settle now. The request stays queued,
      // so an item that comes late still gets its save path (no Save dialog) and is cancelled at once.
      request.signal.addEventListener('abort', () => reject(new ChromiumDownloadEnded('cancelled')), {
        once: true,
      });
      session.downloadURL(request.url);
    });
}

interface Pending {
  readonly request: HostDownloadRequest;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** Why a DownloadItem ended without the file, as an error the core words for the user. */
class ChromiumDownloadEnded extends Error {
  constructor(
    state: 'cancelled' | 'interrupted',
    // Chromium does not say why an item was interrupted; a dropped connection is the usual cause.
    readonly code = state === 'interrupted' ? 'ERR_CONNECTION_CLOSED' : 'ABORT_ERR',
  ) {
    super(`Chromium ended the download: ${state}`);
    this.name = 'ChromiumDownloadEnded';
  }
}

function follow(item: DownloadItem, { request, resolve, reject }: Pending): void {
  // Called synchronously in will-download, so Electron shows no Save dialog
  // (https://www.electronjs.org/docs/latest/api/download-item#downloaditemsetsavepathpath).
  item.setSavePath(request.savePath);
  const report = () =>
    request.onProgress({
      receivedBytes: item.getReceivedBytes(),
      // 0 when the size is unknown (DownloadItem.getTotalBytes).
      totalBytes: item.getTotalBytes() > 0 ? item.getTotalBytes() : null,
      urlChain: item.getURLChain(),
    });
  const cancel = () => item.cancel();
  request.signal.addEventListener('abort', cancel, { once: true });
  if (request.signal.aborted)
    cancel(); // cancelled before Chromium answered
  else report(); // the redirect chain is judged before any byte is kept
  item.on('updated', (_event, state) => {
    if (state === 'progressing') report();
  });
  item.once('done', (_event, state) => {
    request.signal.removeEventListener('abort', cancel);
    if (state === 'completed') resolve();
    else reject(new ChromiumDownloadEnded(state));
  });
}
