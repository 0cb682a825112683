/**
 * A child-process script (TypeScript, under tests/support) bundled once per test file with esbuild, so
 * that the crash tests, which start a child for every kill, do not pay tsx's start-up each time (about
 * 1 s of CPU per start on the 2-core machine; the bundle starts in a fraction of that). The sources are
 * the same; only the transpiling moves from every start to one build. npm packages stay external and
 * load from node_modules, as under tsx, so a preload (`--import`, e.g. diskQuota.ts) still patches `fs`
 * before they take their functions from it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '../..');
/** Inside node_modules, so that the bundle's external packages resolve as the sources' do. */
const BUNDLE_DIR = path.join(REPOSITORY_ROOT, 'node_modules', '.cache', 'camb-watch-test-children');

/** Bundles `script` (a path) into an ES module and returns the bundle's path, for `node <bundle>`. */
export async function bundleChild(script: string): Promise<string> {
  fs.mkdirSync(BUNDLE_DIR, { recursive: true });
  // One name per test process: two test files bundling the same script at once never share a file.
  const outfile = path.join(BUNDLE_DIR, `${path.basename(script, '.ts')}-${process.pid}.mjs`);
  await build({
    entryPoints: [script],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}
