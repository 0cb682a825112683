import type { AppTray } from './tray';

/** The name of the one object the Electron tests read in the main process. */
export const E2E_GLOBAL = '__cambWatchE2E';

export interface E2eHooks {
  /** What the tray shows: the Electron tests cannot click or read a real tray icon. */
  tray(): ReturnType<AppTray['current']>;
  /** Where the icon is (AppTray.bounds): a tray the desktop shows has a size on macOS and Windows. */
  trayBounds(): ReturnType<AppTray['bounds']>;
}

/**
 * The only test hook in the app: with CAMB_WATCH_E2E=1 the tray's tooltip, title, icon state and place are
 * readable from the main process (Playwright's electronApp.evaluate). It exposes nothing to the page and
 * nothing that changes state; without the variable it does not exist.
 */
export function installE2eHooks(env: NodeJS.ProcessEnv, tray: AppTray): void {
  if (env['CAMB_WATCH_E2E'] !== '1') return;
  const hooks: E2eHooks = { tray: () => tray.current(), trayBounds: () => tray.bounds() };
  Object.defineProperty(globalThis, E2E_GLOBAL, { value: Object.freeze(hooks), configurable: false });
}
