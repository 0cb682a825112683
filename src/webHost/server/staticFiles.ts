import fs from 'node:fs/promises';
import path from 'node:path';
import { contentTypeFor, metaPolicyOf, RENDERER_CSP } from '../../main/core/appProtocol';
import { BRIDGE_SCRIPT_PATH } from '../browser/webHostPaths';

export type StaticFile =
  { readonly found: true; readonly body: Buffer; readonly contentType: string } | { readonly found: false };

const NOT_FOUND: StaticFile = { found: false };

/** Puts the bridge (a classic script) before the first script of the page, so window.cambWatch exists when the app starts. */
export function injectBridgeScript(html: string): string {
  const tag = `<script src="${BRIDGE_SCRIPT_PATH}"></script>`;
  const firstScript = html.search(/<script\b/iu);
  if (firstScript !== -1) return `${html.slice(0, firstScript)}${tag}\n    ${html.slice(firstScript)}`;
  const headEnd = html.search(/<\/head>/iu);
  if (headEnd !== -1) return `${html.slice(0, headEnd)}${tag}\n  ${html.slice(headEnd)}`;
  return `${tag}\n${html}`;
}

/**
 * The built page's policy meta tag, carrying `policy` instead of the one the build wrote: the browser
 * enforces the meta tag and the header both, so the page's media sources must widen in both places.
 */
export function withPagePolicy(html: string, policy: string): string {
  if (policy === RENDERER_CSP) return html;
  // The build writes the attribute with its quotes as character references (Vite: &#39;).
  const attribute = (text: string) => `content="${metaPolicyOf(text).replaceAll("'", '&#39;')}"`;
  return html.replace(attribute(RENDERER_CSP), () => attribute(policy));
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`);
}

/**
 * The renderer's files, and nothing outside its folder: the decoded path is resolved and checked against
 * the folder, and so is its real path, so neither `..` (encoded or not) nor a symbolic link leads out.
 */
export function createStaticFiles(rendererDir: string, policy: string = RENDERER_CSP) {
  const root = path.resolve(rendererDir);

  async function read(urlPath: string): Promise<StaticFile> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return NOT_FOUND;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return NOT_FOUND;
    const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/u, '');
    const candidate = path.resolve(root, relative);
    if (!isInside(root, candidate)) return NOT_FOUND;
    try {
      const [realRoot, real] = await Promise.all([fs.realpath(root), fs.realpath(candidate)]);
      if (!isInside(realRoot, real) || !(await fs.stat(real)).isFile()) return NOT_FOUND;
      const body = await fs.readFile(real);
      if (real === path.join(realRoot, 'index.html')) {
        return {
          found: true,
          body: Buffer.from(withPagePolicy(injectBridgeScript(body.toString('utf8')), policy)),
          contentType: contentTypeFor(real),
        };
      }
      return { found: true, body, contentType: contentTypeFor(real) };
    } catch {
      return NOT_FOUND;
    }
  }

  return { root, read };
}
