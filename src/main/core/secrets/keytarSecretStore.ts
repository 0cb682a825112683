import { explainKeychainError } from './keychainProblems';
import { parseApiKey } from './apiKey';
import { KEYCHAIN_WHERE, storeUnavailable } from './secretStore';
import type {
  ClearKeyOutcome,
  GetKeyOutcome,
  KeyDescription,
  SecretStore,
  SetKeyOutcome,
} from './secretStore';

export const KEYCHAIN_SERVICE = 'camb-watch';
export const KEYCHAIN_ACCOUNT = 'api-key';

/** The part of keytar this store uses. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarSecretStoreOptions {
  /** Tests use their own entry so they never touch a real key. Defaults: 'camb-watch' / 'api-key'. */
  readonly service?: string;
  readonly account?: string;
  /** How keytar is loaded; a failure here (module or libsecret missing) is reported, not thrown. */
  readonly loadKeytar?: () => Promise<KeytarApi>;
}

async function importKeytar(): Promise<KeytarApi> {
  // keytar is CommonJS: depending on the loader its functions arrive as named exports or on `default`.
  const loaded = (await import('keytar')) as KeytarApi & { default?: KeytarApi };
  return loaded.default ?? loaded;
}

type Attempt<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The OS keychain through keytar (Secret Service on Linux, Keychain on macOS, Credential Vault on Windows). */
export function createKeytarSecretStore(options: KeytarSecretStoreOptions = {}): SecretStore {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const account = options.account ?? KEYCHAIN_ACCOUNT;
  const load = options.loadKeytar ?? importKeytar;
  // Loaded on first use, so that a broken native module costs nothing until the keychain is needed.
  let keytar: Promise<KeytarApi> | undefined;

  async function attempt<T>(
    run: (api: KeytarApi) => Promise<T>,
    secrets: readonly string[] = [],
  ): Promise<Attempt<T>> {
    try {
      keytar ??= load();
      return { ok: true, value: await run(await keytar) };
    } catch (error) {
      return { ok: false, reason: explainKeychainError(error, secrets) };
    }
  }

  async function get(): Promise<GetKeyOutcome> {
    const read = await attempt((api) => api.getPassword(service, account));
    if (!read.ok) return storeUnavailable(read.reason);
    // An empty entry (written by another tool) means no key, not an empty one.
    if (read.value === null || read.value === '') return { ok: true, key: null, source: null };
    // Other tools (secret-tool, a keyring manager) write this entry too. A key with a line break or an
    // invisible character cannot go into a header: every request would fail as if the network were down.
    const parsed = parseApiKey(read.value);
    if (!parsed.ok) {
      return { ...parsed, message: `The API key in the ${KEYCHAIN_WHERE} is not usable. ${parsed.message}` };
    }
    return { ok: true, key: parsed.key, source: KEYCHAIN_WHERE };
  }

  async function set(raw: string): Promise<SetKeyOutcome> {
    const parsed = parseApiKey(raw);
    if (!parsed.ok) return parsed;
    const written = await attempt((api) => api.setPassword(service, account, parsed.key), [parsed.key, raw]);
    return written.ok ? { ok: true, where: KEYCHAIN_WHERE } : storeUnavailable(written.reason);
  }

  async function clear(): Promise<ClearKeyOutcome> {
    const deleted = await attempt((api) => api.deletePassword(service, account));
    return deleted.ok
      ? { ok: true, where: KEYCHAIN_WHERE, removed: deleted.value }
      : storeUnavailable(deleted.reason);
  }

  async function describe(): Promise<KeyDescription> {
    const read = await get();
    // A stored key that is not usable is still there: using it says what is wrong with it.
    if (!read.ok && read.problem === 'invalid-key')
      return { where: KEYCHAIN_WHERE, store: { where: KEYCHAIN_WHERE, works: true, hasKey: true } };
    if (!read.ok)
      return { where: null, store: { where: KEYCHAIN_WHERE, works: false, message: read.message } };
    return { where: read.source, store: { where: KEYCHAIN_WHERE, works: true, hasKey: read.key !== null } };
  }

  return { where: KEYCHAIN_WHERE, get, set, clear, describe };
}
