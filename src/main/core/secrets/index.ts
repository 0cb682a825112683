export { parseApiKey } from './apiKey';
export { chooseKeyStore, encryptionProtection } from './chooseKeyStore';
export { createEncryptedSecretStore, type ValueCipher, type ValueSlot } from './encryptedValueStore';
export { preferEnvironmentKey, type Environment } from './environmentKey';
export { createKeytarSecretStore } from './keytarSecretStore';
export { memorySecretStore } from './memorySecretStore';
export { rememberingSecretStore } from './rememberingSecretStore';
export {
  type ClearKeyOutcome,
  type KeyDescription,
  type SecretStore,
  type SetKeyOutcome,
} from './secretStore';
