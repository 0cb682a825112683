import path from 'node:path';
import type { FinishedRun } from '../../../shared/durations';
import type { SaveProblem } from '../../../shared/serviceState';
import type { Settings } from '../../../shared/settings';
import type { TaskKey, WatchedTask } from '../../../shared/watchedTask';
import type { Clock } from '../clock';
import type { Logger } from '../logging';
import { describeWriteFailure } from '../persistence';
import type { DocumentStore } from '../persistence';
import { saveDocument, type SaveOutcome } from './saveDocument';
import { createWriteCoalescer } from './writeCoalescer';

/**
 * How a change is saved. What the user did is on disk before the call returns ('now'); what polling
 * learns is coalesced ('soon'); a check that learnt nothing but when it happened waits for the disk to be
 * at rest ('at-rest': written with the next write, or once a quiet interval has passed).
 */
export type Saving = 'now' | 'soon' | 'at-rest';

/** What a task change held before (undefined: the task was absent), as TrackedMap.takeChanges hands it. */
export type TaskChanges = Map<TaskKey, WatchedTask | undefined>;

/** A change the user asked for that cannot be made; the message says why in plain words. */
export class WatchListError extends Error {
  override readonly name: string = 'WatchListError';
}

/**
 * A change the user asked for that could not be saved (the journal could not take it and the watch list
 * could not be written: a full or read-only disk). It was not made: what the user sees is what is kept.
 */
export class ChangeNotSavedError extends WatchListError {
  override readonly name = 'ChangeNotSavedError';
}

export interface ListSavingOptions {
  readonly store: DocumentStore;
  readonly clock: Clock;
  readonly logger: Logger;
  /** At most one store write per interval for status changes under churn. */
  readonly writeIntervalMs: number;
  /** At most one store write per interval when checks learn nothing new. */
  readonly quietWriteIntervalMs: number;
  /** The whole document as it now is, read at each write. */
  readonly document: () => {
    readonly tasks: WatchedTask[];
    readonly settings: Settings;
    readonly runs: readonly FinishedRun[];
  };
  /** A task as it now is (undefined: gone), for the journal line of a user action. */
  readonly taskOf: (key: TaskKey) => WatchedTask | undefined;
  /** The settings as they now are. */
  readonly settings: () => Settings;
  /** A user action could not be saved: put these tasks and these settings back as they were. */
  readonly undo: (changes: TaskChanges, settingsBefore: Settings) => void;
  /** Saving started failing, had to leave tasks out, or works again (null): told when it changes. */
  readonly problemChanged: (problem: SaveProblem | null) => void;
}

export interface ListSaving {
  /**
   * Saves a change as `saving` says. For 'now', `changes` are the tasks the action touched; when it cannot
   * be saved, the action is undone (`undo`) and refused with ChangeNotSavedError.
   */
  save(saving: Saving, changes: TaskChanges): void;
  /** Why the last write failed or left tasks out, until one works. */
  problem(): SaveProblem | null;
  /** Something must be written soon, with nothing the user did in it (a salvaged document). */
  markDirty(): void;
  /** Writes what is pending now. */
  flush(): void;
  /** Writes what is pending and stops timers; later changes are written at once. */
  dispose(): void;
}

/** When the watch list is written, and what the user is told while it cannot be. */
export function createListSaving(options: ListSavingOptions): ListSaving {
  const { store, clock, logger, document, taskOf } = options;
  // A state, not an event: held from a failed write until one works, and told only when it changes, so a
  // save retried every second does not repeat it while a window opened later still learns of it.
  let saveProblem: SaveProblem | null = null;
  // The last write's outcome, so a refused action can say why the list could not be written.
  let lastSave: SaveOutcome | null = null;
  // The settings the journal or the document last received: an action carries them only when they changed.
  let savedSettings = options.settings();

  const intervals = {
    intervalMs: options.writeIntervalMs,
    quietIntervalMs: Math.max(options.writeIntervalMs, options.quietWriteIntervalMs),
  };
  const writer = createWriteCoalescer(clock, intervals, () => {
    const { tasks, settings, runs } = document();
    const saved = saveDocument(store, tasks, settings, runs);
    lastSave = saved;
    if (JSON.stringify(saved.problem) !== JSON.stringify(saveProblem)) {
      saveProblem = saved.problem;
      if (saved.problem !== null)
        logger.error(saved.problem.message, { path: store.path, error: saved.detail ?? '' });
      else logger.info('The watch list is saved again', { path: store.path });
      options.problemChanged(saveProblem);
    }
    return saved.ok;
  });

  const notSavedMessage = (cause = describeWriteFailure(null)): string =>
    `Your change was not saved, so it was not made: the watch list${path.isAbsolute(store.path) ? ` in ${path.dirname(store.path)}` : ''} cannot be written because ${cause}. Everything confirmed before is kept.`;

  /**
   * The one way a user action is saved: one line in the action journal holding what the action left (the
   * tasks as they now are, the ones gone, the settings), flushed before it returns; the document follows
   * with the next coalesced write. Without a journal (in memory), or when the line cannot be written, the
   * whole document is written now instead. When that fails too, the action is undone and refused
   * (ChangeNotSavedError): an action is only ever answered OK once it is on disk.
   */
  const saveUserAction = (changes: TaskChanges): void => {
    const settings = options.settings();
    const put: WatchedTask[] = [];
    const deleted: TaskKey[] = [];
    for (const key of changes.keys()) {
      const task = taskOf(key);
      if (task === undefined) deleted.push(key);
      else put.push(task);
    }
    const settingsBefore = savedSettings;
    const settingsChanged = settings !== savedSettings;
    savedSettings = settings;
    const change = {
      ...(put.length > 0 ? { put } : {}),
      ...(deleted.length > 0 ? { delete: deleted } : {}),
      ...(settingsChanged ? { settings } : {}),
    };
    if (store.journal?.append(change) === true) writer.markJournaled();
    else if (!writer.saveNow()) {
      savedSettings = settingsBefore;
      options.undo(changes, settingsBefore);
      throw new ChangeNotSavedError(notSavedMessage(lastSave?.cause));
    }
  };

  return {
    save(saving, changes) {
      if (saving === 'now') saveUserAction(changes);
      else if (saving === 'soon') writer.markDirty();
      else writer.markStale();
    },
    problem: () => saveProblem,
    markDirty: () => writer.markDirty(),
    flush: () => writer.flush(),
    dispose: () => writer.dispose(),
  };
}
