/**
 * When the window opens by itself. The app lives in the tray, but a tray icon is easy to miss (Windows 11
 * puts it in the overflow area, GNOME shows none without an extension) and the key can only be entered in
 * the window: so a start the user asked for opens it, and so does any start where the app cannot work yet.
 */
export interface LaunchSituation {
  /** The app was already running: this command line came from a second launch or a link. */
  readonly secondLaunch: boolean;
  /** `--show` was given. */
  readonly show: boolean;
  /** Started by the login item or autostart entry (`--hidden`). */
  readonly startedAtLogin: boolean;
  /** The command line only named tasks to watch (a script, a link): their notifications confirm them. */
  readonly namedTasks: boolean;
  readonly keyPresent: boolean;
  /** No run of the app has finished starting on this profile before. */
  readonly firstRun: boolean;
  /** The tray icon could be created: without one the window is the only way in. */
  readonly trayShown: boolean;
}

export function opensWindowAtLaunch(situation: LaunchSituation): boolean {
  if (situation.show) return true;
  const cannotWorkYet = situation.firstRun || !situation.keyPresent || !situation.trayShown;
  if (!situation.secondLaunch && cannotWorkYet) return true;
  return !situation.startedAtLogin && !situation.namedTasks;
}

/** What closing the window does: hide it into the tray, or minimise it where there is no tray to come back from. */
export function windowCloseAction(trayShown: boolean): 'hide' | 'minimize' {
  return trayShown ? 'hide' : 'minimize';
}

/** Said once, the first time the window is hidden: where the app went and how to bring it back. */
export function stillRunningNotice(platform: NodeJS.Platform): { title: string; body: string } {
  const where = platform === 'darwin' ? 'its icon in the menu bar' : 'its icon in the system tray';
  return {
    title: 'CAMB Watch is still watching',
    body: `Open it again from ${where}, or by starting CAMB Watch again.`,
  };
}
