import type { ActionJournal } from './actionJournal';
import type { PersistedDocument } from './persistedDocument';

/**
 * The part of the `conf` API the core relies on, so `conf` (CLI, tests), `electron-store` (the shell, a
 * subclass of conf) and an in-memory store can all be passed unchanged. Reading `store` gives the whole
 * document; assigning it writes the whole document at once (conf: temp file + rename).
 */
export interface KeyValueStore<T extends Record<string, unknown>> {
  store: T;
  /** Where the document lives; in-memory stores say so in words. */
  readonly path: string;
}

/** The watch list's store. One opened from files (openWithRecovery) carries the journal user actions go to. */
export interface DocumentStore extends KeyValueStore<PersistedDocument> {
  readonly journal?: ActionJournal;
}
