import { newWatchedTask, watchedTaskSchema, type WatchedTask } from '../../../src/shared/watchedTask';

export const T0 = 1_700_000_000_000;
export const UUID = '3f2a9c1e-7b4d-4e0a-9c55-0d2b8e6f1a77';

/** A watched task as the watch list would hold it; parsed so a fixture can never drift from the schema. */
export function watchedTask(overrides: Partial<WatchedTask> = {}): WatchedTask {
  return watchedTaskSchema.parse({ ...newWatchedTask('story', UUID, null, T0), ...overrides });
}
