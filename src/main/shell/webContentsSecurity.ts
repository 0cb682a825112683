import { app, type Session } from 'electron';
import { isPagePermissionAllowed } from '../core/appProtocol';

/**
 * Electron's security checklist for every web contents the app ever creates, set once for all of them:
 * no navigation away from the app, no new windows, no <webview>, no permission (camera, notifications
 * from the page, …) but writing to the clipboard for the app's own page; links go out through main.
 */
export function lockDownWebContents(session: Session, trustedOrigins: ReadonlySet<string>): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPagePermissionAllowed(permission, details.requestingUrl, trustedOrigins)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPagePermissionAllowed(permission, requestingOrigin, trustedOrigins),
  );
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
