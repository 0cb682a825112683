import { RENDERER_CSP } from '../../main/core/appProtocol';
import type { ServerResponse } from 'node:http';

/**
 * The same policy the desktop app's protocol handler sends: the page runs under the rules it ships with. A
 * header also covers what index.html's meta tag cannot (frame-ancestors) and files that are not HTML.
 */
export const CONTENT_SECURITY_POLICY = RENDERER_CSP;

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  // A development server: a rebuilt renderer must show on the next reload.
  'cache-control': 'no-store',
};

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}
