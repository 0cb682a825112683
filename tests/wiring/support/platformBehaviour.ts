/**
 * What Electron 45 does on each desktop the app meets, as the electron stand-in (electronStandIn.ts) plays
 * it. Every row says where it comes from: Electron's docs (docs/api/…) and source (shell/…) as of
 * electron/electron main, and the desktops' own trackers where Electron leaves the behaviour to the desktop.
 * Tests pick a row with `launch({ desktop })`; `describe.each(DESKTOPS_WHERE_TRAYS_DIFFER)` runs a journey
 * on every row where the tray or the window behaves differently.
 */

export type DesktopName = 'windows' | 'macos' | 'gnome' | 'ubuntu' | 'kde-wayland' | 'xfce-x11';

export interface PlatformBehaviour {
  readonly name: DesktopName;
  /** How a test title says it. */
  readonly title: string;
  readonly platform: NodeJS.Platform;
  /** The session's environment as the desktop sets it (Linux: XDG_CURRENT_DESKTOP, XDG_SESSION_TYPE). */
  readonly env: Readonly<Record<string, string>>;
  /**
   * What Electron's `process.getSystemVersion()` returns ("the actual operating system version … on
   * macOS unlike os.release()": electron.d.ts, docs/api/process.md).
   */
  readonly systemVersion: string;
  /**
   * Linux: whether the session bus has a StatusNotifierWatcher (`org.kde.StatusNotifierWatcher`), the
   * service a StatusNotifierItem registers with. null off Linux. The wiring suite answers the app's
   * `gdbus`/`dbus-send` question from this (wiredApp.ts puts a stand-in `gdbus` on PATH).
   */
  readonly statusNotifierWatcher: boolean | null;
  /**
   * Whether the user can see the tray icon. `new Tray` never throws after `ready`: on Linux Electron makes a
   * StatusNotifierItem and, when no watcher answers, falls back to a GtkStatusIcon, which GNOME Shell
   * (3.26 and later) does not show and a Wayland session cannot host.
   * Source: shell/browser/ui/tray_icon_linux.cc (TrayIconLinux(), OnImplInitializationFailed: kDbus →
   * kGtk → kNone, no exception); docs/api/tray.md "Platform Considerations › Linux".
   */
  readonly trayIconShown: boolean;
  /**
   * What a left click on the icon does: `click` is emitted (Windows, macOS, KDE, XFCE), or the menu opens
   * and `click` comes only from a double click (Ubuntu's AppIndicator extension).
   * Source: docs/api/tray.md "Linux: the click event is emitted when the tray icon receives activation …
   * for some environments it is left mouse click, but for some it might be double left mouse click";
   * gnome-shell-extension-appindicator #575 (left click opens the menu, activation on double click).
   */
  readonly leftClick: 'click' | 'opens-menu';
  /**
   * Whether the icon's tooltip is shown on hover.
   * Source: docs/api/tray.md `tray.setToolTip`; gnome-shell-extension-appindicator #556 (tooltips not shown).
   */
  readonly tooltipShown: boolean;
  /**
   * Whether `tray.getBounds()` says where the icon is (else all zeros).
   * Source: docs/api/tray.md "#### tray.getBounds() _macOS_ _Windows_".
   */
  readonly trayBoundsKnown: boolean;
  /**
   * Whether `win.setSkipTaskbar(true)` takes the window off the taskbar.
   * Source: docs/api/base-window.md "#### win.setSkipTaskbar(skip) _macOS_ _Windows_";
   * shell/browser/native_window_views.cc NativeWindowViews::SetSkipTaskbar (body only under IS_WIN);
   * docs/breaking-changes.md "Removed: skipTaskbar on Linux".
   */
  readonly skipTaskbarWorks: boolean;
  /**
   * Whether the app can place its window (`setBounds` x/y) and read the pointer
   * (`screen.getCursorScreenPoint()`).
   * Source: docs/api/browser-window.md "On Wayland (Linux) it is generally not possible to … position,
   * move, focus, or blur windows without user input"; docs/api/screen.md getCursorScreenPoint "Not
   * supported on Wayland (Linux)"; docs/breaking-changes.md (38.0) "Electron now defaults to running as a
   * native Wayland app when launched in a Wayland session (when XDG_SESSION_TYPE=wayland)".
   */
  readonly windowsPlaceable: boolean;
  /**
   * Whether `win.show()` / `win.focus()` bring a window that is already on screen to the front with the
   * focus. Everywhere a window being mapped gets it (Show() activates it); on Wayland an app cannot move
   * the focus to a window already mapped: the desktop may flash its icon instead.
   * Source: shell/browser/native_window_views.cc NativeWindowViews::Show ("explicitly focus the window":
   * widget()->Activate()); docs/api/browser-window.md `win.focus()` "On Wayland (Linux), the desktop
   * environment may show a notification or flash the app icon if the window or app is not already focused".
   */
  readonly focusesVisibleWindow: boolean;
}

