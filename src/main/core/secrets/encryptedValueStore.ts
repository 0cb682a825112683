import { parseApiKey } from './apiKey';
import type {
  ClearKeyOutcome,
  GetKeyOutcome,
  KeyDescription,
  SecretStore,
  SetKeyOutcome,
  StoreUnavailable,
} from './secretStore';

export const ENCRYPTED_STORAGE_WHERE = 'encrypted app storage';

/** Whether values can be encrypted with a key the OS protects (Electron's safeStorage in the shell). */
export type EncryptionProtection =
  { readonly safe: true } | { readonly safe: false; readonly reason: string };

/** Encrypts to and from text that can be saved in a JSON file (the shell uses base64 of safeStorage's bytes). */
export interface ValueCipher {
  /** Whether encryption is possible right now; asked before every write. */
  protection(): Promise<EncryptionProtection>;
  encrypt(plainText: string): Promise<string>;
  decrypt(stored: string): Promise<string>;
}

/** Where the encrypted value is kept: one entry of a small store of the shell's own. */
export interface ValueSlot {
  read(): string | null;
  write(value: string | null): void;
}

export interface EncryptedSecretStoreOptions {
  readonly cipher: ValueCipher;
  readonly slot: ValueSlot;
  /** Why the keychain is not used, added to messages so the user learns both halves of the story. */
  readonly keychainProblem?: string | null;
}

function unavailable(reason: string): StoreUnavailable {
  return {
    ok: false,
    problem: 'keychain-unavailable',
    message: `${ENCRYPTED_STORAGE_WHERE} unavailable: ${reason}`,
  };
}

/**
 * The API key encrypted with the OS-protected key of the app (safeStorage), for systems without a working
 * keychain. It refuses to write when the encryption would not protect anything (Linux's `basic_text`),
 * because a key in a file anyone can read is worse than no saved key: the environment is the way out.
 */
export function createEncryptedSecretStore(options: EncryptedSecretStoreOptions): SecretStore {
  const { cipher, slot } = options;
  // The keychain's own message starts "keychain unavailable: "; only its reason is worth repeating here.
  const keychainReason = options.keychainProblem?.replace(/^keychain unavailable:\s*/u, '') ?? null;
  const withKeychainProblem = (reason: string) =>
    keychainReason === null ? reason : `${reason} (the OS keychain cannot be used either: ${keychainReason})`;

  async function unsafeReason(): Promise<string | null> {
    try {
      const protection = await cipher.protection();
      return protection.safe ? null : protection.reason;
    } catch {
      return 'the system could not say whether encryption is available';
    }
  }

  async function get(): Promise<GetKeyOutcome> {
    const stored = slot.read();
    if (stored === null || stored === '') return { ok: true, key: null, source: null };
    let plain: string;
    try {
      plain = await cipher.decrypt(stored);
    } catch {
      return unavailable(
        'the saved key could not be decrypted (it was saved by another user or computer): set it again',
      );
    }
    const parsed = parseApiKey(plain);
    if (!parsed.ok) {
      return {
        ...parsed,
        message: `The API key in ${ENCRYPTED_STORAGE_WHERE} is not usable. ${parsed.message}`,
      };
    }
    return { ok: true, key: parsed.key, source: ENCRYPTED_STORAGE_WHERE };
  }

  async function set(raw: string): Promise<SetKeyOutcome> {
    const parsed = parseApiKey(raw);
    if (!parsed.ok) return parsed;
    const unsafe = await unsafeReason();
    if (unsafe !== null) {
      return unavailable(
        withKeychainProblem(
          `the key cannot be kept safely on this computer: ${unsafe}. It is not saved in plain text; set CAMB_API_KEY in the environment instead`,
        ),
      );
    }
    try {
      slot.write(await cipher.encrypt(parsed.key));
    } catch {
      return unavailable(withKeychainProblem('encrypting the key failed'));
    }
    return { ok: true, where: ENCRYPTED_STORAGE_WHERE };
  }

  async function clear(): Promise<ClearKeyOutcome> {
    const had = slot.read();
    slot.write(null);
    return { ok: true, where: ENCRYPTED_STORAGE_WHERE, removed: had !== null && had !== '' };
  }

  async function describe(): Promise<KeyDescription> {
    const read = await get();
    const hasStoredValue = slot.read() !== null;
    const unsafe = await unsafeReason();
    if (unsafe !== null && !hasStoredValue) {
      return {
        where: null,
        store: {
          where: ENCRYPTED_STORAGE_WHERE,
          works: false,
          message: withKeychainProblem(`the key cannot be kept safely on this computer: ${unsafe}`),
        },
      };
    }
    if (!read.ok && read.problem === 'keychain-unavailable') {
      return { where: null, store: { where: ENCRYPTED_STORAGE_WHERE, works: false, message: read.message } };
    }
    // A stored key that is not usable is still there: using it says what is wrong with it.
    const where = read.ok ? read.source : ENCRYPTED_STORAGE_WHERE;
    return { where, store: { where: ENCRYPTED_STORAGE_WHERE, works: true, hasKey: where !== null } };
  }

  return { where: ENCRYPTED_STORAGE_WHERE, get, set, clear, describe };
}
