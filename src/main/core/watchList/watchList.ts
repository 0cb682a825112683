import { z } from 'zod';
import type { StatusOutcome } from '../camb/outcomes';
import type { Clock } from '../clock/clock';
import { TypedEmitter } from '../events/typedEmitter';
import type { Logger } from '../logging/logger';
import type { DocumentStore } from '../persistence/keyValueStore';
import type { StoreRecovery } from '../persistence/openWithRecovery';
import {
  documentBytes,
  emptyDocument,
  MAX_STORE_BYTES,
  MAX_WATCHED_TASKS,
  MAX_WRITTEN_DOCUMENT_BYTES,
  megabytes,
} from '../persistence/persistedDocument';
import { salvageDocument } from '../persistence/salvage';
import path from 'node:path';
import { describeWriteFailure } from '../persistence/diskFailure';
import { saveDocument, type SaveOutcome } from './saveDocument';
import { finishedRunOf, mergeRuns, type FinishedRun } from '../../../shared/durations';
import type { SaveProblem } from '../../../shared/serviceState';
import { settingsSchema, type Settings } from '../../../shared/settings';
import { taskKindSchema, type TaskKind } from '../../../shared/taskKinds';
import { isTerminalStatus } from '../../../shared/taskStatus';
import {
  isWatching,
  newWatchedTask,
  taskKey,
  watchedTaskSchema,
  type StopCause,
  type TaskKey,
  type WatchedTask,
} from '../../../shared/watchedTask';
import { buildExport, labelSchema, readImportEntries, readImportEntry } from './exchangeFormat';
import { taskIdSchema } from '../taskId/taskIdSchema';
import { describeProblem, describeStop } from './problemText';
import { TrackedMap } from './trackedMap';
import { createWriteCoalescer } from './writeCoalescer';

/**
 * Status changes kept per task: enough to show how a job went, while an undocumented status that flaps
 * with PENDING at every check cannot make the task, and the store file rewritten each second, grow forever.
 */
export const HISTORY_LIMIT = 50;

/** Within the limit: past it the oldest changes go, except the first one (when the task was first seen). */
function boundHistory(history: WatchedTask['history']): WatchedTask['history'] {
  const [first] = history;
  if (history.length <= HISTORY_LIMIT || first === undefined) return history;
  return [first, ...history.slice(history.length - HISTORY_LIMIT + 1)];
}

/** Appends a change, keeping the history within its limit. */
function appendHistory(
  history: WatchedTask['history'],
  change: WatchedTask['history'][number],
): WatchedTask['history'] {
  return boundHistory([...history, change]);
}

/** A task that comes from outside (an import, an undo) holds no more history than the list keeps itself. */
function withBoundedHistory(task: WatchedTask): WatchedTask {
  const history = boundHistory(task.history);
  return history === task.history ? task : { ...task, history };
}

/** "100,000": counts as a person reads them in a sentence. */
function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

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

export interface CheckResult {
  readonly outcome: StatusOutcome;
  readonly checkedAt: number;
  /** When the scheduler will look again; ignored (null) once the task has finished. */
  readonly nextCheckAt: number | null;
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
  setNextCheck(key: TaskKey, at: number | null): WatchedTask | undefined;
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
  /** Like clearFinished, handing back the records removed, for an undo. */
  clearFinishedTasks(): WatchedTask[];
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
   * At most one store write per interval when checks learn nothing new (only when a task was last and
   * will next be checked moved): those times are recomputed after a restart, so the disk can rest.
   */
  readonly quietWriteIntervalMs?: number;
  /** What openWithRecovery reported, replayed to `storeRecovered` listeners. */
  readonly recovery?: StoreRecovery | null;
}

const addInputSchema = z.object({
  kind: taskKindSchema,
  taskId: taskIdSchema,
  label: labelSchema.nullish(),
});
const settingsChangesSchema = settingsSchema.partial().strict();
/** A removed record coming back: the same bounds as any task, and an id the add form would accept. */
const restorableTaskSchema = watchedTaskSchema.refine(
  (task) => taskIdSchema.safeParse(task.taskId).data === task.taskId,
  { error: 'its task id is not valid', path: ['taskId'] },
);

