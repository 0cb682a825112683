import { RENDERER_CSP, rendererCsp } from '../../main/core/appProtocol';
import type { ServerResponse } from 'node:http';

/**
 * The same policy the desktop app's protocol handler sends: the page runs under the rules it ships with. A
 * header also covers what index.html's meta tag cannot (frame-ancestors) and files that are not HTML.
 */
export const CONTENT_SECURITY_POLICY = RENDERER_CSP;

/**
 * The page's policy on this host: the desktop app's, and where the host talks to a local simulator (the
 * demo, the tests), that simulator's origin among the media sources, so its result files play as CAMB.AI's
 * would (the app's own check admits exactly that origin too: core/links checkMediaUrl).
 */
export function pagePolicy(localMediaOrigin: string | null): string {
  return localMediaOrigin === null ? CONTENT_SECURITY_POLICY : rendererCsp(localMediaOrigin);
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  // A development server: a rebuilt renderer must show on the next reload.
  'cache-control': 'no-store',
};

export function setSecurityHeaders(res: ServerResponse, policy: string = CONTENT_SECURITY_POLICY): void {
  res.setHeader('content-security-policy', policy);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}
