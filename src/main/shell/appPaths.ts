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
  /**
   * The notification chime, which a system player reads: outside app.asar (electron-builder's asarUnpack),
   * because only Electron's own file functions can read inside the archive.
   */
  chime: path
    .join(appRoot, 'resources', 'sounds', 'chime.wav')
    .replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`),
} as const;
