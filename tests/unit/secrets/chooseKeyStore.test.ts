import { describe, expect, it } from 'vitest';
import { chooseKeyStore, encryptionProtection } from '../../../src/main/core/secrets/chooseKeyStore';

const WORKS_WITH_KEY = { where: 'OS keychain', works: true, hasKey: true } as const;
const WORKS_EMPTY = { where: 'OS keychain', works: true, hasKey: false } as const;
const BROKEN = {
  where: 'OS keychain',
  works: false,
  message: 'keychain unavailable: no D-Bus session',
} as const;

describe('encryptionProtection', () => {
  it('counts Linux basic_text as no protection', () => {
    expect(
      encryptionProtection({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text' }),
    ).toMatchObject({ safe: false, reason: expect.stringContaining('plain text') });
  });

  it('accepts a real keyring backend and other platforms', () => {
    expect(
      encryptionProtection({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'gnome_libsecret' }),
    ).toEqual({ safe: true });
    expect(
      encryptionProtection({ platform: 'darwin', encryptionAvailable: true, linuxBackend: null }),
    ).toEqual({
      safe: true,
    });
  });

  it('refuses when the system has no encryption at all', () => {
    expect(
      encryptionProtection({ platform: 'win32', encryptionAvailable: false, linuxBackend: null }),
    ).toMatchObject({
      safe: false,
    });
  });
});

describe('chooseKeyStore', () => {
  it('prefers a keychain that works and holds the key', () => {
    expect(chooseKeyStore({ keychain: WORKS_WITH_KEY, encryptedHasKey: true })).toEqual({ use: 'keychain' });
  });

  it('keeps using a key saved in encrypted storage during a keychain outage', () => {
    expect(chooseKeyStore({ keychain: WORKS_EMPTY, encryptedHasKey: true })).toEqual({
      use: 'encrypted',
      keychainProblem: null,
    });
  });

  it('uses a working keychain when no key is saved anywhere', () => {
    expect(chooseKeyStore({ keychain: WORKS_EMPTY, encryptedHasKey: false })).toEqual({ use: 'keychain' });
  });

  it('falls back to encrypted storage when the keychain is broken, carrying the reason', () => {
    expect(chooseKeyStore({ keychain: BROKEN, encryptedHasKey: false })).toEqual({
      use: 'encrypted',
      keychainProblem: BROKEN.message,
    });
  });
});
