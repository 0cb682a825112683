import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  contentTypeFor,
  isTrustedRendererUrl,
  originOf,
  metaPolicyOf,
  RENDERER_CSP,
  rendererCsp,
  resolveRendererFile,
  trustedRendererOrigins,
} from '../../../src/main/core/appProtocol/rendererFiles';

const ROOT = path.resolve('/opt/camb-watch/out/renderer');

describe('resolveRendererFile', () => {
  it('serves files under the renderer folder, index.html for the root', () => {
    expect(resolveRendererFile(ROOT, 'app://camb-watch/')).toEqual({
      ok: true,
      filePath: path.join(ROOT, 'index.html'),
    });
    expect(resolveRendererFile(ROOT, 'app://camb-watch/assets/index-1a2b.js?v=1#x')).toEqual({
      ok: true,
      filePath: path.join(ROOT, 'assets', 'index-1a2b.js'),
    });
  });

  it.each([
    'app://camb-watch/../main/index.js',
    'app://camb-watch/%2e%2e/main/index.js',
    'app://camb-watch/assets/%2e%2e%2f%2e%2e%2fmain/index.js',
    'app://camb-watch/..%2f..%2f..%2fetc/passwd',
  ])('never leaves the folder: %s', (url) => {
    const lookup = resolveRendererFile(ROOT, url);
    if (lookup.ok) expect(lookup.filePath.startsWith(`${ROOT}${path.sep}`)).toBe(true);
    else expect([400, 403]).toContain(lookup.status);
  });

  it('refuses other hosts, schemes, backslashes, NUL and broken escapes', () => {
    expect(resolveRendererFile(ROOT, 'app://evil/index.html')).toEqual({ ok: false, status: 403 });
    expect(resolveRendererFile(ROOT, 'file:///etc/passwd')).toEqual({ ok: false, status: 403 });
    expect(resolveRendererFile(ROOT, 'app://camb-watch/a%5C..%5C..%5Cx')).toEqual({ ok: false, status: 400 });
    expect(resolveRendererFile(ROOT, 'app://camb-watch/a%00.js')).toEqual({ ok: false, status: 400 });
    expect(resolveRendererFile(ROOT, 'app://camb-watch/%E0%A4%A')).toEqual({ ok: false, status: 400 });
    expect(resolveRendererFile(ROOT, 'not a url')).toEqual({ ok: false, status: 400 });
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer build emits, and nothing sniffable otherwise', () => {
    expect(contentTypeFor('a/index.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/x.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/x.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a/x.bin')).toBe('application/octet-stream');
  });
});

describe('RENDERER_CSP', () => {
  const directives = (policy: string) => policy.split('; ');

  it('allows no inline script, eval or remote source but the player’s media', () => {
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toContain("script-src 'self'");
    const others = directives(RENDERER_CSP).filter((directive) => !directive.startsWith('media-src '));
    expect(others.join('; ')).not.toMatch(/unsafe-|https?:|\*/u);
  });

  it('lets media play from CAMB.AI’s hosts over https only: no http, no other host, no data: or blob:', () => {
    expect(directives(RENDERER_CSP)).toContain('media-src https://*.camb.ai');
    expect(directives(RENDERER_CSP).filter((directive) => directive.startsWith('media-src'))).toHaveLength(1);
  });

  it('adds exactly a local simulator’s origin for a development page, nothing else', () => {
    const policy = rendererCsp('http://127.0.0.1:4100');
    expect(directives(policy)).toContain('media-src https://*.camb.ai http://127.0.0.1:4100');
    expect(directives(policy).filter((directive) => !directive.startsWith('media-src'))).toEqual(
      directives(RENDERER_CSP).filter((directive) => !directive.startsWith('media-src')),
    );
  });

  it('keeps all but frame-ancestors in the page’s meta tag', () => {
    expect(metaPolicyOf(RENDERER_CSP)).toContain('media-src https://*.camb.ai');
    expect(metaPolicyOf(RENDERER_CSP)).not.toContain('frame-ancestors');
  });
});

describe('sender origins', () => {
  it('reads custom-scheme origins, which URL.origin calls "null"', () => {
    expect(originOf('app://camb-watch/index.html')).toBe(APP_ORIGIN);
    expect(originOf('http://localhost:5173/src/index.html')).toBe('http://localhost:5173');
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('')).toBeNull();
  });

  it('trusts the app origin, and the dev server only when one is given', () => {
    const packaged = trustedRendererOrigins(null);
    expect(isTrustedRendererUrl('app://camb-watch/index.html', packaged)).toBe(true);
    expect(isTrustedRendererUrl('app://camb-watch.evil/index.html', packaged)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/', packaged)).toBe(false);
    expect(isTrustedRendererUrl('https://example.com/', packaged)).toBe(false);
    expect(isTrustedRendererUrl('data:text/html,hi', packaged)).toBe(false);
    const dev = trustedRendererOrigins('http://localhost:5173/');
    expect(isTrustedRendererUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/index.html', dev)).toBe(false);
  });
});
