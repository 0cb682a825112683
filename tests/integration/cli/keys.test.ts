import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCambServer, step } from '../../../tools/fakeCamb/fakeCambServer';
import type { FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import { ensureCliBuilt, jsonLines, neverPrint, REPO_ROOT, runCli, TEST_KEY } from './runCli';

/*
 * `camb-watch key …` and where `status` finds its key, against the REAL keychain entry (service camb-watch,
 * account api-key) of the private gnome-keyring that `npm test` starts. One entry, shared by every step:
 * the steps run in order, and the entry is cleared before and after.
 */

const KEYCHAIN_KEY = 'cli-keychain-key-3b8f61d0e9a2';
const ENV_KEY = TEST_KEY;
neverPrint(KEYCHAIN_KEY);

let server: FakeCambServer;
/** Set once beforeAll found the test keyring: without it there is nothing to clean up. */
let started = false;

/** Whether the keychain entry holds `key`, read with keytar itself (prints a boolean, never the key). */
async function keychainHolds(key: string): Promise<boolean> {
  const script = `require('keytar').getPassword('camb-watch', 'api-key')
    .then((stored) => console.log(stored === ${JSON.stringify(key)} ? 'same' : stored === null ? 'none' : 'other'))`;
  const env = { ...process.env };
  delete env['CAMB_API_KEY'];
  const { stdout } = await promisify(execFile)('node', ['-e', script], { cwd: REPO_ROOT, env });
  return stdout.trim() === 'same';
}

function statusRequests(taskId: string) {
  return server.requests.filter((entry) => entry.route === 'status' && entry.id === taskId);
}

beforeAll(async () => {
  if (process.env['CAMB_TEST_SECRET_SERVICE'] !== '1') {
    throw new Error(
      'The CLI key tests use the real keychain of the private gnome-keyring that `npm test` starts ' +
        '(scripts/test.sh → scripts/with-unlocked-keyring.sh). Run them with `npm test`, e.g. ' +
        '`npm test -- tests/integration/cli/keys.test.ts`.',
    );
  }
  await ensureCliBuilt();
  server = await startFakeCambServer({ apiKey: [ENV_KEY, KEYCHAIN_KEY] });
  started = true;
  server.addTask('story', 'k-task', step.success(11));
  const cleared = await runCli(['key', 'clear'], { apiKey: null });
  expect(cleared.exitCode).toBe(0);
});

afterAll(async () => {
  if (!started) return;
  const cleared = await runCli(['key', 'clear'], { apiKey: null });
  await server.close();
  expect(cleared.exitCode).toBe(0);
  expect(await keychainHolds(KEYCHAIN_KEY)).toBe(false);
});

describe.sequential('camb-watch key and where the key comes from', () => {
  it('without any key, status exits 3 with advice and sends nothing', async () => {
    const run = await runCli(['status', 'k-task'], { server, apiKey: null });
    expect(run.exitCode).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('No CAMB.AI API key is set');
    expect(run.stderr).toContain('camb-watch key set');
    expect(run.stderr).toContain('CAMB_API_KEY');
    expect(statusRequests('k-task')).toEqual([]);
  });

  it('key status says not set and exits 3', async () => {
    const human = await runCli(['key', 'status'], { apiKey: null });
    expect(human.exitCode).toBe(3);
    expect(human.stdout).toBe('API key: not set.\n');
    expect(human.stderr).toContain('camb-watch key set');

    const json = await runCli(['key', 'status', '--json'], { apiKey: null });
    expect(json.exitCode).toBe(3);
    expect(jsonLines(json.stdout)).toEqual([
      { set: false, where: null, keychain: { where: 'OS keychain', works: true } },
    ]);
  });

  it('key set refuses empty input and a key with a space, saving nothing', async () => {
    const empty = await runCli(['key', 'set'], { apiKey: null, stdin: '\n' });
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toContain('The API key is empty');
    const spaced = await runCli(['key', 'set'], { apiKey: null, stdin: 'two words\n' });
    expect(spaced.exitCode).toBe(2);
    expect(spaced.stderr).toContain('space or line break');
    expect(await keychainHolds('two words')).toBe(false);
  });

  it('key set reads the key from stdin and saves it in the keychain', async () => {
    const run = await runCli(['key', 'set'], { apiKey: null, stdin: `  ${KEYCHAIN_KEY}\n` });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('API key saved in the OS keychain.\n');
    expect(run.stderr).toBe('');
    expect(await keychainHolds(KEYCHAIN_KEY)).toBe(true);
  });

  it('key status says the key is set in the OS keychain', async () => {
    const human = await runCli(['key', 'status'], { apiKey: null });
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toBe('API key: set (OS keychain).\n');

    const json = await runCli(['key', 'status', '--json'], { apiKey: null });
    expect(json.exitCode).toBe(0);
    expect(jsonLines(json.stdout)).toEqual([
      { set: true, where: 'OS keychain', keychain: { where: 'OS keychain', works: true } },
    ]);
  });

  it('status with no CAMB_API_KEY uses the keychain key', async () => {
    server.setApiKey(KEYCHAIN_KEY);
    const run = await runCli(['status', 'k-task'], { server, apiKey: null });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('story k-task: SUCCESS (run 11)\n');
    expect(statusRequests('k-task').map((entry) => entry.hadValidKey)).toEqual([true]);
  });

  it('CAMB_API_KEY takes precedence over the keychain', async () => {
    const status = await runCli(['key', 'status', '--json'], { apiKey: ENV_KEY });
    expect(status.exitCode).toBe(0);
    expect(jsonLines(status.stdout)[0]).toMatchObject({ set: true, where: 'environment' });
    const human = await runCli(['key', 'status'], { apiKey: ENV_KEY });
    expect(human.stdout).toBe('API key: set (environment).\n');

    // The server now takes only the environment key: the keychain key would get 401.
    server.setApiKey(ENV_KEY);
    const run = await runCli(['status', 'k-task'], { server, apiKey: ENV_KEY });
    expect(run.exitCode).toBe(0);

    // A rejected environment key is not replaced by the keychain's: the user is told to fix the variable.
    server.setApiKey(KEYCHAIN_KEY);
    const rejected = await runCli(['status', 'k-task'], { server, apiKey: ENV_KEY });
    expect(rejected.exitCode).toBe(3);
    expect(rejected.stderr).toContain('CAMB_API_KEY');
    expect(statusRequests('k-task').map((entry) => entry.hadValidKey)).toEqual([true, true, false]);
  });

  it('key set while CAMB_API_KEY is set saves, and says the environment still wins', async () => {
    const run = await runCli(['key', 'set'], { apiKey: ENV_KEY, stdin: KEYCHAIN_KEY });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/CAMB_API_KEY is set in the environment and keeps taking precedence/);
    expect(await keychainHolds(KEYCHAIN_KEY)).toBe(true);
  });

  it('key clear removes the key; then status exits 3 again', async () => {
    const cleared = await runCli(['key', 'clear'], { apiKey: null });
    expect(cleared.exitCode).toBe(0);
    expect(cleared.stdout).toBe('API key removed from the OS keychain.\n');
    expect(await keychainHolds(KEYCHAIN_KEY)).toBe(false);

    const again = await runCli(['key', 'clear'], { apiKey: null });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toBe('No API key was stored in the OS keychain.\n');

    const keyStatus = await runCli(['key', 'status'], { apiKey: null });
    expect(keyStatus.exitCode).toBe(3);
    const status = await runCli(['status', 'k-task'], { server, apiKey: null });
    expect(status.exitCode).toBe(3);
    expect(status.stderr).toContain('camb-watch key set');
  });

  it('a key another tool stored with an invisible character exits 3 and says so, sending nothing', async () => {
    const script = `require('keytar').setPassword('camb-watch', 'api-key', ${JSON.stringify(`${KEYCHAIN_KEY}\u200b`)})`;
    const env = { ...process.env };
    delete env['CAMB_API_KEY'];
    await promisify(execFile)('node', ['-e', script], { cwd: REPO_ROOT, env });
    const before = statusRequests('k-task').length;

    const run = await runCli(['status', 'k-task'], { server, apiKey: null });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toMatch(/The API key in the OS keychain is not usable\./);
    expect(run.stderr).toContain('camb-watch key set');
    expect(statusRequests('k-task')).toHaveLength(before);
  });
});
