import { describe, expect, it } from 'vitest';
import {
  createEncryptedSecretStore,
  ENCRYPTED_STORAGE_WHERE,
  type EncryptionProtection,
  type ValueCipher,
} from '../../../src/main/core/secrets/encryptedValueStore';

const KEY = 'cw_test_key_0123456789abcdef';

/** A reversible stand-in for safeStorage whose output never contains the plain text. */
function fakeCipher(
  protection: EncryptionProtection = { safe: true },
): ValueCipher & { failDecrypt: boolean } {
  return {
    failDecrypt: false,
    protection: async () => protection,
    encrypt: async (plain) => Buffer.from([...plain].reverse().join('')).toString('base64'),
    async decrypt(stored) {
      if (this.failDecrypt) throw new Error(`cannot decrypt ${stored}`);
      return [...Buffer.from(stored, 'base64').toString()].reverse().join('');
    },
  };
}

function memorySlot(initial: string | null = null) {
  let value = initial;
  return { read: () => value, write: (next: string | null) => void (value = next), peek: () => value };
}

describe('createEncryptedSecretStore', () => {
  it('saves the key encrypted and reads it back', async () => {
    const slot = memorySlot();
    const store = createEncryptedSecretStore({ cipher: fakeCipher(), slot });
    expect(await store.set(`  ${KEY} `)).toEqual({ ok: true, where: ENCRYPTED_STORAGE_WHERE });
    expect(slot.peek()).not.toBeNull();
    expect(slot.peek()).not.toContain(KEY);
    expect(await store.get()).toEqual({ ok: true, key: KEY, source: ENCRYPTED_STORAGE_WHERE });
    expect(await store.describe()).toEqual({
      where: ENCRYPTED_STORAGE_WHERE,
      store: { where: ENCRYPTED_STORAGE_WHERE, works: true, hasKey: true },
    });
  });

  it('has no key until one is saved, and clear says whether one was removed', async () => {
    const store = createEncryptedSecretStore({ cipher: fakeCipher(), slot: memorySlot() });
    expect(await store.get()).toEqual({ ok: true, key: null, source: null });
    expect(await store.clear()).toEqual({ ok: true, where: ENCRYPTED_STORAGE_WHERE, removed: false });
    await store.set(KEY);
    expect(await store.clear()).toEqual({ ok: true, where: ENCRYPTED_STORAGE_WHERE, removed: true });
    expect(await store.get()).toEqual({ ok: true, key: null, source: null });
  });

  it('refuses to save when the encryption would be plain text, and says what to do instead', async () => {
    const slot = memorySlot();
    const store = createEncryptedSecretStore({
      cipher: fakeCipher({ safe: false, reason: 'no keyring was found' }),
      slot,
      keychainProblem: 'no D-Bus session',
    });
    const outcome = await store.set(KEY);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.message).toContain('cannot be kept safely');
    expect(outcome.message).toContain('no keyring was found');
    expect(outcome.message).toContain('CAMB_API_KEY');
    expect(outcome.message).toContain('no D-Bus session');
    expect(outcome.message).not.toContain(KEY);
    expect(slot.peek()).toBeNull();
    const description = await store.describe();
    expect(description.where).toBeNull();
    expect(description.store.works).toBe(false);
  });

  it('validates the key before encrypting it', async () => {
    const slot = memorySlot();
    const store = createEncryptedSecretStore({ cipher: fakeCipher(), slot });
    expect(await store.set('two words')).toMatchObject({ ok: false, problem: 'invalid-key' });
    expect(slot.peek()).toBeNull();
  });

  it('reports a value that cannot be decrypted without throwing or quoting it', async () => {
    const cipher = fakeCipher();
    const slot = memorySlot();
    const store = createEncryptedSecretStore({ cipher, slot });
    await store.set(KEY);
    cipher.failDecrypt = true;
    const read = await store.get();
    expect(read).toMatchObject({ ok: false, problem: 'keychain-unavailable' });
    if (!read.ok) expect(read.message).not.toContain(slot.peek() ?? '');
    expect((await store.describe()).store.works).toBe(false);
  });
});
