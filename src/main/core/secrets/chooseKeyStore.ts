import type { EncryptionProtection } from './encryptedValueStore';
import type { StoreHealth } from './secretStore';

/** What the shell knows about Electron's safeStorage. */
export interface StorageEncryptionFacts {
  readonly platform: NodeJS.Platform;
  readonly encryptionAvailable: boolean;
  /** safeStorage.getSelectedStorageBackend() on Linux; null elsewhere. */
  readonly linuxBackend: string | null;
}

/**
 * Whether safeStorage protects anything. Its `basic_text` backend on Linux "encrypts" with a key written in
 * Chromium's source, which is plain text with extra steps.
 */
export function encryptionProtection(facts: StorageEncryptionFacts): EncryptionProtection {
  if (!facts.encryptionAvailable)
    return { safe: false, reason: 'the system offers the app no encryption key' };
  if (facts.platform === 'linux' && facts.linuxBackend === 'basic_text') {
    return {
      safe: false,
      reason: 'no keyring was found (Chromium would use its "basic_text" store, which is plain text)',
    };
  }
  return { safe: true };
}

export type KeyStoreChoice =
  | { readonly use: 'keychain' }
  /** `keychainProblem`: why the keychain was passed over, or null when it works but the key is elsewhere. */
  | { readonly use: 'encrypted'; readonly keychainProblem: string | null };

export interface KeyStoreFacts {
  readonly keychain: StoreHealth;
  /** The encrypted app storage holds a value (saved while the keychain was unavailable). */
  readonly encryptedHasKey: boolean;
}

/**
 * Where the key is read and saved for this run. The keychain is preferred; the encrypted app storage is
 * used when the keychain does not work, and keeps being used while it holds the only saved key, so a key
 * saved during a keychain outage is not lost when the keychain comes back. When neither can keep a key
 * safely, the encrypted storage is still chosen: it explains why nothing can be saved (see
 * createEncryptedSecretStore), where the keychain would only report its own failure.
 */
export function chooseKeyStore(facts: KeyStoreFacts): KeyStoreChoice {
  const { keychain } = facts;
  if (keychain.works && keychain.hasKey) return { use: 'keychain' };
  if (facts.encryptedHasKey)
    return { use: 'encrypted', keychainProblem: keychain.works ? null : keychain.message };
  if (keychain.works) return { use: 'keychain' };
  return { use: 'encrypted', keychainProblem: keychain.message };
}
