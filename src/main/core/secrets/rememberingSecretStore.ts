import type { SecretStore } from './secretStore';

/**
 * `store`, telling `remember` every key that passes through it (read or written), so the log redactor
 * can mask a key from the moment the app has seen it.
 */
export function rememberingSecretStore(store: SecretStore, remember: (key: string) => void): SecretStore {
  return {
    get where() {
      return store.where;
    },
    async get() {
      const outcome = await store.get();
      if (outcome.ok && outcome.key !== null) remember(outcome.key);
      return outcome;
    },
    async set(key) {
      // Before the store sees it: a failing write may still quote what it was given.
      remember(key);
      remember(key.trim());
      return store.set(key);
    },
    clear: () => store.clear(),
    describe: () => store.describe(),
  };
}
