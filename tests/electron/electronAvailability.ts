import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
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

/**
 * CI sets CAMB_WATCH_REQUIRE_ELECTRON=1 where npm has downloaded the binary: there a missing binary (or
 * display) fails the suite instead of reporting it "not run", so a broken download cannot pass CI.
 */
export function electronRequired(): boolean {
  return process.env['CAMB_WATCH_REQUIRE_ELECTRON'] === '1';
}

const REPORTED = Symbol.for('camb-watch.electron-unavailable-reported');

/**
 * Says plainly that the suite did not run, once per process, so a machine without Electron never reads
 * as green. The test script looks for this exact line.
 */
export function reportElectronUnavailable(testCount: number, why?: string): void {
  const flags = globalThis as Record<symbol, unknown>;
  if (flags[REPORTED] === true) return;
  flags[REPORTED] = true;
  console.log(`Electron binary not available: ${testCount} Electron tests not run`);
  if (why !== undefined) console.log(why);
}

function onPath(program: string): string | null {
  for (const folder of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const candidate = path.join(folder, program);
    if (folder !== '' && existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * What to start the Electron binary with. On a Linux machine without a display (CI, a server) Electron
 * cannot open a window: it runs inside a virtual X server through `xvfb-run` (Debian's xvfb package),
 * by a small wrapper script, since Playwright puts its own switches first on the command line. Null when
 * there is no display and no xvfb-run: the suite is then not run, and says why.
 */
export function electronExecutable(binary: string): string | null {
  const env = process.env;
  const headless =
    process.platform === 'linux' && (env['DISPLAY'] ?? '') === '' && (env['WAYLAND_DISPLAY'] ?? '') === '';
  if (!headless) return binary;
  const xvfbRun = onPath('xvfb-run');
  if (xvfbRun === null) return null;
  const folder = mkdtempSync(path.join(tmpdir(), 'camb-watch-xvfb-'));
  const wrapper = path.join(folder, 'electron-in-xvfb');
  const quote = (text: string) => `'${text.replace(/'/gu, `'\\''`)}'`;
  writeFileSync(wrapper, `#!/bin/sh\nexec ${quote(xvfbRun)} -a ${quote(binary)} "$@"\n`, { mode: 0o755 });
  return wrapper;
}
