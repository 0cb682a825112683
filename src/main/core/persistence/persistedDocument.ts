import { z } from 'zod';
import { DEFAULT_SETTINGS, settingsSchema } from '../../../shared/settings';
import { watchedTaskSchema } from '../../../shared/watchedTask';
import { finishedRunsSchema } from '../../../shared/durations/finishedRun';

/**
 * The highest line number: far below 2^53 (where numbers stop being exact, and past which the document
 * refuses to record one), far above any real count (a thousand actions a second for 30 years). A line
 * numbered above it was not written by CAMB Watch and is refused like any unreadable line; the journal
 * starts its numbering again long before reaching it (actionJournal.ts).
 */
export const MAX_JOURNAL_SEQ = 2 ** 40;

/**
 * Everything CAMB Watch keeps between runs, as one document: the watched tasks (in the order they were
 * added) and the settings. This schema is the single source: the conf/electron-store JSON schema is
 * derived from it (storeOptions.ts) and every load is checked against it.
 */
export const persistedDocumentSchema = z.object({
  tasks: z.array(watchedTaskSchema),
  settings: settingsSchema,
  /**
   * How long watched jobs took (see shared/durations): the estimates learn from it. Files written before
   * it existed lack it, and read as having no history.
   */
  finishedRuns: finishedRunsSchema.optional(),
  /**
   * The last line of the action journal (actionJournal.ts) this document includes: lines up to it are
   * not replayed. Files written before the journal existed lack it, which reads as 0.
   */
  journalSeq: z.number().int().nonnegative().max(MAX_JOURNAL_SEQ).optional(),
});

/**
 * The size limits of the saved watch list, all derived here so that what is written can always be read back.
 *
 * Thousands of tasks take a few MB. A file far beyond that was not written by CAMB Watch as it is (or holds
 * something huge that would make every later load, save and snapshot crawl), so it is not read at all
 * (openWithRecovery, replayJournal).
 */
export const MAX_STORE_BYTES = 50 * 1024 * 1024;

/** What conf adds to the document when it writes it (its `__internal__` bookkeeping: a version string). */
const STORE_BOOKKEEPING_BYTES = 64 * 1024;

/**
 * The largest document written (durableStore refuses a larger one): below the load limit by construction,
 * so a list that was saved always loads again.
 */
export const MAX_WRITTEN_DOCUMENT_BYTES = MAX_STORE_BYTES - STORE_BOOKKEEPING_BYTES;

/**
 * The most tasks the list keeps. A task that has gathered its whole history (HISTORY_LIMIT changes) and a
 * message takes about 4 KB as written, so this many stay well within MAX_WRITTEN_DOCUMENT_BYTES; an add or
 * import past it is refused before anything is written.
 */
export const MAX_WATCHED_TASKS = 10_000;

/**
 * The bytes a document takes as conf (and electron-store, its subclass) writes it: `#serialize = value =>
 * JSON.stringify(value, undefined, '\t')` in conf's source/index.js.
 */
export function documentBytes(document: PersistedDocument): number {
  return Buffer.byteLength(JSON.stringify(document, undefined, '\t'), 'utf8');
}

/** "51.3 MB": a size as a person reads it. */
export function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** A document refused before it was written, because it could not be loaded again. */
export class DocumentTooLargeError extends Error {
  override readonly name = 'DocumentTooLargeError';
  constructor(readonly bytes: number) {
    super(
      `The watch list would take ${megabytes(bytes)}, more than the ${megabytes(MAX_STORE_BYTES)} CAMB Watch can load again.`,
    );
  }
}

export type PersistedDocument = z.infer<typeof persistedDocumentSchema>;

export function emptyDocument(): PersistedDocument {
  return { tasks: [], settings: { ...DEFAULT_SETTINGS } };
}
