import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';

/**
 * The desktop shell, minimal until the tray, notifications and bridge land (issue 3): one secure window
 * showing the renderer. It decides nothing; behaviour belongs in src/main/core.
 */
export function startApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(openMainWindow);
}

function openMainWindow(): void {
  const window = new BrowserWindow({
    width: 960,
    height: 640,
    show: false,
    title: 'CAMB Watch',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  const devServer = process.env['ELECTRON_RENDERER_URL'];
  if (devServer !== undefined && !app.isPackaged) void window.loadURL(devServer);
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
}
