/**
 * keytar for the wiring suite: an in-memory keychain, never the developer's own. `hold()` makes reads
 * wait, as a macOS keychain permission prompt does, until `release()`.
 */
import type { KeytarApi } from '../../../src/main/core/secrets/keytarSecretStore';

const entries = new Map<string, string>();
let gate: Promise<void> | null = null;
let open: (() => void) | null = null;

export const keychain = {
  /** Reads answered so far (a held one counts once released). */
  answered: 0,
  set(service: string, account: string, password: string | null): void {
    if (password === null) entries.delete(`${service}/${account}`);
    else entries.set(`${service}/${account}`, password);
  },
  hold(): void {
    gate = new Promise((resolve) => {
      open = resolve;
    });
  },
  release(): void {
    open?.();
    gate = null;
  },
  reset(): void {
    entries.clear();
    this.answered = 0;
    this.release();
  },
};

export const keytarStandIn: KeytarApi = {
  async getPassword(service, account) {
    await gate;
    keychain.answered++;
    return entries.get(`${service}/${account}`) ?? null;
  },
  async setPassword(service, account, password) {
    await gate;
    entries.set(`${service}/${account}`, password);
  },
  async deletePassword(service, account) {
    await gate;
    return entries.delete(`${service}/${account}`);
  },
};
