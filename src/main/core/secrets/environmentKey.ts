import { parseApiKey } from './apiKey';
import { ENVIRONMENT_WHERE } from './secretStore';
import type { SecretStore } from './secretStore';

export const API_KEY_ENV_VAR = 'CAMB_API_KEY';

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * `store`, except that a non-empty CAMB_API_KEY in `env` is the key in use. `set` and `clear` still act on
 * `store` and say that the environment keeps taking precedence.
 */
export function preferEnvironmentKey(store: SecretStore, env: Environment): SecretStore {
  const fromEnvironment = () => {
    const value = env[API_KEY_ENV_VAR];
    return value === undefined || value.trim() === '' ? undefined : value;
  };
  const notice = () =>
    fromEnvironment() === undefined
      ? {}
      : {
          notice: `${API_KEY_ENV_VAR} is set in the environment and keeps taking precedence over the ${store.where}.`,
        };

  return {
    where: store.where,
    async get() {
      const value = fromEnvironment();
      if (value === undefined) return store.get();
      const parsed = parseApiKey(value);
      if (!parsed.ok) {
        return {
          ...parsed,
          message: `${API_KEY_ENV_VAR} in the environment is not usable. ${parsed.message}`,
        };
      }
      return { ok: true, key: parsed.key, source: ENVIRONMENT_WHERE };
    },
    async set(key) {
      const outcome = await store.set(key);
      return outcome.ok ? { ...outcome, ...notice() } : outcome;
    },
    async clear() {
      const outcome = await store.clear();
      return outcome.ok ? { ...outcome, ...notice() } : outcome;
    },
    async describe() {
      const description = await store.describe();
      return fromEnvironment() === undefined ? description : { ...description, where: ENVIRONMENT_WHERE };
    },
  };
}
