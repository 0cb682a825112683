import { clipLine } from '../../../shared/format/clipText';
import { describeWriteFailure } from '../persistence';
import type { DocumentStore } from '../persistence';
import { DocumentTooLargeError, MAX_STORE_BYTES, megabytes } from '../persistence';
import { watchedTaskSchema, type WatchedTask } from '../../../shared/watchedTask';
import type { Settings } from '../../../shared/settings';
import type { FinishedRun } from '../../../shared/durations/finishedRun';
import type { SaveProblem } from '../../../shared/serviceState';
import { errorCode } from '../diskFaults';
import { describeLeftOut, describeSaveFailure } from './saveProblemText';

export interface SaveOutcome {
  /** Whether what could be saved was; false keeps the change pending for a later try. */
  readonly ok: boolean;
  /** What the user is told while it lasts (what fails, what to do), or null when everything was saved. */
  readonly problem: SaveProblem | null;
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
    return { ok: true, problem: null };
  } catch (error) {
    if (error instanceof DocumentTooLargeError) return tooLarge(error);
    firstError = error;
  }
  const fitting = tasks.filter((task) => watchedTaskSchema.safeParse(task).success);
  const leftOut = tasks.length - fitting.length;
  if (leftOut > 0) {
    try {
      write(fitting);
      return { ok: true, problem: describeLeftOut(leftOut) };
    } catch (error) {
      firstError = error;
    }
  }
  return {
    ok: false,
    problem: describeSaveFailure(errorCode(firstError), store.path),
    detail: describe(firstError),
    cause: describeWriteFailure(firstError),
  };
}

/** Grown past what can be loaded again: the file keeps its last good state, and the user can make room. */
function tooLarge(error: DocumentTooLargeError): SaveOutcome {
  return {
    ok: false,
    problem: {
      summary: 'the watch list is too large',
      message: `The watch list has grown to ${megabytes(error.bytes)}, more than the ${megabytes(MAX_STORE_BYTES)} CAMB Watch can load again, so the latest changes were not saved: remove finished tasks (Clear finished) to make room. Your changes are kept while CAMB Watch runs.`,
    },
    cause: `it has grown past the ${megabytes(MAX_STORE_BYTES)} CAMB Watch can load again: remove finished tasks (Clear finished) to make room`,
  };
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return clipLine(text, 160);
}
