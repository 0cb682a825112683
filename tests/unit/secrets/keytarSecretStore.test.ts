import { describe, expect, it } from 'vitest';
import {
  KEYCHAIN_ACCOUNT,
  KEYCHAIN_SERVICE,
  createKeytarSecretStore,
} from '../../../src/main/core/secrets/keytarSecretStore';

// The real keychain round trips are in tests/integration/keychain.test.ts; these cover what cannot be
// produced there cheaply: keytar itself failing to load.
describe('createKeytarSecretStore', () => {
  it('keeps the key where the issue says: service camb-watch, account api-key', () => {
    expect([KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT]).toEqual(['camb-watch', 'api-key']);
  });

  it('turns a keytar that cannot be loaded into "keychain unavailable", for every operation', async () => {
    let loads = 0;
    const store = createKeytarSecretStore({
      loadKeytar: () => {
        loads++;
        return Promise.reject(new Error("Cannot find package 'keytar' imported from /app/out/cli/main.js"));
      },
    });
    const unavailable = {
      ok: false,
      problem: 'keychain-unavailable',
      message: 'keychain unavailable: the keytar module is not installed',
    };
    expect(await store.get()).toEqual(unavailable);
    expect(await store.set('key-0123456789')).toEqual(unavailable);
    expect(await store.clear()).toEqual(unavailable);
    expect(await store.describe()).toEqual({
      where: null,
      store: { where: 'OS keychain', works: false, message: unavailable.message },
    });
    expect(loads).toBe(1);
  });

  it('validates a key before loading keytar at all', async () => {
    let loads = 0;
    const store = createKeytarSecretStore({
      loadKeytar: () => {
        loads++;
        return Promise.reject(new Error('unreachable'));
      },
    });
    expect(await store.set('')).toMatchObject({ ok: false, problem: 'invalid-key' });
    expect(loads).toBe(0);
  });
});
