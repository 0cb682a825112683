import { isTrustedRendererUrl } from './rendererFiles';

/**
 * The only web permission the app's page gets: writing plain text to the clipboard ("Copy task id",
 * "Copy link"), which Electron gates behind a permission check. Camera, notifications from the page,
 * reading the clipboard and everything else stay denied, as does any page that is not the app's own.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPagePermissionAllowed(
  permission: string,
  requestingUrl: string,
  trustedOrigins: ReadonlySet<string>,
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrustedRendererUrl(requestingUrl, trustedOrigins);
}