/** "A task id cannot…" read after a colon: "a task id cannot…". */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function errorMessage(error: z.ZodError): string {
  return z.prettifyError(error).replaceAll('\n', ' ');
}

/** Reads the saved document; a store that holds a damaged one (no recovery wrapper) is salvaged in memory. */
function loadDocument(
  store: DocumentStore,
  logger: Logger,
): {
  tasks: WatchedTask[];
  settings: Settings;
  finishedRuns?: FinishedRun[] | undefined;
  recovery: StoreRecovery | null;
} {
  const salvage = salvageDocument(store.store);
  if (salvage.kind === 'valid') return { ...salvage.document, recovery: null };
  const kept = salvage.kind === 'partial' ? salvage.document : emptyDocument();
  const reason = `The saved watch list in ${store.path} was damaged and has been replaced; ${kept.tasks.length} of its tasks could be kept.`;
  logger.warn(reason);
  return {
    ...kept,
    recovery: { movedTo: null, reason, droppedTasks: salvage.kind === 'partial' ? salvage.droppedTasks : 0 },
  };
}

/** Fields that only move with the clock: a change to nothing else is saved with the next write. */
const CLOCK_FIELDS: ReadonlySet<string> = new Set<keyof WatchedTask>(['lastCheckAt', 'nextCheckAt']);

/** Whether `after` differs from `before` in anything that matters after a restart. */
function changedBeyondClock(before: WatchedTask, after: WatchedTask): boolean {
  for (const field of Object.keys(after) as (keyof WatchedTask)[])
    if (!CLOCK_FIELDS.has(field) && before[field] !== after[field]) return true;
  return false;
}

/**
 * The display order read backwards: oldest first, and among tasks added at the same moment, in the order
 * they were added. Insertion order already is this order unless a task came with an older date (an
 * import), so the sort is usually skipped.
 */
function oldestFirst(tasks: Map<TaskKey, WatchedTask>): TaskKey[] {
  const keys = [...tasks.keys()];
  const addedAt = (key: TaskKey): number => tasks.get(key)?.addedAt ?? 0;
  for (let i = 1; i < keys.length; i++)
    if (addedAt(keys[i - 1] as TaskKey) > addedAt(keys[i] as TaskKey))
      return keys.sort((a, b) => addedAt(a) - addedAt(b));
  return keys;
}

