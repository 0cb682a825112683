import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { preferEnvironmentKey } from '../../src/main/core/secrets/environmentKey';
import { createKeytarSecretStore } from '../../src/main/core/secrets/keytarSecretStore';
import { bareSessionBusConfig } from '../support/privateSessionBus';

/*
 * Against the real gnome-keyring that scripts/test.sh starts, unlocked, in a private D-Bus session. Each run
 * uses its own keychain service name, so it never races the CLI tests (or anyone) over camb-watch/api-key.
 */

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../..');
const adapterPath = join(repoRoot, 'src/main/core/secrets/keytarSecretStore.ts');

const service = `camb-watch-test-${randomUUID()}`;
const account = 'api-key';
const KEY = 'itest-key-4f2a9c7e-1b3d-4e5f';
const OTHER_KEY = 'itest-key-other-8a6b-9c0d';

/** The test's own environment minus `names`, with `extra` on top. */
function childEnv(names: readonly string[], extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([name]) => !names.includes(name));
  return { ...Object.fromEntries(kept), ...extra };
}

/** Runs `script` in a plain `node` (keytar is CommonJS) on this session's keyring; returns what it printed. */
async function nodeWithKeytar(script: string): Promise<string> {
  const { stdout } = await run('node', ['-e', `const keytar = require('keytar');\n${script}`], {
    cwd: repoRoot,
    env: childEnv(['CAMB_API_KEY']),
  });
  return stdout.trim();
}

