import { safeStorage } from 'electron';
import { encryptionProtection } from '../core/secrets';
import { chooseKeyStore } from '../core/secrets';
import { createEncryptedSecretStore, type ValueCipher, type ValueSlot } from '../core/secrets';
import { preferEnvironmentKey } from '../core/secrets';
import { createKeytarSecretStore } from '../core/secrets';
import { rememberingSecretStore } from '../core/secrets';
import type { SecretStore } from '../core/secrets';
import type { Logger } from '../core/logging';

/** safeStorage as the core's cipher port: the OS-protected app key (Keychain, DPAPI, libsecret/kwallet). */
const safeStorageCipher: ValueCipher = {
  async protection() {
    return encryptionProtection({
      platform: process.platform,
      encryptionAvailable: await safeStorage.isAsyncEncryptionAvailable(),
      linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
    });
  },
  encrypt: async (plainText) => (await safeStorage.encryptStringAsync(plainText)).toString('base64'),
  decrypt: async (stored) => (await safeStorage.decryptStringAsync(Buffer.from(stored, 'base64'))).result,
};

export interface ShellSecretsOptions {
  readonly slot: ValueSlot;
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
  /** Told every key the app holds, so the log masks it. */
  readonly rememberSecret: (key: string) => void;
}

/**
 * The key store for this run, chosen by the core (chooseKeyStore) from how the keychain and safeStorage
 * are doing now; CAMB_API_KEY in the environment takes precedence over either. Call after `ready`.
 */
export async function openShellSecrets(options: ShellSecretsOptions): Promise<SecretStore> {
  const keychain = createKeytarSecretStore();
  const health = (await keychain.describe()).store;
  const choice = chooseKeyStore({ keychain: health, encryptedHasKey: options.slot.read() !== null });
  let store: SecretStore = keychain;
  if (choice.use === 'encrypted') {
    options.logger.info('The API key is kept in encrypted app storage', {
      keychainProblem: choice.keychainProblem,
    });
    store = createEncryptedSecretStore({
      cipher: safeStorageCipher,
      slot: options.slot,
      keychainProblem: choice.keychainProblem,
    });
  }
  return rememberingSecretStore(preferEnvironmentKey(store, options.env), options.rememberSecret);
}
