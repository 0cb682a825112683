import { describe, expect, it } from 'vitest';
import { isPagePermissionAllowed } from '../../../src/main/core/appProtocol/pagePermissions';
import { trustedRendererOrigins } from '../../../src/main/core/appProtocol/rendererFiles';

const trusted = trustedRendererOrigins(null);

describe('web permissions of the page', () => {
  it('lets the app’s own page write to the clipboard, and nothing else', () => {
    expect(isPagePermissionAllowed('clipboard-sanitized-write', 'app://camb-watch/index.html', trusted)).toBe(
      true,
    );
    // The check handler is given an origin, not a URL.
    expect(isPagePermissionAllowed('clipboard-sanitized-write', 'app://camb-watch', trusted)).toBe(true);
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal'])
      expect(isPagePermissionAllowed(permission, 'app://camb-watch/index.html', trusted)).toBe(false);
  });

  it('denies everything to any other page', () => {
    for (const url of ['https://evil.example/', 'app://other/index.html', 'file:///etc/passwd', ''])
      expect(isPagePermissionAllowed('clipboard-sanitized-write', url, trusted)).toBe(false);
  });
});
