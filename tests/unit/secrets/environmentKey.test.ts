import { describe, expect, it } from 'vitest';
import { preferEnvironmentKey } from '../../../src/main/core/secrets/environmentKey';
import { memorySecretStore } from '../../../src/main/core/secrets/memorySecretStore';

const ENV_KEY = 'env-key-0123456789';
const STORED_KEY = 'stored-key-0123456789';
const NOTICE = 'CAMB_API_KEY is set in the environment and keeps taking precedence over the OS keychain.';

describe('preferEnvironmentKey', () => {
  it('uses the store when CAMB_API_KEY is unset or blank', async () => {
    for (const env of [{}, { CAMB_API_KEY: '' }, { CAMB_API_KEY: '  ' }]) {
      const { store, state } = memorySecretStore('OS keychain');
      state.key = STORED_KEY;
      const keys = preferEnvironmentKey(store, env);
      expect(await keys.get()).toEqual({ ok: true, key: STORED_KEY, source: 'OS keychain' });
      expect(await keys.describe()).toEqual({
        where: 'OS keychain',
        store: { where: 'OS keychain', works: true, hasKey: true },
      });
      expect(await keys.set(STORED_KEY)).toEqual({ ok: true, where: 'OS keychain' });
    }
  });

  it('prefers a set CAMB_API_KEY (trimmed) over a stored key', async () => {
    const { store, state } = memorySecretStore('OS keychain');
    state.key = STORED_KEY;
    const keys = preferEnvironmentKey(store, { CAMB_API_KEY: ` ${ENV_KEY}\n` });
    expect(await keys.get()).toEqual({ ok: true, key: ENV_KEY, source: 'environment' });
    expect(await keys.describe()).toEqual({
      where: 'environment',
      store: { where: 'OS keychain', works: true, hasKey: true },
    });
    expect(keys.where).toBe('OS keychain');
  });

  it('still sets and clears the stored key, saying the environment keeps precedence', async () => {
    const { store, state } = memorySecretStore('OS keychain');
    const keys = preferEnvironmentKey(store, { CAMB_API_KEY: ENV_KEY });
    expect(await keys.set(STORED_KEY)).toEqual({ ok: true, where: 'OS keychain', notice: NOTICE });
    expect(state.key).toBe(STORED_KEY);
    expect(await keys.clear()).toEqual({ ok: true, where: 'OS keychain', removed: true, notice: NOTICE });
    expect(state.key).toBeNull();
    expect(await keys.get()).toEqual({ ok: true, key: ENV_KEY, source: 'environment' });
  });

  it('reads the environment it was given at each call, not a copy', async () => {
    const env: Record<string, string | undefined> = {};
    const keys = preferEnvironmentKey(memorySecretStore().store, env);
    expect(await keys.get()).toEqual({ ok: true, key: null, source: null });
    env.CAMB_API_KEY = ENV_KEY;
    expect(await keys.get()).toEqual({ ok: true, key: ENV_KEY, source: 'environment' });
  });

  it('works without the keychain when the environment has the key, and reports the keychain problem', async () => {
    const { store, state } = memorySecretStore('OS keychain');
    state.broken = 'no D-Bus session';
    const keys = preferEnvironmentKey(store, { CAMB_API_KEY: ENV_KEY });
    expect(await keys.get()).toEqual({ ok: true, key: ENV_KEY, source: 'environment' });
    expect(await keys.describe()).toEqual({
      where: 'environment',
      store: { where: 'OS keychain', works: false, message: 'keychain unavailable: no D-Bus session' },
    });
    expect(await keys.set(STORED_KEY)).toEqual({
      ok: false,
      problem: 'keychain-unavailable',
      message: 'keychain unavailable: no D-Bus session',
    });
  });

  it('passes store problems through when the environment has no key', async () => {
    const { store, state } = memorySecretStore('OS keychain');
    state.broken = 'the keyring is locked';
    const keys = preferEnvironmentKey(store, {});
    expect(await keys.get()).toEqual({
      ok: false,
      problem: 'keychain-unavailable',
      message: 'keychain unavailable: the keyring is locked',
    });
    expect(await keys.describe()).toMatchObject({ where: null, store: { works: false } });
  });

  it('refuses an unusable CAMB_API_KEY with a message that names the variable but not the value', async () => {
    const keys = preferEnvironmentKey(memorySecretStore().store, { CAMB_API_KEY: 'two words' });
    const outcome = await keys.get();
    expect(outcome).toEqual({
      ok: false,
      problem: 'invalid-key',
      message:
        'CAMB_API_KEY in the environment is not usable. The API key contains a space or line break: paste only the key, on one line.',
    });
  });

  it('rejects an invalid key on set without touching the store', async () => {
    const { store, state } = memorySecretStore();
    state.key = STORED_KEY;
    const outcome = await preferEnvironmentKey(store, { CAMB_API_KEY: ENV_KEY }).set('   ');
    expect(outcome).toMatchObject({ ok: false, problem: 'invalid-key' });
    expect(state.key).toBe(STORED_KEY);
  });
});
