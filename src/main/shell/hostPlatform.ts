import { app, shell } from 'electron';
import type { HostPlatform } from '../core/appHost';
import type { Logger } from '../core/logging/logger';

/**
 * What only Electron can do for the app host. Launch at login is applied only to an installed app: in
 * development it would register the bare Electron binary to start with the session.
 */
export function electronHostPlatform(logger: Logger): HostPlatform {
  return {
    host: 'electron',
    // Reviewed: the app host passes only https links without credentials (checkExternalUrl).
    openExternal: (url) => shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK
    downloadsDir: app.getPath('downloads'),
    applyLaunchAtLogin(enabled) {
      if (!app.isPackaged) {
        logger.info('Launch at login is only applied to the installed app', { enabled });
        return;
      }
      // macOS and Windows; on Linux desktop environments read ~/.config/autostart, which Electron does not write.
      app.setLoginItemSettings({ openAtLogin: enabled });
    },
  };
}
