import { z } from 'zod';
import { TypedEmitter } from '../events';
import type { Logger } from '../logging';
import type { DocumentStore } from '../persistence';
import type { StoreRecovery } from '../persistence';
import { emptyDocument, MAX_WATCHED_TASKS } from '../persistence';
import { salvageDocument } from '../persistence';
import { finishedRunOf, mergeRuns, type FinishedRun } from '../../../shared/durations';
import { settingsSchema, type Settings } from '../../../shared/settings';
import { taskKindSchema } from '../../../shared/taskKinds';
import {
  isWatching,
  newWatchedTask,
  taskKey,
  watchedTaskSchema,
  type TaskKey,
  type WatchedTask,
} from '../../../shared/watchedTask';
import { buildExport, labelSchema, readImportEntries, readImportEntry } from './exchangeFormat';
import { taskIdSchema } from '../taskId';
import { TrackedMap } from './trackedMap';
import { DisplayOrder } from './displayOrder';
import { formatCount, whyNoRoomFor } from './room';
import { createListSaving, WatchListError, type Saving } from './listSaving';
import { checkedTask, HISTORY_LIMIT, withBoundedHistory } from './taskCheck';
import type { ImportReport, WatchList, WatchListEvents, WatchListOptions } from './watchListTypes';

export { ChangeNotSavedError, WatchListError } from './listSaving';
export { HISTORY_LIMIT };
export type * from './watchListTypes';

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

/** Whether a check learnt more than when it happened: a status, a problem, a stop (saved soon). */
function learntMoreThanWhen(before: WatchedTask, after: WatchedTask): boolean {
  for (const field of Object.keys(after) as (keyof WatchedTask)[])
    if (field !== 'lastCheckAt' && before[field] !== after[field]) return true;
  return false;
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
  const recoveries = [options.recovery ?? null, loaded.recovery].filter(
    (r): r is StoreRecovery => r !== null,
  );

  const order = new DisplayOrder(tasks);
  const saver = createListSaving({
    store,
    clock,
    logger,
    writeIntervalMs,
    quietWriteIntervalMs,
    document: () => ({ tasks: [...tasks.values()], settings, runs }),
    taskOf: (key) => tasks.get(key),
    settings: () => settings,
    undo(changes, settingsBefore) {
      tasks.putBack(changes);
      order.reset();
      settings = settingsBefore;
    },
    problemChanged: (problem) => emitter.emit('savingChanged', { problem }),
  });
  // A salvaged document replaces the damaged one on disk.
  if (loaded.recovery !== null) saver.markDirty();

  const save = (saving: Saving): void => saver.save(saving, tasks.takeChanges());

  /** Puts the task in the list without saving or telling anyone. */
  const put = (task: WatchedTask): void => {
    const key = taskKey(task.kind, task.taskId);
    order.adding(key, task);
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
      order.removed(keys);
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

  const list = (): WatchedTask[] => order.list();

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
      order.removed([key]);
      const next =
        existing === undefined
          ? { ...newWatchedTask(parsedKind.data, task.taskId, task.label, task.addedAt), muted: task.muted }
          : // What the user set is not lost: the label fills one that is empty, and a mute on either holds.
            { ...existing, label: existing.label ?? task.label, muted: existing.muted || task.muted };
      const changed = existing === undefined || learntMoreThanWhen(existing, next);
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
      // Files list the newest first: added from the bottom up, most land at the end of the display order.
      const added = [...accepted.values()].reverse();
      // All or nothing: a file that does not fit is refused whole, so the user splits it knowing what is in,
      // instead of finding out which of its tasks happened to come first.
      const noRoom = whyNoRoomFor(added, { tasks, settings, runs });
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

    applyCheck(key, { outcome, checkedAt, stopCause }) {
      const task = tasks.get(key);
      if (task === undefined) return undefined;
      const next = checkedTask(task, { outcome, checkedAt, stopCause });
      const run = finishedRunOf(task, next.status, checkedAt);
      if (run !== null) runs = mergeRuns(runs, [run]);
      commit(next, learntMoreThanWhen(task, next) ? 'soon' : 'at-rest');
      if (run !== null) emitter.emit('finishedRunsChanged', { kinds: [run.kind] });
      return { task: next, previousStatus: task.status, statusChanged: next.status !== task.status };
    },

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

    clearFinishedTasks: (includeUnseen = true) =>
      takeWhere((_key, task) => !isWatching(task) && (includeUnseen || !task.unseen)),

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
      // Records come in display order (newest first): put back from the bottom up, as an import does.
      const restored = [...restoring.values()].reverse();
      const noRoom = whyNoRoomFor(restored, { tasks, settings, runs });
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

    saveProblem: () => saver.problem(),
    flush: () => saver.flush(),

    dispose() {
      saver.dispose();
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
