import { app, type Session } from 'electron';

/**
 * Electron's security checklist for every web contents the app ever creates, set once for all of them:
 * no navigation away from the app, no new windows, no <webview>, no permission (camera, notifications
 * from the page, …) — the page has no reason for any, and links go out through main (openExternalLink).
 */
export function lockDownWebContents(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
