import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const FRESHNESS = path.resolve(import.meta.dirname, '../../../scripts/build-freshness.sh');
const OUTPUTS = [
  'out/main/index.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
  'out/cli/main.js',
  'out/web-bridge/bridge.js',
];

const projects: string[] = [];
afterEach(() => {
  for (const dir of projects.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Sets a file's (or folder's) times `secondsAgo` in the past, so that the order of changes is certain. */
function age(file: string, secondsAgo: number): void {
  const when = new Date(Date.now() - secondsAgo * 1000);
  fs.utimesSync(file, when, when);
}

/**
 * A project with sources and build configs an hour old, and a stand-in `npm` whose `run build` writes
 * every bundle, logs the call, and runs $DURING_BUILD (a change made while the build runs) or fails when
 * $BUILD_FAILS is set.
 */
function makeProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-build-freshness-'));
  projects.push(dir);
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  write('src/main/index.ts', 'export {};\n');
  write('src/renderer/app.tsx', 'export {};\n');
  write('package.json', '{}\n');
  write('package-lock.json', '{}\n');
  write('node_modules/.package-lock.json', '{}\n');
  write('electron.vite.config.ts', 'export default {};\n');
  write(
    'bin/npm',
    `#!/usr/bin/env bash
echo "npm $*" >>"${dir}/npm-calls.log"
[ -n "\${BUILD_FAILS:-}" ] && exit 1
for output in ${OUTPUTS.join(' ')}; do mkdir -p "$(dirname "$output")"; echo built >"$output"; done
if [ -n "\${DURING_BUILD:-}" ]; then eval "$DURING_BUILD"; fi
exit 0
`,
  );
  fs.chmodSync(path.join(dir, 'bin/npm'), 0o755);
  for (const file of ['src/main/index.ts', 'src/renderer/app.tsx', 'src/main', 'src/renderer', 'src'])
    age(path.join(dir, file), 3600);
  return dir;
}

/** Runs build_unless_fresh in the project as scripts/test.sh does (strict mode); how many builds ran. */
function buildUnlessFresh(dir: string, env: Record<string, string> = {}) {
  const before = builds(dir);
  const result = spawnSync('bash', ['-c', `set -euo pipefail; source "${FRESHNESS}"; build_unless_fresh`], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: `${path.join(dir, 'bin')}:/usr/bin:/bin`, ...env },
  });
  return { status: result.status, stdout: result.stdout, built: builds(dir) - before };
}

function builds(dir: string): number {
  const log = path.join(dir, 'npm-calls.log');
  return fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0;
}

// Each case starts bash a few times: on a busy machine that takes seconds, not the unit default of 5.
describe(
  'scripts/build-freshness.sh: out/ is rebuilt unless newer than every input',
  { timeout: 30_000 },
  () => {
    it('builds when nothing was built, then not again while nothing changed', () => {
      const dir = makeProject();
      expect(buildUnlessFresh(dir)).toMatchObject({ status: 0, built: 1 });
      const again = buildUnlessFresh(dir);
      expect(again).toMatchObject({ status: 0, built: 0 });
      expect(again.stdout).toContain('Not rebuilding');
    });

    it('rebuilds when a source, a config or the installed dependencies changed since', () => {
      const dir = makeProject();
      buildUnlessFresh(dir);
      for (const input of [
        'src/renderer/app.tsx',
        'electron.vite.config.ts',
        'node_modules/.package-lock.json',
      ]) {
        fs.appendFileSync(path.join(dir, input), '// changed\n');
        const run = buildUnlessFresh(dir);
        expect(run, input).toMatchObject({ status: 0, built: 1 });
        expect(run.stdout).toContain(`${input} changed`);
      }
    });

    it('rebuilds when a source was deleted or a new one added, though no remaining file is newer', () => {
      const dir = makeProject();
      buildUnlessFresh(dir);
      fs.rmSync(path.join(dir, 'src/main/index.ts'));
      expect(buildUnlessFresh(dir).built).toBe(1);
      fs.writeFileSync(path.join(dir, 'src/renderer/new.tsx'), 'export {};\n');
      age(path.join(dir, 'src/renderer/new.tsx'), 7200); // e.g. copied with its old time kept
      expect(buildUnlessFresh(dir).built).toBe(1);
    });

    it('rebuilds next time when a source was saved while the build ran', () => {
      const dir = makeProject();
      buildUnlessFresh(dir, { DURING_BUILD: 'sleep 0.05; echo "// saved mid-build" >>src/main/index.ts' });
      expect(buildUnlessFresh(dir).built).toBe(1);
      expect(buildUnlessFresh(dir).built).toBe(0);
    });

    it('rebuilds when a bundle is missing, and after a failed build', () => {
      const dir = makeProject();
      buildUnlessFresh(dir);
      fs.rmSync(path.join(dir, 'out/web-bridge/bridge.js'));
      const missing = buildUnlessFresh(dir);
      expect(missing.built).toBe(1);
      expect(missing.stdout).toContain('out/web-bridge/bridge.js is missing');

      // A build that fails part-way leaves no record of a finished one, even though its old bundles remain.
      fs.appendFileSync(path.join(dir, 'src/main/index.ts'), '// changed\n');
      const failed = buildUnlessFresh(dir, { BUILD_FAILS: '1' });
      expect(failed.built).toBe(1);
      expect(failed.status).not.toBe(0);
      expect(buildUnlessFresh(dir)).toMatchObject({ status: 0, built: 1 });
      expect(buildUnlessFresh(dir).built).toBe(0);
    });
  },
);
