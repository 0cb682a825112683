import path from 'node:path';
import { CAMB_MEDIA_SOURCE } from '../../../shared/cambMedia';

/**
 * The renderer is served from a custom scheme (`app://camb-watch/…`), never `file://`: a standard, secure
 * origin of its own, which a Content-Security-Policy and the IPC sender check can name.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'camb-watch';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The page's policy: nothing but the app's own files — no inline script, no eval, no remote script, style,
 * image or connection; the page talks to main only through the preload's bridge. The one remote source is
 * `media-src` for the details' audio player: CAMB.AI's hosts over https (shared/cambMedia), plus, for a
 * development page against a local simulator, exactly that simulator's origin (`localMediaOrigin`).
 */
export function rendererCsp(localMediaOrigin: string | null = null): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    `media-src ${CAMB_MEDIA_SOURCE}${localMediaOrigin === null ? '' : ` ${localMediaOrigin}`}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** The policy the desktop app sends and the built page carries. */
export const RENDERER_CSP = rendererCsp();

/** What of a policy an index.html meta tag can hold: all but frame-ancestors, which only a header sets. */
export function metaPolicyOf(policy: string): string {
  return policy
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type RendererFileLookup =
  { readonly ok: true; readonly filePath: string } | { readonly ok: false; readonly status: 400 | 403 | 404 };

/**
 * The file under `rootDir` that an `app://camb-watch/…` URL names, or why there is none. Paths are
 * decoded once and must stay inside `rootDir` after normalisation, so `..`, encoded slashes and absolute
 * paths cannot reach the rest of the disk.
 */
export function resolveRendererFile(rootDir: string, requestUrl: string): RendererFileLookup {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 };
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (relative.includes('\0') || relative.includes('\\')) return { ok: false, status: 400 };
  if (relative === '/' || relative === '') relative = '/index.html';
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, `.${relative}`);
  if (filePath !== root && !filePath.startsWith(`${root}${path.sep}`)) return { ok: false, status: 403 };
  if (filePath === root) return { ok: false, status: 404 };
  return { ok: true, filePath };
}

/**
 * `scheme://host[:port]` of a URL. WHATWG `URL.origin` is "null" for schemes it does not know, which
 * would make every custom-scheme page look alike.
 */
export function originOf(rawUrl: string): string | null {
  try {
    const url = new URL(rawUrl);
    if (url.host === '') return null;
    return `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}

/** The origins whose main frame may use the bridge: the app's own, and the dev server while developing. */
export function trustedRendererOrigins(devServerUrl: string | null): ReadonlySet<string> {
  const origins = new Set([APP_ORIGIN]);
  const dev = devServerUrl === null ? null : originOf(devServerUrl);
  if (dev !== null) origins.add(dev);
  return origins;
}

export function isTrustedRendererUrl(rawUrl: string, trusted: ReadonlySet<string>): boolean {
  const origin = originOf(rawUrl);
  return origin !== null && trusted.has(origin);
}