const WINDOWS: PlatformBehaviour = {
  name: 'windows',
  title: 'Windows',
  platform: 'win32',
  env: {},
  systemVersion: '10.0.26100',
  statusNotifierWatcher: null,
  trayIconShown: true,
  leftClick: 'click',
  tooltipShown: true,
  trayBoundsKnown: true,
  skipTaskbarWorks: true,
  windowsPlaceable: true,
  focusesVisibleWindow: true,
};

const MACOS: PlatformBehaviour = {
  ...WINDOWS,
  name: 'macos',
  title: 'macOS',
  platform: 'darwin',
  // macOS 14: a login item registered through SMAppService (Electron's setLoginItemSettings since
  // macOS 13) starts with wasOpenedAtLogin false (keyAELaunchedAsLogInItem unset; Apple FB10207829).
  systemVersion: '14.5.0',
};

/** The Linux rows share Electron's Linux build: no icon bounds, no skipTaskbar (see the fields). */
const LINUX_X11 = {
  platform: 'linux',
  systemVersion: '6.8.0',
  statusNotifierWatcher: true,
  trayIconShown: true,
  leftClick: 'click',
  tooltipShown: true,
  trayBoundsKnown: false,
  skipTaskbarWorks: false,
  windowsPlaceable: true,
  focusesVisibleWindow: true,
} as const;

const WAYLAND = { windowsPlaceable: false, focusesVisibleWindow: false } as const;

export const PLATFORMS: Readonly<Record<DesktopName, PlatformBehaviour>> = {
  windows: WINDOWS,
  macos: MACOS,
  // Fedora Workstation, Debian: GNOME Shell with no StatusNotifierItem host and no legacy tray.
  gnome: {
    ...LINUX_X11,
    ...WAYLAND,
    name: 'gnome',
    title: 'GNOME (no AppIndicator extension)',
    env: { XDG_CURRENT_DESKTOP: 'GNOME', XDG_SESSION_TYPE: 'wayland' },
    statusNotifierWatcher: false,
    trayIconShown: false,
    tooltipShown: false,
  },
  // Ubuntu ships and enables gnome-shell-extension-appindicator, which hosts StatusNotifierItems.
  ubuntu: {
    ...LINUX_X11,
    ...WAYLAND,
    name: 'ubuntu',
    title: 'Ubuntu GNOME (AppIndicator)',
    env: { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME', XDG_SESSION_TYPE: 'wayland' },
    leftClick: 'opens-menu',
    tooltipShown: false,
  },
  // Plasma 6 starts a Wayland session by default; plasmashell hosts StatusNotifierItems.
  'kde-wayland': {
    ...LINUX_X11,
    ...WAYLAND,
    name: 'kde-wayland',
    title: 'KDE Plasma 6 (Wayland)',
    env: { XDG_CURRENT_DESKTOP: 'KDE', XDG_SESSION_TYPE: 'wayland' },
  },
  // xfce4-panel's status tray plugin hosts StatusNotifierItems (and XEmbed icons) on X11.
  'xfce-x11': {
    ...LINUX_X11,
    name: 'xfce-x11',
    title: 'XFCE (X11)',
    env: { XDG_CURRENT_DESKTOP: 'XFCE', XDG_SESSION_TYPE: 'x11' },
  },
};

/** Every row: for journeys whose outcome differs by desktop. */
export const ALL_DESKTOPS: readonly PlatformBehaviour[] = Object.values(PLATFORMS);

/** The row a test gets when it names only a platform (Linux: a desktop where everything works). */
export function defaultDesktopFor(platform: NodeJS.Platform): DesktopName {
  if (platform === 'win32') return 'windows';
  if (platform === 'darwin') return 'macos';
  return 'xfce-x11';
}
