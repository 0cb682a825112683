import path from 'node:path';

/**
 * Where the built app's parts are, from this bundle's own location (out/main): the same layout in a
 * development build and inside app.asar, whichever way Electron was started.
 */
const outMain = import.meta.dirname;
const appRoot = path.resolve(outMain, '..', '..');

export const appPaths = {
  preload: path.join(outMain, '..', 'preload', 'index.cjs'),
  renderer: path.join(outMain, '..', 'renderer'),
  trayIcons: path.join(appRoot, 'resources', 'tray'),
  appIcon: path.join(appRoot, 'resources', 'icon.png'),
} as const;
