import type { ContractHandlers, EventPayload, EventSink } from '../../../shared/contract';
import type { TaskKey } from '../../../shared/watchedTask';
import type { WindowShortcut } from '../../../shared/windowShortcut';
import type { InvokeEnvelope } from '../../../shared/contract/envelope';
import type { HostDownloader } from '../downloads';
import type { NoticeTopic } from '../../../shared/format/noticeTopics';
import type { NotificationActionId } from '../notifications';

/** How a notice reads: declared once, in the contract's notice event. */
export type NoticeLevel = EventPayload<'notice'>['level'];

/** What only the host can do: the Electron shell implements it with shell/app, the web host with Node. */
export interface HostPlatform {
  readonly host: 'electron' | 'web';
  /** Opens a link that has already been checked (https only) in the default browser or player. */
  openExternal(url: string): Promise<void>;
  /**
   * Whether a result link the page asked to open goes back to the page, which opens it in a new tab: the
   * web host (a browser, no desktop of its own to open it on). The Electron shell leaves it unset.
   */
  readonly linksOpenInPage?: boolean;
  /** Puts a checked link on the system clipboard (a notification's Copy link); absent where main has none. */
  copyText?(text: string): Promise<void>;
  /** Shows a file (a finished download) selected in the system's file manager. */
  showItemInFolder(path: string): void;
  /**
   * The host's own download manager: the desktop app's is Chromium's, which marks files for the OS
   * (Mark-of-the-Web, quarantine). Absent in the web host and the CLI: the core fetches and marks them.
   */
  readonly hostDownloader?: HostDownloader;
  /** The folder downloads go to (the user's Downloads folder in the app, the state folder in the web host). */
  readonly downloadsDir: string;
  /** Applies "launch at login" to the OS; absent where there is no such thing (the web host). */
  applyLaunchAtLogin?(enabled: boolean): void;
  /**
   * Registers the shortcut that shows and hides the window (null: none), keeping the one before when the
   * new one cannot be had; returns why not, in words, or null. Absent where there is none (the web host).
   */
  applyWindowShortcut?(shortcut: WindowShortcut | null): string | null;
  /** Hides the window if it is a tray popover (true); an ordinary window, or a browser tab, stays. */
  hideWindow?(): boolean;
}

/**
 * What pressing a notification's button did, for the shell to tell the person, who is not in the window:
 * `message` is a sentence, or empty when what happened shows itself (a result opened in the browser).
 */
export interface NotificationActionOutcome {
  readonly ok: boolean;
  readonly message: string;
}

/**
 * The contract served by the real core, for any host: the Electron shell feeds it IPC, the web host HTTP.
 * It holds every decision the hosts would otherwise each make, so they stay thin.
 */
export interface AppHost {
  readonly handlers: ContractHandlers;
  /** Validates and runs one request from the UI (unknown channels and bad payloads are refused in words). */
  dispatch(channel: string, payload: unknown): Promise<InvokeEnvelope>;
  /** Sends every event to `sink` until the returned function is called; several windows may listen. */
  attach(sink: EventSink): () => void;
  /** A sentence for the UI (and nothing else): a task added from a link, a finished download, … */
  notice(level: NoticeLevel, text: string, key?: TaskKey | null, topic?: NoticeTopic | null): void;
  /** Carries out a desktop notification's button on its task, and says what came of it. */
  runNotificationAction(key: TaskKey, id: NotificationActionId): Promise<NotificationActionOutcome>;
  /** Asks the UI to bring a task into view (a notification or tray entry was clicked). */
  showTask(key: TaskKey): void;
  /** Resolves when every download started so far has ended (tests; an orderly quit). */
  whenDownloadsSettled(): Promise<void>;
  /** Stops forwarding service events and cancels downloads in progress. */
  dispose(): void;
}
