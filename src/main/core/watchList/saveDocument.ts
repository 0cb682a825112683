import { describeWriteFailure } from '../persistence/diskFailure';
import type { DocumentStore } from '../persistence/keyValueStore';
import { DocumentTooLargeError, MAX_STORE_BYTES, megabytes } from '../persistence/persistedDocument';
import { watchedTaskSchema, type WatchedTask } from '../../../shared/watchedTask';
import type { Settings } from '../../../shared/settings';
import type { FinishedRun } from '../../../shared/durations/finishedRun';

export interface SaveOutcome {
  /** Whether what could be saved was; false keeps the change pending for a later try. */
  readonly ok: boolean;
  /** A sentence for the user, or null when everything was saved. */
  readonly problem: string | null;
  /** Which problem it is, without details that change on every try (temporary file names): to say it once. */
  readonly problemKind: string | null;
  /** What the store threw, for the log only: it names temporary files and system codes. */
  readonly detail?: string;
  /** Why the write failed and what to do (describeWriteFailure), in words ("the disk is full. Free some space…"), when it did. */
  readonly cause?: string;
}

/**
 * Writes the whole document. The store checks it against the schema and refuses all of it for one entry
 * that does not fit, so on a refusal the entries that fit are saved without the others: one bad entry
 * cannot stop every later change from being saved. Checked only after a refusal, so a good save costs nothing more.
 */
export function saveDocument(
  store: DocumentStore,
  tasks: WatchedTask[],
  settings: Settings,
  finishedRuns: readonly FinishedRun[] = [],
): SaveOutcome {
  const journal = store.journal;
  // Everything journaled so far is in the list being written: once it is on disk, the journal can go.
  const journalSeq = journal?.lastSeq;
  const write = (kept: WatchedTask[]): void => {
    store.store = {
      tasks: kept,
      settings,
      finishedRuns: [...finishedRuns],
      ...(journalSeq === undefined ? {} : { journalSeq }),
    };
    if (journalSeq !== undefined) journal?.compact(journalSeq);
  };
  let firstError: unknown;
  try {
    write(tasks);
    return { ok: true, problem: null, problemKind: null };
  } catch (error) {
    if (error instanceof DocumentTooLargeError) return tooLarge(error);
    firstError = error;
  }
  const fitting = tasks.filter((task) => watchedTaskSchema.safeParse(task).success);
  const leftOut = tasks.length - fitting.length;
  if (leftOut > 0) {
    try {
      write(fitting);
      const [which, them, they] =
        leftOut === 1 ? ['1 task holds', 'it', 'it stays'] : [`${leftOut} tasks hold`, 'them', 'they stay'];
      return {
        ok: true,
        problemKind: `left out ${leftOut}`,
        problem: `${which} data that does not fit the saved watch list: the list was saved without ${them}, and ${they} listed until CAMB Watch quits.`,
      };
    } catch (error) {
      firstError = error;
    }
  }
  return {
    ok: false,
    problemKind: 'not saved',
    problem: `The watch list could not be saved to ${store.path}: check that the disk has room and the folder can be written. Your changes are kept while CAMB Watch runs, and saving is tried again.`,
    detail: describe(firstError),
    cause: describeWriteFailure(firstError),
  };
}

/** Grown past what can be loaded again: the file keeps its last good state, and the user can make room. */
function tooLarge(error: DocumentTooLargeError): SaveOutcome {
  return {
    ok: false,
    problemKind: 'too large',
    problem: `The watch list has grown to ${megabytes(error.bytes)}, more than the ${megabytes(MAX_STORE_BYTES)} CAMB Watch can load again, so the latest changes were not saved: remove finished tasks (Clear finished) to make room. Your changes are kept while CAMB Watch runs.`,
  };
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}