/** Env for a child that must not reach this session's keyring nor pop up a desktop prompt. */
function isolatedEnv(home: string): NodeJS.ProcessEnv {
  return childEnv(
    ['CAMB_API_KEY', 'DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'WAYLAND_DISPLAY', 'XDG_RUNTIME_DIR'],
    {
      HOME: home,
      XDG_DATA_HOME: join(home, '.local/share'),
    },
  );
}

/**
 * A child process that uses the adapter (with the given command in front, e.g. dbus-run-session) and
 * prints every outcome as JSON. Resolves with its output; it rejects if the child crashed.
 */
async function adapterInChild(prefix: readonly string[], env: NodeJS.ProcessEnv) {
  const script = `
    const { createKeytarSecretStore } = await import(${JSON.stringify(adapterPath)});
    const store = createKeytarSecretStore({ service: ${JSON.stringify(service)} });
    const get = await store.get();
    const set = await store.set(${JSON.stringify(KEY)});
    const clear = await store.clear();
    const describe = await store.describe();
    console.log(JSON.stringify({ get, set, clear, describe }));`;
  const command = [...prefix, 'node', '--import', 'tsx', '--input-type=module', '-e', script];
  const [file, ...args] = command as [string, ...string[]];
  const { stdout, stderr } = await run(file, args, { cwd: repoRoot, env });
  const lines = stdout.trim().split('\n');
  return { outcomes: JSON.parse(lines[lines.length - 1] ?? '') as Record<string, unknown>, stdout, stderr };
}

describe('keytar secret store against a real gnome-keyring', () => {
  beforeAll(() => {
    if (process.env.CAMB_TEST_SECRET_SERVICE !== '1') {
      throw new Error(
        'These tests need the unlocked gnome-keyring in a private D-Bus session that `npm test` starts ' +
          '(scripts/test.sh → scripts/with-unlocked-keyring.sh). Run them through `npm test`, e.g. ' +
          '`npm test -- tests/integration/keychain.test.ts`.',
      );
    }
  });

  const store = createKeytarSecretStore({ service, account });
  afterEach(async () => {
    await store.clear();
  });

  it('starts with no key, and says the keychain works', async () => {
    expect(await store.get()).toEqual({ ok: true, key: null, source: null });
    expect(await store.describe()).toEqual({
      where: null,
      store: { where: 'OS keychain', works: true, hasKey: false },
    });
  });

  it('sets, reads back, replaces and clears the key', async () => {
    expect(await store.set(`  ${KEY}\n`)).toEqual({ ok: true, where: 'OS keychain' });
    expect(await store.get()).toEqual({ ok: true, key: KEY, source: 'OS keychain' });
    expect(await store.describe()).toEqual({
      where: 'OS keychain',
      store: { where: 'OS keychain', works: true, hasKey: true },
    });

    expect(await store.set(OTHER_KEY)).toEqual({ ok: true, where: 'OS keychain' });
    expect(await store.get()).toEqual({ ok: true, key: OTHER_KEY, source: 'OS keychain' });

    expect(await store.clear()).toEqual({ ok: true, where: 'OS keychain', removed: true });
    expect(await store.clear()).toEqual({ ok: true, where: 'OS keychain', removed: false });
    expect(await store.get()).toEqual({ ok: true, key: null, source: null });
  });

  it('keeps the stored key when asked to store an invalid one', async () => {
    await store.set(KEY);
    expect(await store.set('not a key')).toMatchObject({ ok: false, problem: 'invalid-key' });
    expect(await store.get()).toMatchObject({ key: KEY });
  });

  it('checks a key another tool stored like a typed one: trimmed, and refused when unusable', async () => {
    const storeRaw = (value: string) =>
      nodeWithKeytar(
        `keytar.setPassword(${JSON.stringify(service)}, ${JSON.stringify(account)}, ${JSON.stringify(value)}).then(() => console.log('stored'));`,
      );
    await storeRaw(`${KEY}\n`);
    expect(await store.get()).toEqual({ ok: true, key: KEY, source: 'OS keychain' });

    // A zero-width space from a copy: fetch cannot send it, and every request would fail as a network error.
    await storeRaw(`${KEY}\u200b`);
    const read = await store.get();
    expect(read).toMatchObject({ ok: false, problem: 'invalid-key' });
    expect(!read.ok && read.message).toMatch(
      /^The API key in the OS keychain is not usable\. .*visible ASCII/,
    );
    expect(JSON.stringify(read)).not.toContain(KEY);
    expect(await store.describe()).toEqual({
      where: 'OS keychain',
      store: { where: 'OS keychain', works: true, hasKey: true },
    });
  });

  it('shares the entry with other processes, in both directions', async () => {
    await store.set(KEY);
    const read = await nodeWithKeytar(
      `keytar.getPassword(${JSON.stringify(service)}, ${JSON.stringify(account)}).then((v) => console.log(JSON.stringify(v)));`,
    );
    expect(JSON.parse(read)).toBe(KEY);

    await nodeWithKeytar(
      `keytar.setPassword(${JSON.stringify(service)}, ${JSON.stringify(account)}, ${JSON.stringify(OTHER_KEY)}).then(() => console.log('stored'));`,
    );
    expect(await store.get()).toEqual({ ok: true, key: OTHER_KEY, source: 'OS keychain' });
  });

  it('lets CAMB_API_KEY take precedence while set and clear still act on the keychain', async () => {
    const keys = preferEnvironmentKey(store, { CAMB_API_KEY: 'env-key-0123456789' });
    const notice = 'CAMB_API_KEY is set in the environment and keeps taking precedence over the OS keychain.';
    expect(await keys.set(KEY)).toEqual({ ok: true, where: 'OS keychain', notice });
    expect(await keys.get()).toEqual({ ok: true, key: 'env-key-0123456789', source: 'environment' });
    expect(await store.get()).toMatchObject({ key: KEY });
    expect(await keys.describe()).toEqual({
      where: 'environment',
      store: { where: 'OS keychain', works: true, hasKey: true },
    });
    expect(await keys.clear()).toEqual({ ok: true, where: 'OS keychain', removed: true, notice });
    expect(await store.get()).toMatchObject({ key: null });
  });

  describe('without a usable Secret Service, in a child process', () => {
    let home: string;
    beforeAll(async () => {
      home = await mkdtemp(join(tmpdir(), 'camb-watch-keychain-'));
    });
    afterAll(async () => {
      await rm(home, { recursive: true, force: true });
    });

    function expectUnavailableEverywhere(outcomes: Record<string, unknown>, reason: string) {
      const unavailable = {
        ok: false,
        problem: 'keychain-unavailable',
        message: `keychain unavailable: ${reason}`,
      };
      expect(outcomes).toEqual({
        get: unavailable,
        set: unavailable,
        clear: unavailable,
        describe: {
          where: null,
          store: { where: 'OS keychain', works: false, message: unavailable.message },
        },
      });
    }

    it('reports "no D-Bus session" when there is no bus at all', async () => {
      const { outcomes, stdout, stderr } = await adapterInChild([], isolatedEnv(home));
      expectUnavailableEverywhere(outcomes, 'no D-Bus session (run it inside a desktop session)');
      expect(stdout + stderr).not.toContain(KEY);
    });

    it('reports "no Secret Service" on a bus where nothing provides one', async () => {
      // A session bus with no service directories, so gnome-keyring cannot be activated on it.
      const config = join(home, 'bare-session-bus.conf');
      await writeFile(config, bareSessionBusConfig(`unix:tmpdir=${tmpdir()}`));
      const { outcomes, stdout, stderr } = await adapterInChild(
        ['dbus-run-session', `--config-file=${config}`, '--'],
        isolatedEnv(home),
      );
      expectUnavailableEverywhere(
        outcomes,
        'no Secret Service is running (install gnome-keyring or KeePassXC)',
      );
      expect(stdout + stderr).not.toContain(KEY);
    });

    it('reports "the keyring is locked" when storing into a keyring nobody unlocked', async () => {
      // gnome-keyring is started on demand by the bus, but without --unlock and with no desktop to prompt in.
      // (Its HOME must exist: gnome-keyring started in a missing one never answers the bus.)
      const lockedHome = join(home, 'locked');
      await mkdir(lockedHome);
      const { outcomes, stdout, stderr } = await adapterInChild(
        ['dbus-run-session', '--'],
        isolatedEnv(lockedHome),
      );
      const locked =
        'keychain unavailable: the keyring is locked (unlock it, e.g. by logging in to the desktop)';
      // Reading a locked keyring finds nothing rather than failing (libsecret does not unlock without a prompt).
      expect(outcomes.get).toEqual({ ok: true, key: null, source: null });
      expect(outcomes.set).toEqual({ ok: false, problem: 'keychain-unavailable', message: locked });
      expect(stdout + stderr).not.toContain(KEY);
    });
  });
});
