import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, contentTypeFor, RENDERER_CSP, resolveRendererFile } from '../core/appProtocol';
import type { Logger } from '../core/logging';

/**
 * `app:` as a standard, secure scheme: pages get a real origin (for the CSP and the IPC sender check) and
 * a secure context, without `file://`'s reach over the disk. V8's code cache for its scripts: it "only
 * works when `standard` is also set to true" (electron docs/api/structures/custom-scheme.md), as it is.
 * Must run before `ready`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

const SECURITY_HEADERS = {
  'content-security-policy': RENDERER_CSP,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
};

function refusal(status: number): Response {
  return new Response(null, { status, headers: SECURITY_HEADERS });
}

/** Serves the built renderer from `rendererDir` (inside the asar when packaged; Electron's fs reads it). */
export function serveRendererFiles(rendererDir: string, logger: Logger): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
    const lookup = resolveRendererFile(rendererDir, request.url);
    if (!lookup.ok) {
      logger.warn('Refused an app:// request', { url: request.url, status: lookup.status });
      return refusal(lookup.status);
    }
    try {
      const body = await readFile(lookup.filePath);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'content-type': contentTypeFor(lookup.filePath) },
      });
    } catch {
      return refusal(404);
    }
  });
}
