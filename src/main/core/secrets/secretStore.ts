/**
 * The port through which the app keeps its one secret, the CAMB API key. Every operation answers with an
 * outcome instead of throwing, so a missing or locked keychain is something the CLI and the tray can
 * explain, never a crash. Implementations: the OS keychain (keytar), the environment wrapper, and the
 * shell's safeStorage fallback — each names itself with a `where` label the user can read.
 */

/** Where the key in use comes from, as shown to the user. */
export const ENVIRONMENT_WHERE = 'environment';
export const KEYCHAIN_WHERE = 'OS keychain';

/** The store cannot be used right now; `message` reads "keychain unavailable: <reason>" and never holds the key. */
export interface StoreUnavailable {
  readonly ok: false;
  readonly problem: 'keychain-unavailable';
  readonly message: string;
}

/** The key offered (or found in the environment) is not acceptable; `message` says why without quoting it. */
export interface InvalidKey {
  readonly ok: false;
  readonly problem: 'invalid-key';
  readonly message: string;
}

export type GetKeyOutcome =
  | {
      readonly ok: true;
      /** null when no key is set anywhere. */
      readonly key: string | null;
      /** The `where` label of the place the key came from; null when there is no key. */
      readonly source: string | null;
    }
  | StoreUnavailable
  | InvalidKey;

/** Set for `set` and `clear` when a key elsewhere (the environment) keeps taking precedence. */
interface PrecedenceNotice {
  readonly notice?: string;
}

export type SetKeyOutcome =
  ({ readonly ok: true; readonly where: string } & PrecedenceNotice) | StoreUnavailable | InvalidKey;

export type ClearKeyOutcome =
  | ({ readonly ok: true; readonly where: string; readonly removed: boolean } & PrecedenceNotice)
  | StoreUnavailable;

/** Whether the store that `set` and `clear` act on can be used right now. */
export type StoreHealth =
  | { readonly where: string; readonly works: true; readonly hasKey: boolean }
  | { readonly where: string; readonly works: false; readonly message: string };

export interface KeyDescription {
  /** Where the key in use comes from ('environment', 'OS keychain', …); null when no key is set. */
  readonly where: string | null;
  readonly store: StoreHealth;
}

export interface SecretStore {
  /** The label of the place `set` writes to, e.g. 'OS keychain'. */
  readonly where: string;
  get(): Promise<GetKeyOutcome>;
  /** Validates (see parseApiKey) and stores the trimmed key, replacing any previous one. */
  set(key: string): Promise<SetKeyOutcome>;
  clear(): Promise<ClearKeyOutcome>;
  /** Never fails: an unusable store is reported in `store`. */
  describe(): Promise<KeyDescription>;
}

export function storeUnavailable(reason: string): StoreUnavailable {
  return { ok: false, problem: 'keychain-unavailable', message: `keychain unavailable: ${reason}` };
}
