import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * scripts/start.sh (npm start) in a copy of the project whose node_modules are installed but whose
 * electron package has no binary, as where Electron's download failed. `npx` is a stand-in that logs what
 * it was asked to run: `npx electron-vite dev` is what builds and starts the dev server.
 */
const REPO = resolve(import.meta.dirname, '../../..');
const SCRIPTS = ['start.sh', 'system-packages.sh', 'node-modules.sh', 'node-toolchain.sh'];

let project: string;
let bin: string;

function script(path: string, body: string): void {
  writeFileSync(path, `#!/usr/bin/env bash\n${body}\n`);
  chmodSync(path, 0o755);
}

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'camb-start-'));
  mkdirSync(join(project, 'scripts'));
  for (const name of SCRIPTS) copyFileSync(join(REPO, 'scripts', name), join(project, 'scripts', name));
  copyFileSync(join(REPO, 'package.json'), join(project, 'package.json'));
  copyFileSync(join(REPO, '.nvmrc'), join(project, '.nvmrc'));
  writeFileSync(join(project, 'package-lock.json'), '{}\n');
  // Installed after the lock was written, so start.sh does not run npm ci.
  utimesSync(join(project, 'package-lock.json'), new Date(2026, 0, 1), new Date(2026, 0, 1));
  mkdirSync(join(project, 'node_modules/electron'), { recursive: true });
  writeFileSync(join(project, 'node_modules/.package-lock.json'), '{}\n');
  writeFileSync(join(project, 'node_modules/electron/package.json'), '{ "version": "45.5.0" }\n');

  bin = join(project, 'stand-ins');
  mkdirSync(bin);
  script(join(bin, 'npx'), `echo "npx $*" >>"${project}/calls.log"`);
  script(join(bin, 'npm'), `echo "npm $*" >>"${project}/calls.log"`);
  // Every system package reads as installed (one `<package> install ok installed` line each, as
  // missing_system_packages reads `dpkg-query -W -f='${Package} ${Status}\n'`): this test is about
  // Electron, not apt. A stand-in apt-get logs a call, so an install that slipped through fails the test
  // (it did: a bare "install ok installed" read as nothing installed, and each case ran the real apt-get).
  script(
    join(bin, 'dpkg-query'),
    'for arg in "$@"; do case "$arg" in -*) ;; *) printf "%s install ok installed\\n" "$arg" ;; esac; done',
  );
  script(join(bin, 'apt-get'), `echo "apt-get $*" >>"${project}/calls.log"`);
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

function start(env: Record<string, string> = {}) {
  const base = { ...process.env };
  delete base['ELECTRON_EXEC_PATH'];
  delete base['ELECTRON_OVERRIDE_DIST_PATH'];
  return spawnSync('bash', [join(project, 'scripts/start.sh'), '--flag-for-the-app'], {
    encoding: 'utf8',
    env: { ...base, PATH: `${bin}:${process.env['PATH'] ?? ''}`, ...env },
  });
}

const calls = () => {
  try {
    return readFileSync(join(project, 'calls.log'), 'utf8').trim().split('\n');
  } catch {
    return [];
  }
};

function expectTheMissingBinaryExplained(result: ReturnType<typeof start>): void {
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('The Electron binary is missing');
  expect(result.stderr).toContain('node node_modules/electron/install.js');
  expect(result.stderr).toContain('ELECTRON_MIRROR');
  expect(result.stderr).toContain('electron-v45.5.0-<os>-<arch>.zip');
  expect(result.stderr).toContain('npm run dev:web -- --demo');
  expect(`${result.stdout}${result.stderr}`).not.toMatch(/Electron uninstall|^\s+at /mu);
  // Neither a build nor a dev server was started.
  expect(calls()).toEqual([]);
}

// Each case runs the real scripts in bash (Node toolchain check, package checks): seconds, not milliseconds,
// and more where other test files share the cores.
describe('npm start (scripts/start.sh)', { timeout: 30_000 }, () => {
  it('where the Electron download failed, says what is missing and how to get it, and starts nothing', () => {
    expectTheMissingBinaryExplained(start());
  });

  it('says the same when the download stopped half way (path.txt written, no binary unpacked)', () => {
    writeFileSync(join(project, 'node_modules/electron/path.txt'), 'electron');
    expectTheMissingBinaryExplained(start());
  });

  it('says the same when ELECTRON_EXEC_PATH names a binary that is not there', () => {
    expectTheMissingBinaryExplained(start({ ELECTRON_EXEC_PATH: join(project, 'no-such-electron') }));
  });

  it('starts the app with electron-vite where the binary is there', () => {
    writeFileSync(join(project, 'node_modules/electron/path.txt'), 'electron');
    mkdirSync(join(project, 'node_modules/electron/dist'));
    script(join(project, 'node_modules/electron/dist/electron'), 'exit 0');
    const result = start();
    expect(result.status).toBe(0);
    expect(calls()).toEqual(['npx electron-vite dev --flag-for-the-app']);
  });
});
