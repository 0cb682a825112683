import path from 'node:path';
import { app, clipboard, shell } from 'electron';
import type { HostPlatform } from '../core/appHost';
import { APP_NAME, APP_SUMMARY } from '../core/appIdentity';
import { STARTED_AT_LOGIN_ARGUMENT } from '../core/deepLinks';
import type { Logger } from '../core/logging';
import { applyLinuxAutostart } from '../core/loginItem';

function applyLoginItem(enabled: boolean, logger: Logger): void {
  if (process.platform !== 'linux') {
    // Windows passes `args` to the app at login; macOS ignores them and says wasOpenedAtLogin instead.
    app.setLoginItemSettings({ openAtLogin: enabled, args: [STARTED_AT_LOGIN_ARGUMENT] });
    return;
  }
  // Electron's login items cover macOS and Windows; Linux desktops read XDG autostart entries. An AppImage
  // runs from a temporary mount, so the entry must name the AppImage file itself ($APPIMAGE).
  applyLinuxAutostart(enabled, {
    name: APP_NAME,
    comment: APP_SUMMARY,
    executable: process.env['APPIMAGE'] ?? process.execPath,
    arguments: [STARTED_AT_LOGIN_ARGUMENT],
    configHome: process.env['XDG_CONFIG_HOME'] ?? path.join(app.getPath('home'), '.config'),
  }).then(
    (file) => logger.info('Launch at login updated', { enabled, file }),
    (error: unknown) => logger.warn('Could not update launch at login', { enabled, error: String(error) }),
  );
}

/**
 * What only Electron can do for the app host. Launch at login is applied only to an installed app: in
 * development it would register the bare Electron binary to start with the session.
 */
export function electronHostPlatform(logger: Logger): HostPlatform {
  return {
    host: 'electron',
    // Reviewed: the app host passes only https links without credentials (checkExternalUrl).
    openExternal: (url) => shell.openExternal(url),
    // Reviewed: the app host passes only a result link it checked as it would to open it (checkExternalUrl).
    copyText: (text) => clipboard.writeText(text),
    // Reviewed: the app host passes only paths it wrote itself, looked up by download id.
    showItemInFolder: (file) => shell.showItemInFolder(file),
    downloadsDir: app.getPath('downloads'),
    applyLaunchAtLogin(enabled) {
      if (!app.isPackaged) {
        logger.info('Launch at login is only applied to the installed app', { enabled });
        return;
      }
      applyLoginItem(enabled, logger);
    },
  };
}
