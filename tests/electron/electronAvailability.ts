import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Where the Electron binary is, found the way the `electron` package finds it but without its side
 * effect: requiring `electron` downloads the binary when it is missing, which on our offline machines
 * hangs and then throws. Null when there is no binary to run.
 */
export function electronBinaryPath(): string | null {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const binary =
    override !== undefined && override !== ''
      ? path.join(override, relative === '' ? 'electron' : relative)
      : relative === ''
        ? null
        : path.join(packageDir, 'dist', relative);
  return binary !== null && existsSync(binary) ? binary : null;
}

const REPORTED = Symbol.for('camb-watch.electron-unavailable-reported');

/**
 * Says plainly that the suite did not run, once per process, so a machine without Electron never reads
 * as green. The test script looks for this exact line.
 */
export function reportElectronUnavailable(testCount: number): void {
  const flags = globalThis as Record<symbol, unknown>;
  if (flags[REPORTED] === true) return;
  flags[REPORTED] = true;
  console.log(`Electron binary not available: ${testCount} Electron tests not run`);
}
