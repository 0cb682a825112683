/**
 * What the tray can offer on this desktop. Electron's `new Tray` succeeds everywhere after `ready`: on
 * Linux it registers a StatusNotifierItem and, when no StatusNotifierWatcher answers on the session bus,
 * falls back to a GtkStatusIcon that GNOME Shell does not show and a Wayland session cannot host
 * (electron shell/browser/ui/tray_icon_linux.cc, docs/api/tray.md). So whether anyone can see the icon is
 * asked of the desktop, not of Electron.
 */
export interface TrayDesktop {
  /** Someone can see the tray icon: closing the window may hide it there. */
  readonly iconShown: boolean;
  /**
   * The window can open as a popover by the icon: the app may place its windows and take the focus. Not on
   * Wayland, where Electron 38+ runs natively and an app can neither place nor focus its windows
   * (docs/api/browser-window.md); there it stays an ordinary window.
   */
  readonly popover: boolean;
  /**
   * The icon's tooltip is shown on hover. Ubuntu's AppIndicator extension shows none (and opens the menu on
   * a left click): there the menu carries the counts the tooltip would.
   */
  readonly tooltips: boolean;
}

/**
 * Desktops whose panel shows the older XEmbed tray icons, where Electron's GtkStatusIcon fallback is seen on
 * X11 even without a StatusNotifierWatcher.
 */
const XEMBED_TRAY_DESKTOPS = new Set(['xfce', 'x-cinnamon', 'cinnamon', 'mate', 'lxde', 'lxqt', 'budgie']);

/**
 * Desktops that show tray icons out of the box: the guess when the session bus could not be asked.
 * Ubuntu and Pop!_OS ship GNOME with the AppIndicator extension enabled; stock GNOME shows none.
 */
const TRAY_DESKTOPS = new Set([
  ...XEMBED_TRAY_DESKTOPS,
  'kde',
  'budgie-desktop',
  'unity',
  'deepin',
  'ubuntu',
  'pop',
]);

function desktopNames(env: NodeJS.ProcessEnv): string[] {
  return (env['XDG_CURRENT_DESKTOP'] ?? '')
    .toLowerCase()
    .split(':')
    .map((name) => name.trim());
}

/**
 * `statusNotifierWatcher`: whether `org.kde.StatusNotifierWatcher` has an owner on the session bus (null:
 * the bus could not be asked). An unknown Linux desktop counts as one without a tray, the safe side: the
 * window then stays an ordinary window that closing minimises.
 */
export function trayDesktop(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  statusNotifierWatcher: boolean | null,
): TrayDesktop {
  if (platform === 'darwin' || platform === 'win32')
    return { iconShown: true, popover: true, tooltips: true };
  if (platform !== 'linux') return { iconShown: false, popover: false, tooltips: false };
  const names = desktopNames(env);
  const wayland = env['XDG_SESSION_TYPE'] === 'wayland';
  const legacyTray = !wayland && names.some((name) => XEMBED_TRAY_DESKTOPS.has(name));
  const iconShown =
    statusNotifierWatcher === null
      ? names.some((name) => TRAY_DESKTOPS.has(name))
      : statusNotifierWatcher || legacyTray;
  // GNOME's icons come from the AppIndicator extension (Ubuntu, Pop!_OS): no tooltips there (its #556).
  const tooltips = iconShown && !names.includes('gnome');
  return { iconShown, popover: iconShown && !wayland, tooltips };
}

/** `gdbus call … NameHasOwner` prints `(true,)`; `dbus-send --print-reply` prints `boolean true`. */
export function parseNameHasOwner(output: string): boolean | null {
  if (/\(true,\)|boolean true/u.test(output)) return true;
  if (/\(false,\)|boolean false/u.test(output)) return false;
  return null;
}
