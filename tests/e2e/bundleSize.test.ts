/**
 * The window's first script, as built (out/renderer): what Chromium downloads and parses before it can
 * draw anything. It must stay within 250 kB gzipped, and the Insights view must not be part of it: that
 * view is loaded the first time it opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
const INITIAL_JS_LIMIT_BYTES = 250 * 1000;
/** A sentence only the Insights view says. */
const INSIGHTS_TEXT = 'Nothing has finished yet';

function builtFile(relative: string): string {
  const file = path.join(RENDERER_DIR, relative);
  if (!fs.existsSync(file))
    throw new Error(`${relative} is missing from out/renderer: run \`npm run build\` first.`);
  return file;
}

/** The scripts index.html loads at once: its module entry and every chunk it preloads. */
function initialScripts(): string[] {
  const html = fs.readFileSync(builtFile('index.html'), 'utf8');
  const sources = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/gu),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/gu),
  ].map((match) => match[1] ?? '');
  expect(sources.length, 'index.html loads no module script').toBeGreaterThan(0);
  return sources.map((source) => builtFile(source.replace(/^\.?\//u, '')));
}

describe('the renderer’s initial JavaScript', () => {
  it('stays within 250 kB gzipped', () => {
    const gzipped = initialScripts().reduce(
      (total, file) => total + gzipSync(fs.readFileSync(file), { level: 9 }).length,
      0,
    );
    expect(gzipped).toBeGreaterThan(10_000); // a real bundle was measured, not an empty stub
    expect(gzipped).toBeLessThanOrEqual(INITIAL_JS_LIMIT_BYTES);
  });

  it('leaves the Insights view to a chunk of its own, loaded when it opens', () => {
    const initial = new Set(initialScripts());
    const assets = fs
      .readdirSync(builtFile('assets'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => path.join(RENDERER_DIR, 'assets', name));
    const saying = (file: string) => fs.readFileSync(file, 'utf8').includes(INSIGHTS_TEXT);
    expect([...initial].filter(saying)).toEqual([]);
    expect(assets.filter((file) => !initial.has(file) && saying(file))).toHaveLength(1);
  });
});
