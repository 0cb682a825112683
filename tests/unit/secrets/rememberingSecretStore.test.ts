import { describe, expect, it } from 'vitest';
import { createEncryptedSecretStore } from '../../../src/main/core/secrets/encryptedValueStore';
import { rememberingSecretStore } from '../../../src/main/core/secrets/rememberingSecretStore';

const KEY = 'cw_remember_me_0123456789';

function plainCipherStore() {
  let value: string | null = null;
  return createEncryptedSecretStore({
    cipher: {
      protection: async () => ({ safe: true }),
      encrypt: async (plain) => `enc:${plain}`,
      decrypt: async (stored) => stored.slice(4),
    },
    slot: { read: () => value, write: (next) => void (value = next) },
  });
}

describe('rememberingSecretStore', () => {
  it('hands every key it sees to the redactor, whether saved or read', async () => {
    const inner = plainCipherStore();
    const seen: string[] = [];
    const store = rememberingSecretStore(inner, (key) => seen.push(key));
    expect(store.where).toBe(inner.where);
    await store.set(` ${KEY}\n`);
    expect(seen).toContain(KEY);
    const fresh: string[] = [];
    await rememberingSecretStore(inner, (key) => fresh.push(key)).get();
    expect(fresh).toEqual([KEY]);
  });

  it('remembers nothing when there is no key', async () => {
    const seen: string[] = [];
    await rememberingSecretStore(plainCipherStore(), (key) => seen.push(key)).get();
    expect(seen).toEqual([]);
  });
});
