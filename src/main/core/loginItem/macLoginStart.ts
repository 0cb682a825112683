/**
 * Whether a macOS start counts as the login item's. Electron's `wasOpenedAtLogin` is the Apple event's
 * keyAELaunchedAsLogInItem (electron shell/browser/mac/electron_application_delegate.mm), which macOS 13+
 * does not set for login items registered through SMAppService, as Electron's setLoginItemSettings does
 * there (Apple feedback FB10207829): it is false at every log-in. And macOS passes a login item no
 * arguments, so `--hidden` cannot say it either. So on macOS 13+ a plain start while launch at
 * login is on is taken as the log-in start: the app stays in the menu bar, where its icon is. A start the
 * user asks for while it runs (Finder, Dock, Spotlight: 'activate') still opens the window.
 */
export interface MacLaunch {
  /** app.getLoginItemSettings().wasOpenedAtLogin. */
  readonly wasOpenedAtLogin: boolean;
  /** The app's own setting: it asked to be opened at log-in. */
  readonly launchAtLogin: boolean;
  /** process.getSystemVersion() (Electron): the macOS version, e.g. "14.5.0". */
  readonly macosVersion: string;
}

export function macStartedAtLogin(launch: MacLaunch): boolean {
  if (launch.wasOpenedAtLogin) return true;
  return Number.parseInt(launch.macosVersion, 10) >= 13 && launch.launchAtLogin;
}
