import { z } from 'zod';
import { DEFAULT_SETTINGS, settingsSchema } from '../../../shared/settings';
import { watchedTaskSchema } from '../../../shared/watchedTask';
import { finishedRunsSchema } from '../../../shared/durations/finishedRun';
import { MAX_JOURNAL_SEQ } from './journalLine';

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
 * Thousands of tasks take a few MB. A file far beyond that was not written by CAMB Watch as it is (or holds
 * something huge that would make every later load, save and snapshot crawl), so it is not read at all.
 */
export const MAX_STORE_BYTES = 50 * 1024 * 1024;

export type PersistedDocument = z.infer<typeof persistedDocumentSchema>;

export function emptyDocument(): PersistedDocument {
  return { tasks: [], settings: { ...DEFAULT_SETTINGS } };
}