export function createWatchList(options: WatchListOptions): WatchList {
  const { store, clock, logger, writeIntervalMs = 1000, quietWriteIntervalMs = 5 * 60_000 } = options;
  const emitter = new TypedEmitter<WatchListEvents>((error) =>
    logger.error('A watch-list listener failed', { error: String(error) }),
  );

  const loaded = loadDocument(store, logger);
  // Insertion order is the persisted order; list() sorts for display. It records what each change touched.
  const tasks = new TrackedMap<TaskKey, WatchedTask>();
  for (const task of loaded.tasks) {
    const key = taskKey(task.kind, task.taskId);
    if (!tasks.has(key)) tasks.set(key, task);
  }
  tasks.takeChanged();
  let settings = loaded.settings;
  // Kept with the document, written with it (a job's ending is saved as any status change is).
  let runs: readonly FinishedRun[] = mergeRuns([], loaded.finishedRuns ?? []);
  let savedSettings = settings;
  const recoveries = [options.recovery ?? null, loaded.recovery].filter(
    (r): r is StoreRecovery => r !== null,
  );

  const intervals = {
    intervalMs: writeIntervalMs,
    quietIntervalMs: Math.max(writeIntervalMs, quietWriteIntervalMs),
  };
  // A state, not an event: held from a failed write until one works, and told only when it changes, so a
  // save retried every second does not repeat it while a window opened later still learns of it.
  let saveProblem: SaveProblem | null = null;
  // The last write's outcome, so a refused action can say why the list could not be written.
  let lastSave: SaveOutcome | null = null;
  const writer = createWriteCoalescer(clock, intervals, () => {
    const saved = saveDocument(store, [...tasks.values()], settings, runs);
    lastSave = saved;
    if (JSON.stringify(saved.problem) !== JSON.stringify(saveProblem)) {
      saveProblem = saved.problem;
      if (saved.problem !== null)
        logger.error(saved.problem.message, { path: store.path, error: saved.detail ?? '' });
      else logger.info('The watch list is saved again', { path: store.path });
      emitter.emit('savingChanged', { problem: saveProblem });
    }
    return saved.ok;
  });
  // A salvaged document replaces the damaged one on disk.
  if (loaded.recovery !== null) writer.markDirty();

  /**
   * The display order read backwards (oldest first), so adding a task appends to it; rebuilt only after
   * a removal or an out-of-order add (null until then).
   */
  let order: TaskKey[] | null = null;

  /**
   * How a change is saved. What the user did is on disk before the call returns ('now'); what polling
   * learns is coalesced ('soon'); what only moves with the clock waits for a quiet interval ('quiet').
   */
  type Saving = 'now' | 'soon' | 'quiet';
  const save = (saving: Saving): void => {
    const changes = tasks.takeChanges();
    if (saving === 'now') saveUserAction(changes);
    else if (saving === 'soon') writer.markDirty();
    else writer.markStale();
  };

  /**
   * The one way a user action is saved: one line in the action journal holding what the action left (the
   * tasks as they now are, the ones gone, the settings), flushed before it returns; the document follows
   * with the next coalesced write. Without a journal (in memory), or when the line cannot be written, the
   * whole document is written now instead. When that fails too, the action is undone and refused
   * (ChangeNotSavedError): an action is only ever answered OK once it is on disk.
   */
  const saveUserAction = (changes: Map<TaskKey, WatchedTask | undefined>): void => {
    const put: WatchedTask[] = [];
    const deleted: TaskKey[] = [];
    for (const key of changes.keys()) {
      const task = tasks.get(key);
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
      tasks.putBack(changes);
      order = null;
      settings = settingsBefore;
      savedSettings = settingsBefore;
      throw new ChangeNotSavedError(notSavedMessage(lastSave?.cause));
    }
  };

  const notSavedMessage = (cause = describeWriteFailure(null)): string =>
    `Your change was not saved, so it was not made: the watch list${path.isAbsolute(store.path) ? ` in ${path.dirname(store.path)}` : ''} cannot be written because ${cause}. Everything confirmed before is kept.`;

  /** Puts the task in the list without saving or telling anyone. */
  const put = (task: WatchedTask): void => {
    const key = taskKey(task.kind, task.taskId);
    if (!tasks.has(key) && order !== null) {
      const newest = order.at(-1);
      const newestAddedAt = newest === undefined ? -Infinity : (tasks.get(newest)?.addedAt ?? Infinity);
      if (task.addedAt >= newestAddedAt) order.push(key);
      else order = null;
    }
    tasks.set(key, task);
  };

  const commit = (task: WatchedTask, saving: Saving): WatchedTask => {
    put(task);
    save(saving);
    emitter.emit('taskChanged', { task });
    return task;
  };

  const update = (
    key: TaskKey,
    saving: Saving,
    change: (task: WatchedTask) => WatchedTask,
  ): WatchedTask | undefined => {
    const task = tasks.get(key);
    return task === undefined ? undefined : commit(change(task), saving);
  };

  const removeKeys = (keys: TaskKey[]): TaskKey[] => {
    for (const key of keys) tasks.delete(key);
    if (keys.length > 0) {
      order = null;
      save('now');
      // Listeners get their own copy: the caller may sort or change the returned array.
      emitter.emit('tasksRemoved', { keys: [...keys] });
    }
    return keys;
  };

  /** Removes the tasks that match, handing back their records in display order. */
  const takeWhere = (matches: (key: TaskKey, task: WatchedTask) => boolean): WatchedTask[] => {
    const taken = list().filter((task) => matches(taskKey(task.kind, task.taskId), task));
    removeKeys(taken.map((task) => taskKey(task.kind, task.taskId)));
    return taken;
  };

  /** Sets `unseen` to false on the tasks that match, in one write. */
  const seeWhere = (matches: (key: TaskKey) => boolean): WatchedTask[] => {
    const changed: WatchedTask[] = [];
    for (const [key, task] of tasks)
      if (task.unseen && matches(key)) changed.push({ ...task, unseen: false });
    if (changed.length === 0) return changed;
    for (const task of changed) put(task);
    save('now');
    for (const task of changed) emitter.emit('taskChanged', { task });
    return changed;
  };

  const applyStatus = (
    task: WatchedTask,
    outcome: Extract<StatusOutcome, { type: 'status' }>,
    at: number,
  ): WatchedTask => {
    const changed = outcome.status !== task.status;
    const terminal = isTerminalStatus(outcome.status);
    return {
      ...task,
      status: outcome.status,
      // run_id only appears once a task has one; an answer without it does not take it away.
      runId: outcome.runId ?? task.runId,
      exceptionReason: outcome.exceptionReason,
      message: outcome.message,
      lastProblem: null,
      stoppedReason: null,
      stopCause: null,
      history: changed ? appendHistory(task.history, { status: outcome.status, at }) : task.history,
      finishedAt: terminal ? (task.finishedAt ?? at) : null,
      // Reaching an ending while watched is news until the user looks.
      unseen: task.unseen || (terminal && !isTerminalStatus(task.status)),
    };
  };

  /**
   * Why these tasks cannot join the list, or null when they fit: past MAX_WATCHED_TASKS, or a document the
   * next start could not load. Asked before anything is written, so a refused import or undo leaves the
   * list and its file as they were.
   */
  const whyNoRoomFor = (incoming: readonly WatchedTask[]): string | null => {
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
  };

  const list = (): WatchedTask[] => {
    order ??= oldestFirst(tasks);
    const listed: WatchedTask[] = [];
    for (let i = order.length - 1; i >= 0; i--) {
      const task = tasks.get(order[i] as TaskKey);
      if (task !== undefined) listed.push(task);
    }
    return listed;
  };

  return {
    add(kind, taskId, label) {
      const input = addInputSchema.safeParse({ kind, taskId, label });
      if (!input.success) throw new WatchListError(`Cannot watch this task: ${errorMessage(input.error)}`);
      const key = taskKey(input.data.kind, input.data.taskId);
      const existing = tasks.get(key);
      if (existing !== undefined) return { task: existing, added: false };
      if (tasks.size >= MAX_WATCHED_TASKS)
        throw new WatchListError(
          `Cannot watch this task: the watch list already holds ${formatCount(MAX_WATCHED_TASKS)} tasks, the most it keeps. Remove finished tasks (Clear finished) to make room.`,
        );
      const task = commit(
        newWatchedTask(input.data.kind, input.data.taskId, input.data.label ?? null, clock.now()),
        'now',
      );
      return { task, added: true };
    },

    remove: (key) => removeKeys(tasks.has(key) ? [key] : []).length > 0,

    rename(key, label) {
      const parsed = labelSchema.nullable().safeParse(label);
      if (!parsed.success) throw new WatchListError(`Cannot rename this task: ${errorMessage(parsed.error)}`);
      return update(key, 'now', (task) => ({ ...task, label: parsed.data }));
    },

    setMuted: (key, muted) => update(key, 'now', (task) => ({ ...task, muted })),

    // Stopped tasks are done being watched too (CAMB.AI will not report on them): they go with the rest.
    clearFinished: () => removeKeys([...tasks].filter(([, task]) => !isWatching(task)).map(([key]) => key)),

    list,

    get: (key) => tasks.get(key),

    suggestKind: (key, kind) => update(key, 'soon', (task) => ({ ...task, suggestedKind: kind })),

    changeKind(key, kind) {
      const task = tasks.get(key);
      const parsedKind = taskKindSchema.safeParse(kind);
      if (!parsedKind.success)
        throw new WatchListError(`Cannot change the kind: ${errorMessage(parsedKind.error)}`);
      if (task === undefined) return undefined;
      if (task.kind === parsedKind.data) return { task, merged: false, removed: task, replaced: null };
      const existing = tasks.get(taskKey(parsedKind.data, task.taskId));
      tasks.delete(key);
      order = null;
      const next =
        existing === undefined
          ? { ...newWatchedTask(parsedKind.data, task.taskId, task.label, task.addedAt), muted: task.muted }
          : // What the user set is not lost: the label fills one that is empty, and a mute on either holds.
            { ...existing, label: existing.label ?? task.label, muted: existing.muted || task.muted };
      const changed = existing === undefined || changedBeyondClock(existing, next);
      if (changed) put(next);
      // What the user did is on disk before it is acknowledged, as for every other user action.
      save('now');
      if (changed) emitter.emit('taskChanged', { task: next });
      emitter.emit('tasksRemoved', { keys: [key] });
      return { task: next, merged: existing !== undefined, removed: task, replaced: existing ?? null };
    },

    exportJson: () => buildExport(list(), clock.now(), runs),

    importJson(text) {
      const file = readImportEntries(text);
      if (!file.ok)
        return { added: [], alreadyWatched: [], rejected: [{ index: null, reason: file.reason }] };
      const rejected: ImportReport['rejected'] = [];
      const alreadyWatched = new Set<TaskKey>();
      const accepted = new Map<TaskKey, WatchedTask>();
      file.entries.forEach((raw, index) => {
        const read = readImportEntry(raw);
        if (!read.ok) {
          rejected.push({ index, reason: read.reason });
          return;
        }
        const entry = read.entry;
        const kind = entry.form === 'full' ? entry.task.kind : entry.kind;
        const taskId = entry.form === 'full' ? entry.task.taskId : entry.taskId;
        const idCheck = taskIdSchema.safeParse(taskId);
        if (!idCheck.success || idCheck.data !== taskId) {
          const problem = idCheck.error?.issues[0]?.message ?? 'The task id has spaces around it';
          rejected.push({ index, reason: `its task id is not valid: ${lowerFirst(problem)}` });
          return;
        }
        const key = taskKey(kind, taskId);
        // Existing entries always win: an import never overwrites what is already watched.
        if (tasks.has(key) || accepted.has(key)) {
          alreadyWatched.add(key);
          return;
        }
        accepted.set(
          key,
          entry.form === 'full'
            ? withBoundedHistory(entry.task)
            : newWatchedTask(kind, taskId, entry.label, clock.now()),
        );
      });
      // Files list the newest first: adding from the bottom up keeps tasks of equal age in the file's order.
      const added = [...accepted.values()].reverse();
      // All or nothing: a file that does not fit is refused whole, so the user splits it knowing what is in,
      // instead of finding out which of its tasks happened to come first.
      const noRoom = whyNoRoomFor(added);
      if (noRoom !== null)
        return {
          added: [],
          alreadyWatched: [],
          rejected: [{ index: null, reason: `Nothing was imported. ${noRoom}` }],
        };
      for (const task of added) put(task);
      const before = runs;
      runs = mergeRuns(runs, file.runs);
      const learned = runs.length !== before.length || runs.some((run, i) => run !== before[i]);
      // One write for the whole file, before anyone hears of it.
      try {
        if (added.length > 0 || learned) save('now');
      } catch (error) {
        runs = before;
        throw error;
      }
      for (const task of added) emitter.emit('taskChanged', { task });
      if (learned)
        emitter.emit('finishedRunsChanged', { kinds: [...new Set(file.runs.map((run) => run.kind))] });
      return { added: [...accepted.keys()], alreadyWatched: [...alreadyWatched], rejected };
    },

    applyCheck(key, { outcome, checkedAt, nextCheckAt, stopCause }) {
      const task = tasks.get(key);
      if (task === undefined) return undefined;
      const cause =
        stopCause !== undefined
          ? stopCause
          : outcome.type === 'not-found' || outcome.type === 'invalid'
            ? outcome.type
            : null;
      const checked =
        outcome.type === 'status'
          ? applyStatus(task, outcome, checkedAt)
          : {
              ...task,
              lastProblem: cause === null ? describeProblem(outcome) : describeStop(outcome, cause),
              ...(cause === null
                ? {}
                : {
                    stoppedReason: describeStop(outcome, cause),
                    stopCause: cause,
                    // Stopping is an ending too: news the first time it happens.
                    unseen: task.unseen || task.stoppedReason === null,
                  }),
            };
      const finished = isTerminalStatus(checked.status);
      const next = { ...checked, lastCheckAt: checkedAt, nextCheckAt: finished ? null : nextCheckAt };
      const run = finishedRunOf(task, next.status, checkedAt);
      if (run !== null) runs = mergeRuns(runs, [run]);
      commit(next, changedBeyondClock(task, next) ? 'soon' : 'quiet');
      if (run !== null) emitter.emit('finishedRunsChanged', { kinds: [run.kind] });
      return { task: next, previousStatus: task.status, statusChanged: next.status !== task.status };
    },

    setNextCheck: (key, at) => update(key, 'quiet', (task) => ({ ...task, nextCheckAt: at })),

    markNotified: (key) => update(key, 'soon', (task) => ({ ...task, notified: true })),

    getSettings: () => ({ ...settings }),

    updateSettings(changes) {
      const parsed = settingsChangesSchema.safeParse(changes);
      if (!parsed.success)
        throw new WatchListError(`These settings cannot be saved: ${errorMessage(parsed.error)}`);
      const next = { ...settings, ...parsed.data };
      if (JSON.stringify(next) !== JSON.stringify(settings)) {
        settings = next;
        save('now');
        emitter.emit('settingsChanged', { settings: { ...settings } });
      }
      return { ...settings };
    },

    removeMany(keys) {
      const wanted = new Set(keys);
      return takeWhere((key) => wanted.has(key));
    },

    clearFinishedTasks: () => takeWhere((_key, task) => !isWatching(task)),

    restore(records) {
      const restoring = new Map<TaskKey, WatchedTask>();
      const rejected: string[] = [];
      const keptNewer: TaskKey[] = [];
      for (const record of records) {
        const parsed = restorableTaskSchema.safeParse(record);
        if (!parsed.success) {
          rejected.push(`This task cannot be put back: ${errorMessage(parsed.error)}`);
          continue;
        }
        const key = taskKey(parsed.data.kind, parsed.data.taskId);
        if (tasks.has(key)) keptNewer.push(key);
        if (tasks.has(key) || restoring.has(key)) continue;
        restoring.set(key, withBoundedHistory(parsed.data));
      }
      // Records come in display order (newest first): put back from the bottom up, as an import does, so
      // tasks added at the same moment keep their places.
      const restored = [...restoring.values()].reverse().sort((a, b) => a.addedAt - b.addedAt);
      const noRoom = whyNoRoomFor(restored);
      if (noRoom !== null)
        return { restored: [], keptNewer, rejected: [...rejected, `Nothing was put back. ${noRoom}`] };
      for (const task of restored) put(task);
      if (restored.length > 0) save('now');
      for (const task of restored) emitter.emit('taskChanged', { task });
      return { restored, keptNewer, rejected };
    },

    markSeen(keys) {
      const wanted = new Set(keys);
      return seeWhere((key) => wanted.has(key));
    },

    markAllSeen: () => seeWhere(() => true),
    finishedRuns: () => runs,

    saveProblem: () => saveProblem,
    flush: () => writer.flush(),

    dispose() {
      writer.dispose();
      store.journal?.close();
    },

    on(name, listener) {
      const unsubscribe = emitter.on(name, listener);
      if (name === 'storeRecovered')
        for (const recovery of recoveries) (listener as (payload: StoreRecovery) => void)(recovery);
      return unsubscribe;
    },
  };
}
