import type { FinishedRun } from '../../../shared/durations';
import type { Settings } from '../../../shared/settings';
import type { TaskKey, WatchedTask } from '../../../shared/watchedTask';
import {
  documentBytes,
  MAX_STORE_BYTES,
  MAX_WATCHED_TASKS,
  MAX_WRITTEN_DOCUMENT_BYTES,
  megabytes,
} from '../persistence';

/** "100,000": counts as a person reads them in a sentence. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** The list as it now is. */
interface ListNow {
  readonly tasks: ReadonlyMap<TaskKey, WatchedTask>;
  readonly settings: Settings;
  readonly runs: readonly FinishedRun[];
}

/**
 * Why these tasks cannot join the list, or null when they fit: past MAX_WATCHED_TASKS, or a document the
 * next start could not load. Asked before anything is written, so a refused import or undo leaves the
 * list and its file as they were.
 */
export function whyNoRoomFor(
  incoming: readonly WatchedTask[],
  { tasks, settings, runs }: ListNow,
): string | null {
  if (incoming.length === 0) return null;
  const room = Math.max(0, MAX_WATCHED_TASKS - tasks.size);
  if (incoming.length > room)
    return `There is room for ${formatCount(room)} more ${room === 1 ? 'task' : 'tasks'}, not ${formatCount(incoming.length)}: the watch list keeps at most ${formatCount(MAX_WATCHED_TASKS)} tasks and holds ${formatCount(tasks.size)}.`;
  const documentOf = (kept: WatchedTask[]) => ({ tasks: kept, settings, finishedRuns: [...runs] });
  // The tasks' own bytes, measured alone, and the list's once: one pass over the whole list, as a save.
  const incomingBytes = documentBytes(documentOf([...incoming])) - documentBytes(documentOf([]));
  const before = documentBytes(documentOf([...tasks.values()]));
  const after = before + incomingBytes;
  if (after <= MAX_WRITTEN_DOCUMENT_BYTES) return null;
  const perTask = (after - before) / incoming.length;
  const fitting = Math.max(0, Math.floor((MAX_WRITTEN_DOCUMENT_BYTES - before) / perTask));
  return `These ${formatCount(incoming.length)} tasks would make the saved watch list ${megabytes(after)}, more than the ${megabytes(MAX_STORE_BYTES)} CAMB Watch can load again; about ${formatCount(fitting)} of them fit.`;
}
