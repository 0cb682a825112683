import type { StatusOutcome } from '../camb';
import type { Clock } from '../clock';
import type { DocumentStore } from '../persistence';
import type { StoreRecovery } from '../persistence';
import type { FinishedRun } from '../../../shared/durations';
import type { SaveProblem } from '../../../shared/serviceState';
import type { Settings } from '../../../shared/settings';
import type { TaskKind } from '../../../shared/taskKinds';
import type { StopCause, TaskKey, WatchedTask } from '../../../shared/watchedTask';
import type { Logger } from '../logging';

export interface WatchListEvents {
  taskChanged: { task: WatchedTask };
  tasksRemoved: { keys: TaskKey[] };
  settingsChanged: { settings: Settings };
  /** The saved list was damaged. Sticky: a listener added later still hears of it once. */
  storeRecovered: StoreRecovery;
  /**
   * Saving started failing, or had to leave tasks out (what and what to do), or works again (null): said
   * when it changes, not at every retry.
   */
  savingChanged: { problem: SaveProblem | null };
  /** Runs were recorded (a job ended while watched) or imported, for these kinds. */
  finishedRunsChanged: { kinds: TaskKind[] };
}

export interface CheckResult {
  readonly outcome: StatusOutcome;
  readonly checkedAt: number;
  /** Why polling stopped, as the scheduler decided; when left out, a 404 or 422 answer stops it. */
  readonly stopCause?: StopCause | null;
}

export interface AppliedCheck {
  readonly task: WatchedTask;
  readonly previousStatus: string | null;
  readonly statusChanged: boolean;
}

export interface ImportReport {
  readonly added: TaskKey[];
  readonly alreadyWatched: TaskKey[];
  /** `index` is the entry's position in the file, or null when the file as a whole was refused. */
  readonly rejected: { index: number | null; reason: string }[];
}

export interface KindChange {
  readonly task: WatchedTask;
  readonly merged: boolean;
  /** The task as it was under its old key. */
  readonly removed: WatchedTask;
  /** When merged: the task already watched under the new key, as it was before taking this one's label and mute. */
  readonly replaced: WatchedTask | null;
}

export interface RestoreOutcome {
  readonly restored: WatchedTask[];
  /** Records not put back because their task is watched again since: the newer one was kept. */
  readonly keptNewer: TaskKey[];
  readonly rejected: string[];
}

export interface WatchList {
  add(kind: TaskKind, taskId: string, label?: string | null): { task: WatchedTask; added: boolean };
  remove(key: TaskKey): boolean;
  rename(key: TaskKey, label: string | null): WatchedTask | undefined;
  setMuted(key: TaskKey, muted: boolean): WatchedTask | undefined;
  /** Removes every task no longer watched: finished, or stopped because CAMB.AI will not report on it. */
  clearFinished(): TaskKey[];
  /** Most recently added first. */
  list(): WatchedTask[];
  get(key: TaskKey): WatchedTask | undefined;
  exportJson(): string;
  importJson(text: string): ImportReport;
  /** Undefined when the task was removed while its check was in flight. */
  applyCheck(key: TaskKey, check: CheckResult): AppliedCheck | undefined;
  markNotified(key: TaskKey): WatchedTask | undefined;
  /** Records the other kind CAMB.AI knows a stopped task's id as (null: none found). */
  suggestKind(key: TaskKey, kind: TaskKind | null): WatchedTask | undefined;
  /**
   * Watches the task as another kind: a new key, so it starts afresh (label, mute and when it was added
   * kept). When that kind and id are already watched, this one goes and the one there stays (`merged`),
   * taking what the user set on this one: its label when the one there has none, and its mute (muted if
   * either was). `removed` is this task's record and `replaced` the one there before the merge, for an Undo.
   * Undefined when no task has `key`.
   */
  changeKind(key: TaskKey, kind: TaskKind): KindChange | undefined;
  getSettings(): Settings;
  updateSettings(changes: Partial<Settings>): Settings;
  /** Removes these tasks at once (one write) and hands back the records removed, for an undo. */
  removeMany(keys: readonly TaskKey[]): WatchedTask[];
  /**
   * Like clearFinished, handing back the records removed, for an undo. `includeUnseen` false leaves the
   * endings the user has not looked at yet in the list.
   */
  clearFinishedTasks(includeUnseen?: boolean): WatchedTask[];
  /**
   * Puts removed records back exactly as they were (an undo), in one write. A task watched again since
   * wins over its old record (`keptNewer`, so the user can be told); a record that does not validate is
   * refused with the reason.
   */
  restore(records: readonly unknown[]): RestoreOutcome;
  /** The user has looked at these tasks: they are no longer unseen. Hands back the tasks that changed. */
  markSeen(keys: readonly TaskKey[]): WatchedTask[];
  markAllSeen(): WatchedTask[];
  /** Jobs that reached an ending while watched, oldest first, at most RUNS_KEPT_PER_KIND per kind. */
  finishedRuns(): readonly FinishedRun[];
  /** Why the last write failed or left tasks out, until one works: the user keeps being told. */
  saveProblem(): SaveProblem | null;
  /** Writes pending changes now (e.g. before quitting). */
  flush(): void;
  /** Writes pending changes and stops timers; later changes are written at once. */
  dispose(): void;
  on<K extends keyof WatchListEvents>(name: K, listener: (payload: WatchListEvents[K]) => void): () => void;
}

export interface WatchListOptions {
  readonly store: DocumentStore;
  readonly clock: Clock;
  readonly logger: Logger;
  /** At most one store write per interval for status changes under churn. */
  readonly writeIntervalMs?: number;
  /**
   * At most one store write per interval when checks learn nothing new (only when a task was last checked
   * moved): polling that learns nothing lets the disk rest.
   */
  readonly quietWriteIntervalMs?: number;
  /** What openWithRecovery reported, replayed to `storeRecovered` listeners. */
  readonly recovery?: StoreRecovery | null;
}
