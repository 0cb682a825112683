import type { KeyCheck, ServiceState } from '../../../shared/serviceState';
import type { Clock } from '../clock';
import { parseApiKey } from '../secrets';
import type { ClearKeyOutcome, KeyDescription, SecretStore } from '../secrets';
import { createKeyRecheck } from './keyRecheck';
import type { KeyTestOutcome, SaveKeyOutcome } from './watchServiceTypes';

type KeyState = ServiceState['key'];

export interface ApiKeyLifecycleOptions {
  readonly clock: Clock;
  readonly secrets: SecretStore;
  /** "Test key" for one key: a status request for a task that cannot exist (keyProbe.ts). */
  readonly probe: (key: string) => Promise<KeyTestOutcome>;
  /** Whether polling is held (paused, asleep, no key): the recheck sends nothing then either. */
  readonly held: () => boolean;
  /** What the app says of the key changed (present, where, store problem, what CAMB.AI said of it). */
  readonly publish: (key: KeyState) => void;
  /** The key was saved or cleared: whatever was refused with the old one may be asked again. */
  readonly replaced: () => void;
}

export interface ApiKeyLifecycle {
  /** The key in use, or null; never leaves the core. */
  key(): string | null;
  /** Reads the key and the store's health again (at start). */
  reload(): Promise<void>;
  /** A status answer came with the key: an unchecked key needs no probe of its own then. */
  provedWorking(): void;
  /** CAMB.AI refused the key while polling. */
  refused(): void;
  /** A good moment to recheck an unchecked key at once (polling resumed, the network came back). */
  nudge(): void;
  /** Tries a key with CAMB.AI, then saves it; a rejected key only when the user insists. */
  save(candidate: string, saveEvenIfRejected: boolean): Promise<SaveKeyOutcome>;
  clear(): Promise<ClearKeyOutcome>;
  describe(): Promise<KeyDescription>;
  /** Tests the saved key, or a candidate before it is saved. */
  test(candidate?: string): Promise<KeyTestOutcome>;
  whenIdle(): Promise<void>;
  dispose(): void;
}

const KEY_CHECK_OF: Record<KeyTestOutcome['verdict'], KeyCheck> = {
  works: 'works',
  rejected: 'rejected',
  inconclusive: 'not-checked',
};

/**
 * The API key from loading to clearing: where it is kept, whether CAMB.AI accepts it (tried before it is
 * saved, rechecked later when it could not be tried), and what the app says of it.
 */
export function createApiKeyLifecycle(options: ApiKeyLifecycleOptions): ApiKeyLifecycle {
  const { secrets, probe } = options;
  let apiKey: string | null = null;
  let state: KeyState = { present: false, where: null, problem: null, check: null };

  function publish(next: KeyState): void {
    state = next;
    options.publish(state);
  }

  const recheck = createKeyRecheck({
    clock: options.clock,
    // Held like polling: "Pause polling" and sleep mean nothing is sent, not even this one request.
    probe: async () =>
      apiKey === null || options.held() ? { verdict: 'inconclusive', message: '' } : probe(apiKey),
    onVerdict: (verdict) => setCheck(verdict),
  });

  function setCheck(check: KeyCheck | null): void {
    if (check !== 'not-checked') recheck.stop();
    publish({ ...state, check });
  }

  async function reload(): Promise<void> {
    const found = await secrets.get();
    const description = await secrets.describe();
    const storeProblem = description.store.works ? null : description.store.message;
    if (found.ok) {
      apiKey = found.key;
      const check = found.key === null ? null : state.check;
      publish({ present: found.key !== null, where: found.source, problem: storeProblem, check });
    } else {
      apiKey = null;
      publish({ present: false, where: null, problem: found.message, check: null });
    }
  }

  async function changed(check: KeyCheck | null): Promise<void> {
    setCheck(check);
    await reload();
    options.replaced();
  }

  return {
    key: () => apiKey,
    reload,
    provedWorking() {
      if (state.check === 'not-checked') setCheck('works');
    },
    refused() {
      if (state.check !== null) setCheck('rejected');
    },
    nudge: () => recheck.nudge(),
    async save(candidate, saveEvenIfRejected) {
      const parsed = parseApiKey(candidate);
      if (!parsed.ok) return parsed;
      const test: KeyTestOutcome = saveEvenIfRejected
        ? { verdict: 'rejected', message: 'Saved although CAMB.AI rejected it.' }
        : await probe(parsed.key);
      if (test.verdict === 'rejected' && !saveEvenIfRejected)
        return { ok: false, problem: 'rejected-by-camb', message: test.message };
      const outcome = await secrets.set(parsed.key);
      if (!outcome.ok) return outcome;
      const check = KEY_CHECK_OF[test.verdict];
      await changed(check);
      if (check === 'not-checked') recheck.start();
      return { ...outcome, check };
    },
    async clear() {
      const outcome = await secrets.clear();
      if (outcome.ok) await changed(null);
      return outcome;
    },
    describe: () => secrets.describe(),
    async test(candidate) {
      let key = apiKey;
      if (candidate !== undefined) {
        const parsed = parseApiKey(candidate);
        if (!parsed.ok) return { verdict: 'rejected', message: parsed.message };
        key = parsed.key;
      }
      if (key === null) return { verdict: 'inconclusive', message: 'No API key is set yet.' };
      return probe(key);
    },
    whenIdle: () => recheck.whenIdle(),
    dispose: () => recheck.stop(),
  };
}
