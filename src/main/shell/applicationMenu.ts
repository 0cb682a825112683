import { Menu } from 'electron';

/**
 * Replaces Electron's default menu (its Help → Learn More opens electronjs.org outside the app's link
 * check). macOS needs an application menu for Quit and for the Edit shortcuts (copy, paste, select all) to
 * reach the page; Windows and Linux handle those keys without one, and the window shows no menu bar.
 */
export function setApplicationMenu(): void {
  if (process.platform !== 'darwin') {
    Menu.setApplicationMenu(null);
    return;
  }
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]),
  );
}
