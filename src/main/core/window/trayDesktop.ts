/**
 * Linux desktops that show tray icons (StatusNotifierItem or the older system tray) out of the box.
 * GNOME shows none without the AppIndicator extension, which Ubuntu and Pop!_OS ship and enable.
 */
const TRAY_DESKTOPS = new Set([
  'kde',
  'xfce',
  'x-cinnamon',
  'cinnamon',
  'mate',
  'lxqt',
  'lxde',
  'budgie',
  'budgie-desktop',
  'unity',
  'deepin',
  'ubuntu',
  'pop',
]);

/**
 * Whether the window can live behind a tray icon as a popover. Where it cannot, it must stay an ordinary
 * window: a popover that hides itself on blur, off the taskbar, with no icon to bring it back, is lost.
 * An unknown Linux desktop counts as one without a tray, the safe side.
 */
export function desktopHasTray(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  if (platform !== 'linux') return false;
  const desktops = (env['XDG_CURRENT_DESKTOP'] ?? '').toLowerCase().split(':');
  return desktops.some((desktop) => TRAY_DESKTOPS.has(desktop.trim()));
}
