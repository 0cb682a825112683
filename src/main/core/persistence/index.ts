export { describeWriteFailure } from './diskFailure';
export { durableStore } from './durableStore';
export { type DocumentStore } from './keyValueStore';
export { openDocumentStore } from './openDocumentStore';
export { openWithRecovery, type StoreRecovery } from './openWithRecovery';
export {
  documentBytes,
  DocumentTooLargeError,
  emptyDocument,
  MAX_STORE_BYTES,
  MAX_WATCHED_TASKS,
  MAX_WRITTEN_DOCUMENT_BYTES,
  megabytes,
  type PersistedDocument,
} from './persistedDocument';
export { readSavedDocument } from './readSavedDocument';
export { salvageDocument } from './salvage';
export { openWithFolderLock } from './stateFolderLock';
export { DOCUMENT_STORE_NAME, documentStoreFile, documentStoreOptions } from './storeOptions';
