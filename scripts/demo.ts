/**
 * `npm run demo`: the desktop app against the CAMB simulator (the fake server the tests use) with a
 * handful of jobs that finish, fail and time out, on a throw-away profile and a demo key, so the app can
 * be seen working without a CAMB account. Where Electron cannot run, it says so and points to the same
 * app in a browser (`npm run dev:web -- --demo`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { electronBinaryPath } from '../tests/electron/electronAvailability';

const ROOT = path.resolve(import.meta.dirname, '..');
const SIMULATOR = path.join(ROOT, 'src', 'webHost', 'demo', 'startDemoSimulator.ts');

function fail(message: string): never {
  console.error(`demo: ${message}`);
  process.exit(1);
}

const binary = electronBinaryPath();
if (binary === null) {
  fail(
    'Electron binary not available, so the desktop app cannot run on this machine.\n' +
      '      See the same app, on the same simulator, in a browser: npm run dev:web -- --demo',
  );
}
if (!existsSync(SIMULATOR)) fail(`the CAMB simulator is missing (${path.relative(ROOT, SIMULATOR)}).`);

console.log('demo: building the app…');
const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) fail('the build failed (see above).');

const { startDemoSimulator } = await import('../src/webHost/demo/startDemoSimulator');
const simulator = await startDemoSimulator();
const profile = mkdtempSync(path.join(tmpdir(), 'camb-watch-demo-'));

// Each job arrives as a deep link, the way a browser or another app hands one over, so it keeps its label.
const links = simulator.jobs.map(
  (job) =>
    `camb-watch://watch/${job.kind}/${encodeURIComponent(job.taskId)}?label=${encodeURIComponent(job.label)}`,
);
console.log(
  `demo: CAMB simulator at ${simulator.apiBase}, ${simulator.jobs.length} jobs; profile ${profile}\n` +
    'demo: the jobs start as the window opens; close the app and run `npm run demo` again to replay them.',
);

const child = spawn(binary, [ROOT, '--show', ...links], {
  cwd: ROOT,
  stdio: 'inherit',
  env: {
    ...process.env,
    CAMB_API_BASE: simulator.apiBase,
    CAMB_API_KEY: simulator.apiKey,
    CAMB_WATCH_USER_DATA: profile,
  },
});

let cleaned = false;
async function cleanUp(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  await simulator.close();
  rmSync(profile, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', async (error) => {
  await cleanUp();
  fail(`Electron could not be started: ${error.message}`);
});
child.on('exit', async (code) => {
  await cleanUp();
  process.exit(code ?? 0);
});
