/**
 * Chromium's download path in the Electron stand-in: `session.downloadURL`, the session's `will-download`
 * and the DownloadItem it hands over, each typed as a Pick of Electron's own types so typecheck fails when
 * the app uses a name or signature Electron does not have. The bytes are fetched for real (the fake CAMB
 * storage) and written to the real disk, the way Chromium does (below, with the doc each behaviour
 * follows); what Chromium would also do, mark the file for the OS, is recorded in `marked`.
 */
import { EventEmitter } from 'node:events';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import type {} from 'electron';

type Listener = (...args: any[]) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Everything the app asked of the download path, in order: `['session.downloadURL <url>', …]`. */
export const downloadCalls: string[] = [];
/**
 * Files Chromium finished and handed to its quarantine service (Mark-of-the-Web on Windows, the
 * quarantine flag on macOS: components/services/quarantine; Electron apps' downloads carry ZoneId=3, as
 * mattermost/desktop#3871 reports), with the URL chain it would record as their origin.
 */
export const marked: { readonly path: string; readonly urlChain: readonly string[] }[] = [];
/** Items the session created, for tests that look at one. */
export const downloadItems: StandInDownloadItem[] = [];

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class StandInDownloadItem
  extends EventEmitter
  implements
    Pick<
      Electron.DownloadItem,
      | 'setSavePath'
      | 'getSavePath'
      | 'getURL'
      | 'getURLChain'
      | 'getInitiatorOrigin'
      | 'getReceivedBytes'
      | 'getTotalBytes'
      | 'getState'
      | 'cancel'
    >
{
  #savePath = '';
  #received = 0;
  #state: ReturnType<Electron.DownloadItem['getState']> = 'progressing';
  readonly #controller = new AbortController();

  constructor(
    readonly urlChain: readonly string[],
    readonly totalBytes: number,
  ) {
    super();
  }

  // "The API is only available in session's will-download callback function. If user doesn't set the
  // save path via the API, Electron will use the original routine to determine the save path; this
  // usually prompts a save dialog." (docs/api/download-item.md, downloadItem.setSavePath)
  setSavePath(savePath: string): void {
    downloadCalls.push(`downloadItem.setSavePath ${path.basename(savePath)}`);
    this.#savePath = savePath;
  }
  getSavePath(): string {
    return this.#savePath;
  }
  /** "The origin URL where the item is downloaded from." */
  getURL(): string {
    return this.urlChain[0] ?? '';
  }
  /** "The complete URL chain of the item including any redirects." */
  getURLChain(): string[] {
    return [...this.urlChain];
  }
  /** "…an empty string if the download was not started by web content (for example downloadURL())." */
  getInitiatorOrigin(): string {
    return '';
  }
  getReceivedBytes(): number {
    return this.#received;
  }
  /** "If the size is unknown, it returns 0." */
  getTotalBytes(): number {
    return this.totalBytes;
  }
  getState(): ReturnType<Electron.DownloadItem['getState']> {
    return this.#state;
  }
  /** "Cancels the download operation." 'done' then comes with state 'cancelled'. */
  cancel(): void {
    downloadCalls.push('downloadItem.cancel');
    this.#controller.abort();
  }

  /**
   * With a save path set, Electron gives Chromium that path as both the target and the intermediate
   * file (shell/browser/electron_download_manager_delegate.cc, DetermineDownloadTarget:
   * `intermediate_path = save_path`): the bytes go straight into it, replacing what is there, and a
   * cancelled or interrupted item's file is deleted. 'updated' (progressing) as bytes arrive, then one
   * 'done' (docs/api/download-item.md, events 'updated' and 'done').
   */
  async run(body: ReadableStream<Uint8Array> | null): Promise<void> {
    if (this.#savePath === '') {
      downloadCalls.push('downloadItem: no save path, Electron would show a Save dialog');
      return this.#end('cancelled');
    }
    const partial = this.#savePath;
    const file = await open(partial, 'w');
    try {
      if (this.#controller.signal.aborted) throw new Error('cancelled');
      const reader = body?.getReader();
      const cancelled = new Promise<never>((_resolve, reject) =>
        this.#controller.signal.addEventListener('abort', () => reject(new Error('cancelled')), {
          once: true,
        }),
      );
      cancelled.catch(() => undefined);
      for (;;) {
        const next = await Promise.race([
          reader?.read() ?? { done: true as const, value: undefined },
          cancelled,
        ]);
        if (next.done) break;
        await file.write(next.value);
        this.#received += next.value.byteLength;
        this.emit('updated', {}, 'progressing');
      }
      await file.close();
      marked.push({ path: this.#savePath, urlChain: this.getURLChain() });
      this.#end('completed');
    } catch {
      await file.close().catch(() => undefined);
      await rm(partial, { force: true });
      body?.cancel().catch(() => undefined);
      this.#end(this.#controller.signal.aborted ? 'cancelled' : 'interrupted');
    }
  }

  /** The server answered with an error: Chromium interrupts the item (SERVER_BAD_CONTENT and the like). */
  interrupted(): void {
    this.#end('interrupted');
  }

  #end(state: 'completed' | 'cancelled' | 'interrupted'): void {
    this.#state = state;
    this.emit('done', {}, state);
  }
}

/** The session's download part: `on('will-download')` and `downloadURL`. */
export class StandInDownloadSession implements Pick<Electron.Session, 'downloadURL'> {
  readonly #events = new EventEmitter();

  on(event: string, listener: Listener): this {
    this.#events.on(event, listener);
    return this;
  }

  /**
   * "Initiates a download of the resource at url. The API will generate a DownloadItem that can be
   * accessed with the will-download event." Chromium follows redirects itself (the item's URL chain
   * records them) and creates the item once the final answer's headers are in; an HTTP error answer
   * ends the item as 'interrupted'.
   */
  downloadURL(url: string, _options?: Electron.DownloadURLOptions): void {
    downloadCalls.push(`session.downloadURL ${url}`);
    void this.#start(url);
  }

  async #start(url: string): Promise<void> {
    const chain = [url];
    let response = await fetch(url, { redirect: 'manual' });
    while (REDIRECTS.has(response.status) && chain.length <= 20) {
      const next = new URL(response.headers.get('location') ?? '', chain.at(-1)).href;
      chain.push(next);
      await response.body?.cancel();
      response = await fetch(next, { redirect: 'manual' });
    }
    const item = new StandInDownloadItem(chain, Number(response.headers.get('content-length') ?? 0) || 0);
    downloadItems.push(item);
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.#events.emit('will-download', event, item, undefined, null);
    // "Calling event.preventDefault() will cancel the download."
    if (event.defaultPrevented) return void response.body?.cancel();
    if (!response.ok) {
      await response.body?.cancel();
      return item.interrupted();
    }
    await item.run(response.body);
  }

  /** A new run of the app starts with no listeners (tests only). */
  forgetListeners(): void {
    this.#events.removeAllListeners();
  }
}

export const downloadSession = new StandInDownloadSession();

export function resetDownloadStandIn(): void {
  downloadSession.forgetListeners();
  downloadCalls.length = 0;
  marked.length = 0;
  downloadItems.length = 0;
}
