import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectFile } from './builderConfig';

/**
 * `npm start` and `npm test` source scripts/system-packages.sh under `set -euo pipefail`. These run its
 * check the same way, with a PATH holding only what a given system has: real grep and id, and stand-ins
 * for uname, dpkg-query, apt-get and dnf.
 */
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

type Command = 'uname' | 'dpkg-query' | 'apt-get' | 'dnf' | 'id';

/**
 * dpkg-query -W -f='${Package} ${Status}\n' PACKAGE…, answered as Debian does: each installed package
 * on a line; `otherwise` holds case branches for the rest (no line: unknown).
 */
const dpkgQuery = (otherwise = '') =>
  `shift 2; for p; do case "$p" in ${otherwise} *) echo "$p install ok installed" ;; esac; done`;

function systemWith(commands: Partial<Record<Command, string>>): string {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'camb-watch-path-'));
  folders.push(bin);
  for (const tool of ['grep', 'id'])
    if (!(tool in commands))
      symlinkSync(
        spawnSync('/bin/sh', ['-c', `command -v ${tool}`])
          .stdout.toString()
          .trim(),
        path.join(bin, tool),
      );
  for (const [name, script] of Object.entries(commands)) {
    writeFileSync(path.join(bin, name), `#!/bin/sh\n${script}\n`);
    chmodSync(path.join(bin, name), 0o755);
  }
  return bin;
}

function ensurePackages(bin: string) {
  const script = `set -euo pipefail
source ${JSON.stringify(projectFile('scripts/system-packages.sh'))}
ensure_system_packages "\${BUILD_PACKAGES[@]}"
echo "went on"`;
  // --norc: with its input a socket (as Node gives it), bash would take itself for an ssh session and read ~/.bashrc.
  const result = spawnSync('/bin/bash', ['--norc', '--noprofile', '-c', script], {
    env: { PATH: bin },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the system-package check of npm start and npm test', () => {
  it('goes on on macOS, saying what keytar needs there', () => {
    const result = ensurePackages(systemWith({ uname: 'echo Darwin' }));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('went on');
    expect(result.stderr).toContain('Not a Debian or Ubuntu system');
    expect(result.stderr).toContain('xcode-select --install');
  });

  it('goes on on Fedora, with the dnf line to run', () => {
    const result = ensurePackages(systemWith({ uname: 'echo Linux', dnf: 'exit 0' }));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('went on');
    expect(result.stderr).toContain(
      'sudo dnf install gcc-c++ make python3 pkgconf-pkg-config libsecret-devel',
    );
  });

  it("goes on in Windows' Git Bash", () => {
    const result = ensurePackages(systemWith({ uname: 'echo MINGW64_NT-10.0-26100' }));
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('Visual Studio Build Tools');
  });

  it('on Debian says nothing when everything is installed', () => {
    const result = ensurePackages(
      systemWith({ uname: 'echo Linux', 'dpkg-query': dpkgQuery(), 'apt-get': 'exit 0' }),
    );
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toContain('went on');
  });

  it('on Debian stops with the apt-get line when something is missing and it is not root', () => {
    const result = ensurePackages(
      systemWith({ uname: 'echo Linux', 'dpkg-query': 'exit 1', 'apt-get': 'exit 0', id: 'echo 1000' }),
    );
    expect(result.status).not.toBe(0);
    expect(result.stdout).not.toContain('went on');
    expect(result.stderr).toContain(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends g++ make python3 pkg-config libsecret-1-dev',
    );
  });
});

describe('the system-package check of npm start and npm test, one package missing', () => {
  it('names only the missing one, and one removed but not purged', () => {
    const result = ensurePackages(
      systemWith({
        uname: 'echo Linux',
        'dpkg-query': dpkgQuery('make) ;; pkg-config) echo "$p deinstall ok config-files" ;;'),
        'apt-get': 'exit 0',
        id: 'echo 1000',
      }),
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('sudo apt-get install -y --no-install-recommends make pkg-config \n');
  });
});

describe('the test packages npm test asks for', () => {
  function testPackages(env: Record<string, string>): string[] {
    const script = `set -euo pipefail
source ${JSON.stringify(projectFile('scripts/system-packages.sh'))}
test_system_packages`;
    const result = spawnSync('/bin/bash', ['--norc', '--noprofile', '-c', script], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    return result.stdout.trim().split('\n');
  }

  it("include Debian's chromium where no other browser is named", () => {
    expect(testPackages({})).toContain('chromium');
    expect(testPackages({ CHROMIUM_PATH: '/nowhere/chrome' })).toContain('chromium');
  });

  it('leave chromium out where CHROMIUM_PATH names a browser that is there (CI runners bring Chrome)', () => {
    const packages = testPackages({ CHROMIUM_PATH: process.execPath });
    expect(packages).not.toContain('chromium');
    expect(packages).toEqual(expect.arrayContaining(['gnome-keyring', 'dbus', 'fonts-liberation']));
  });
});
