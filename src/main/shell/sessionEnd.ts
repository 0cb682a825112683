import { BrowserWindow, powerMonitor } from 'electron';

/**
 * Calls `onEnd` when the user logs off or the computer shuts down, which may end the process without
 * before-quit / will-quit. Linux and macOS say so through powerMonitor 'shutdown'; Windows tells only
 * windows ('session-end'), and the app may have none open: a hidden, empty window that never loads a page
 * stands by to hear it. Returns the function that stops listening.
 */
export function onSessionEnd(onEnd: () => void): () => void {
  if (process.platform !== 'win32') {
    powerMonitor.on('shutdown', onEnd);
    return () => powerMonitor.off('shutdown', onEnd);
  }
  const listener = new BrowserWindow({
    show: false,
    skipTaskbar: true,
    focusable: false,
    width: 1,
    height: 1,
    // It never loads a page; it is locked down all the same.
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  listener.on('session-end', onEnd);
  return () => {
    if (!listener.isDestroyed()) listener.destroy();
  };
}
