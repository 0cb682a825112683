/**
 * What the update controller needs from an updater (the shell adapts electron-updater's autoUpdater to
 * it; tests script one). It checks and, when a newer version exists, downloads it in the background,
 * reporting each step as an event.
 */
export interface UpdaterPort {
  /** Starts a check; resolves once the check has answered (a download may go on), rejects if it failed. */
  check(): Promise<void>;
  /**
   * Gives up the check or download that has gone silent: nothing it says later is heard, and the next
   * `check()` asks the server afresh (electron-updater would otherwise hand back the same pending check).
   */
  abandon(): void;
  /**
   * Quits the app and installs the downloaded version: `relaunch` for "Restart to update", not for a quit
   * the user asked for (the app then stays closed).
   */
  quitAndInstall(options: { readonly relaunch: boolean }): void;
  /** Hears every event until the returned function is called. */
  onEvent(listener: (event: UpdaterEvent) => void): () => void;
}

export type UpdaterEvent =
  | { readonly type: 'available'; readonly version: string }
  | { readonly type: 'not-available' }
  | { readonly type: 'progress'; readonly percent: number }
  | { readonly type: 'downloaded'; readonly version: string }
  /** The updater's own message: logged as it is, shown in words (updateErrorText). */
  | { readonly type: 'error'; readonly message: string };
