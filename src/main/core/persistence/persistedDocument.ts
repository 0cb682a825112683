import { z } from 'zod';
import { DEFAULT_SETTINGS, settingsSchema } from '../../../shared/settings';
import { watchedTaskSchema } from '../../../shared/watchedTask';
import { finishedRunsSchema } from '../../../shared/durations/finishedRun';

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
});

export type PersistedDocument = z.infer<typeof persistedDocumentSchema>;

export function emptyDocument(): PersistedDocument {
  return { tasks: [], settings: { ...DEFAULT_SETTINGS } };
}
