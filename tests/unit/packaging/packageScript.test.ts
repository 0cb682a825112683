import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageJson, projectFile } from './builderConfig';

/**
 * scripts/package.sh (npm run package:<os>) on this Linux machine, with stand-in `npm` and `npx` that only
 * log what they were asked to run: packaging for another OS must stop before building anything.
 */
let bin: string;
const calls = () => {
  try {
    return readFileSync(join(bin, 'calls.log'), 'utf8').trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
};

beforeEach(() => {
  bin = mkdtempSync(join(tmpdir(), 'camb-package-'));
  for (const tool of ['npm', 'npx']) {
    writeFileSync(join(bin, tool), `#!/usr/bin/env bash\necho "${tool} $*" >>"${bin}/calls.log"\n`);
    chmodSync(join(bin, tool), 0o755);
  }
});
afterEach(() => rmSync(bin, { recursive: true, force: true }));

function packageFor(os: string, ...args: string[]) {
  return spawnSync('bash', [projectFile('scripts/package.sh'), os, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}` },
  });
}

describe.runIf(process.platform === 'linux')('packaging on Linux', () => {
  it.each([
    ['win', 'Windows'],
    ['mac', 'macOS'],
  ])('refuses to package for %s here, says why, and builds nothing', (os, name) => {
    const result = packageFor(os);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`The ${name} package is built only on ${name}`);
    expect(result.stderr).toContain('keychain');
    expect(result.stderr).toContain(`npm run package:${os} on ${name}`);
    expect(result.stderr).not.toMatch(/^\s+at /mu);
    expect(calls()).toEqual([]);
  });

  it('packages for Linux: builds, then runs electron-builder with the options given', () => {
    const result = packageFor('linux', '--publish', 'never');
    expect(result.status).toBe(0);
    expect(calls()).toEqual(['npm run --silent build', 'npx electron-builder --linux --publish never']);
  });
});

describe('the package scripts', () => {
  it('go through scripts/package.sh, which checks the OS', () => {
    const { scripts } = packageJson;
    expect(scripts['package:win']).toBe('bash scripts/package.sh win');
    expect(scripts['package:mac']).toBe('bash scripts/package.sh mac');
    expect(scripts['package:linux']).toBe('bash scripts/package.sh linux');
  });
});
