import { preferEnvironmentKey, type Environment } from '../../main/core/secrets';
import { memorySecretStore } from '../../main/core/secrets';
import type { SecretStore } from '../../main/core/secrets';

/** Shown in Settings as where the key is kept: a development session forgets it on exit. */
export const DEVELOPMENT_KEY_WHERE = 'memory (this development session)';

/** The web host's key store: memory for this run, unless CAMB_API_KEY is set in `environment`. */
export function developmentSecretStore(environment: Environment): SecretStore {
  return preferEnvironmentKey(memorySecretStore(DEVELOPMENT_KEY_WHERE).store, environment);
}
