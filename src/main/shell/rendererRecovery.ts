import type { BrowserWindow } from 'electron';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logging';
import { createRendererRecovery } from '../core/window';

/** A window whose page process crashed or was killed gets its page back (core decides), and the log says so. */
export function recoverRenderer(window: BrowserWindow, clock: Clock, logger: Logger): void {
  const decide = createRendererRecovery(clock);
  window.webContents.on('render-process-gone', (_event, details) => {
    const decision = decide(details.reason);
    logger.warn('The window’s page stopped', {
      reason: details.reason,
      exitCode: details.exitCode,
      reloading: decision === 'reload',
    });
    if (decision === 'reload' && !window.isDestroyed()) window.webContents.reload();
  });
}
