import { parseApiKey } from './apiKey';
import { storeUnavailable } from './secretStore';
import type { SecretStore } from './secretStore';

/**
 * A SecretStore kept in memory: the web host's (a development session forgets its key on exit) and the
 * tests'. `broken` makes it answer like a dead keychain.
 */
export function memorySecretStore(where = 'memory') {
  const state: { key: string | null; broken: string | null } = { key: null, broken: null };
  const store: SecretStore = {
    where,
    async get() {
      if (state.broken !== null) return storeUnavailable(state.broken);
      return { ok: true, key: state.key, source: state.key === null ? null : where };
    },
    async set(raw) {
      const parsed = parseApiKey(raw);
      if (!parsed.ok) return parsed;
      if (state.broken !== null) return storeUnavailable(state.broken);
      state.key = parsed.key;
      return { ok: true, where };
    },
    async clear() {
      if (state.broken !== null) return storeUnavailable(state.broken);
      const removed = state.key !== null;
      state.key = null;
      return { ok: true, where, removed };
    },
    async describe() {
      if (state.broken !== null) {
        return {
          where: null,
          store: { where, works: false, message: storeUnavailable(state.broken).message },
        };
      }
      return {
        where: state.key === null ? null : where,
        store: { where, works: true, hasKey: state.key !== null },
      };
    },
  };
  return { store, state };
}
