import { describe, expect, it } from 'vitest';
import type { StatusOutcome } from '../../../src/main/core/camb/outcomes';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../../src/main/core/logging/logger';
import { MemoryStore } from '../../../src/main/core/persistence/memoryStore';
import type { PersistedDocument } from '../../../src/main/core/persistence/persistedDocument';
import type { StoreRecovery } from '../../../src/main/core/persistence/openWithRecovery';
import {
  createWatchList,
  HISTORY_LIMIT,
  WatchListError,
  type WatchListEvents,
} from '../../../src/main/core/watchList/watchList';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import type { TaskKind } from '../../../src/shared/taskKinds';
import { taskKey } from '../../../src/shared/watchedTask';
import { CountingStore } from './countingStore';

function setup(store = new CountingStore()) {
  const clock = new VirtualClock();
  const list = createWatchList({ store, clock, logger: silentLogger });
  const events: { [K in keyof WatchListEvents]: WatchListEvents[K][] } = {
    taskChanged: [],
    tasksRemoved: [],
    settingsChanged: [],
    storeRecovered: [],
    savingChanged: [],
    finishedRunsChanged: [],
  };
  for (const name of Object.keys(events) as (keyof WatchListEvents)[])
    list.on(name, (payload) => (events[name] as unknown[]).push(payload));
  return { clock, list, store, events };
}

const status = (
  s: string,
  extra: Partial<Extract<StatusOutcome, { type: 'status' }>> = {},
): StatusOutcome => ({
  type: 'status',
  status: s,
  runId: null,
  exceptionReason: null,
  message: null,
  ...extra,
});

describe('watch list: entries', () => {
  it('adds a task with empty state and dedupes by kind + id', async () => {
    const { clock, list, events } = setup();
    const first = list.add('story', 'abc', 'My story');
    expect(first.added).toBe(true);
    expect(first.task).toMatchObject({
      kind: 'story',
      taskId: 'abc',
      label: 'My story',
      addedAt: clock.now(),
      status: null,
      history: [],
      notified: false,
      muted: false,
    });
    await clock.advance(5000);
    const again = list.add('story', 'abc', 'Another label');
    expect(again.added).toBe(false);
    expect(again.task).toEqual(first.task);
    // The same id under another kind is another job.
    expect(list.add('dub', 'abc').added).toBe(true);
    expect(list.list().map((t) => `${t.kind}:${t.taskId}`)).toEqual(['dub:abc', 'story:abc']);
    expect(events.taskChanged).toHaveLength(2);
  });

  it('refuses an unknown kind and an over-long label with a readable message', () => {
    const { list } = setup();
    expect(() => list.add('podcast' as TaskKind, 'abc')).toThrow(WatchListError);
    expect(() => list.add('story', 'abc', 'x'.repeat(201))).toThrow(/at most 200 characters/);
    expect(list.list()).toEqual([]);
  });

  it('lists most recently added first', async () => {
    const { clock, list } = setup();
    for (const id of ['a', 'b', 'c']) {
      list.add('tts', id);
      await clock.advance(1000);
    }
    expect(list.list().map((t) => t.taskId)).toEqual(['c', 'b', 'a']);
  });

  it('renames, clears a blank label, mutes and removes', () => {
    const { list, events } = setup();
    const key = list.add('story', 'abc', 'old').task;
    const k = taskKey(key.kind, key.taskId);
    expect(list.rename(k, '  new name  ')?.label).toBe('new name');
    expect(list.rename(k, '   ')?.label).toBeNull();
    expect(list.rename(k, null)?.label).toBeNull();
    expect(list.setMuted(k, true)?.muted).toBe(true);
    expect(list.get(k)?.muted).toBe(true);
    expect(list.remove(k)).toBe(true);
    expect(list.remove(k)).toBe(false);
    expect(list.get(k)).toBeUndefined();
    expect(list.rename(k, 'gone')).toBeUndefined();
    expect(events.tasksRemoved).toEqual([{ keys: [k] }]);
  });

  it('clears only finished tasks and says which', async () => {
    const { clock, list, events } = setup();
    for (const id of ['ok', 'bad', 'running', 'weird']) list.add('story', id);
    const outcomes: Record<string, string> = {
      ok: 'SUCCESS',
      bad: 'ERROR',
      running: 'PENDING',
      weird: 'QUEUED',
    };
    for (const [id, s] of Object.entries(outcomes))
      list.applyCheck(taskKey('story', id), {
        outcome: status(s),
        checkedAt: clock.now(),
      });
    expect(list.clearFinished().sort()).toEqual(['story:bad', 'story:ok']);
    expect(
      list
        .list()
        .map((t) => t.taskId)
        .sort(),
    ).toEqual(['running', 'weird']);
    expect(events.tasksRemoved).toEqual([{ keys: ['story:ok', 'story:bad'] }]);
    expect(list.clearFinished()).toEqual([]);
    expect(events.tasksRemoved).toHaveLength(1);
  });

  it('clears tasks stopped by CAMB.AI (unknown or refused id) with the finished ones', () => {
    const { clock, list } = setup();
    list.add('story', 'typo');
    list.add('story', 'refused');
    list.add('story', 'running');
    const stop = (id: string, outcome: StatusOutcome) =>
      list.applyCheck(taskKey('story', id), { outcome, checkedAt: clock.now() });
    stop('typo', { type: 'not-found', message: 'Task not found' });
    stop('refused', { type: 'invalid', message: 'task_id: not a uuid', details: [] });
    expect(list.clearFinished().sort()).toEqual(['story:refused', 'story:typo']);
    expect(list.list().map((t) => t.taskId)).toEqual(['running']);
  });
});

describe('watch list: checks', () => {
  it('marks a task CAMB.AI does not know as stopped, and a later status answer as watched again', () => {
    const { clock, list } = setup();
    const key = taskKey('story', 'typo');
    list.add('story', 'typo');
    const stopped = list.applyCheck(key, {
      outcome: { type: 'not-found', message: 'Task not found' },
      checkedAt: clock.now(),
    });
    expect(stopped?.task.stoppedReason).toMatch(/does not know this task id/);
    expect(stopped?.task.stopCause).toBe('not-found');
    expect(stopped?.task.status).toBeNull();
    // A temporary fault afterwards does not make it look watched again...
    const faulted = list.applyCheck(key, {
      outcome: { type: 'server-error', httpStatus: 502, message: 'Bad gateway' },
      checkedAt: clock.now(),
    });
    expect(faulted?.task.stoppedReason).toMatch(/does not know this task id/);
    expect(faulted?.task.stopCause).toBe('not-found');
    // ...but a real answer (after "check now") does.
    const answered = list.applyCheck(key, {
      outcome: status('PENDING'),
      checkedAt: clock.now(),
    });
    expect(answered?.task).toMatchObject({ stoppedReason: null, stopCause: null, status: 'PENDING' });
  });

  it('stops a task the key may not see, when the scheduler says so, in words that say what to check', () => {
    const { clock, list } = setup();
    const key = taskKey('story', 'theirs');
    list.add('story', 'theirs');
    const refused = { type: 'auth-rejected', httpStatus: 403, message: 'Forbidden' } as const;
    const stopped = list.applyCheck(key, {
      outcome: refused,
      checkedAt: clock.now(),
      stopCause: 'forbidden',
    });
    expect(stopped?.task).toMatchObject({ stopCause: 'forbidden', status: null });
    expect(stopped?.task.stoppedReason).toMatch(/may belong to another account\. Check the id/);
    // The same 403 with everything paused for the key is no stop of this task.
    list.add('story', 'mine');
    const paused = list.applyCheck(taskKey('story', 'mine'), {
      outcome: refused,
      checkedAt: clock.now(),
      stopCause: null,
    });
    expect(paused?.task).toMatchObject({ stopCause: null, stoppedReason: null });
  });

  it('records status changes in the history and the finish time on a terminal status', async () => {
    const { clock, list } = setup();
    const key = taskKey('dub', 't1');
    list.add('dub', 't1');
    const t0 = clock.now();
    const first = list.applyCheck(key, { outcome: status('PENDING'), checkedAt: t0 });
    expect(first).toMatchObject({ previousStatus: null, statusChanged: true });
    expect(first?.task).toMatchObject({
      status: 'PENDING',
      lastCheckAt: t0,
      finishedAt: null,
    });

    await clock.advance(3000);
    const same = list.applyCheck(key, {
      outcome: status('PENDING'),
      checkedAt: clock.now(),
    });
    expect(same).toMatchObject({ previousStatus: 'PENDING', statusChanged: false });
    expect(same?.task.history).toEqual([{ status: 'PENDING', at: t0 }]);

    await clock.advance(3000);
    const done = list.applyCheck(key, {
      outcome: status('ERROR', { exceptionReason: 'HARMFUL_CONTENT_DETECTED', message: 'nope' }),
      checkedAt: clock.now(),
    });
    expect(done).toMatchObject({ previousStatus: 'PENDING', statusChanged: true });
    expect(done?.task).toMatchObject({
      status: 'ERROR',
      exceptionReason: 'HARMFUL_CONTENT_DETECTED',
      message: 'nope',
      finishedAt: t0 + 6000,
      // Nothing is going to check a finished task again.
      history: [
        { status: 'PENDING', at: t0 },
        { status: 'ERROR', at: t0 + 6000 },
      ],
    });
  });

  it('bounds the history of a task whose status flaps, keeping the first and the latest changes', () => {
    const { list, store } = setup();
    const key = taskKey('story', 'flappy');
    list.add('story', 'flappy');
    // An undocumented status alternating with PENDING at every check, for days.
    for (let i = 0; i < 1000; i++) {
      list.applyCheck(key, {
        outcome: status(i % 2 === 0 ? 'PENDING' : 'PROCESSING'),
        checkedAt: 1000 + i,
      });
    }
    list.flush();
    const history = list.get(key)?.history ?? [];
    expect(history.length).toBeLessThanOrEqual(HISTORY_LIMIT);
    expect(history[0]).toEqual({ status: 'PENDING', at: 1000 });
    expect(history.at(-1)).toEqual({ status: 'PROCESSING', at: 1000 + 999 });
    expect(store.store.tasks[0]?.history).toEqual(history);
  });

  it('keeps a known run id and keeps the first finish time', () => {
    const { list } = setup();
    const key = taskKey('story', 's');
    list.add('story', 's');
    list.applyCheck(key, { outcome: status('SUCCESS', { runId: 4242 }), checkedAt: 1000 });
    const again = list.applyCheck(key, { outcome: status('SUCCESS'), checkedAt: 9000 });
    expect(again?.task).toMatchObject({ runId: 4242, finishedAt: 1000, lastCheckAt: 9000 });
  });

  it('records a failure as lastProblem without touching the status, and a good answer clears it', () => {
    const { list } = setup();
    const key = taskKey('story', 's');
    list.add('story', 's');
    list.applyCheck(key, { outcome: status('PENDING'), checkedAt: 1 });
    const failed = list.applyCheck(key, {
      outcome: { type: 'server-error', httpStatus: 502, message: 'Bad gateway' },
      checkedAt: 10,
    });
    expect(failed).toMatchObject({ previousStatus: 'PENDING', statusChanged: false });
    expect(failed?.task).toMatchObject({ status: 'PENDING', lastCheckAt: 10 });
    expect(failed?.task.lastProblem).toMatch(/server error \(HTTP 502\)/);
    expect(failed?.task.history).toHaveLength(1);

    const limited = list.applyCheck(key, {
      outcome: { type: 'rate-limited', message: 'slow down', retryAfterMs: 30_000 },
      checkedAt: 30,
    });
    expect(limited?.task.lastProblem).toMatch(/slow down .*30 s/);

    const ok = list.applyCheck(key, { outcome: status('PENDING'), checkedAt: 70 });
    expect(ok?.task.lastProblem).toBeNull();
  });

  it('ignores a check for a task removed while the check was in flight', () => {
    const { list } = setup();
    expect(
      list.applyCheck(taskKey('story', 'gone'), {
        outcome: status('SUCCESS'),
        checkedAt: 1,
      }),
    ).toBe(undefined);
  });

  it('keeps the notified flag across a restart', async () => {
    const store = new CountingStore();
    const { clock, list } = setup(store);
    const key = taskKey('tts', 'x');
    list.add('tts', 'x');
    list.applyCheck(key, {
      outcome: status('SUCCESS', { runId: 7 }),
      checkedAt: clock.now(),
    });
    list.markNotified(key);
    list.add('tts', 'y');
    list.dispose();

    const reopened = createWatchList({ store, clock, logger: silentLogger });
    expect(reopened.get(key)).toMatchObject({ status: 'SUCCESS', runId: 7, notified: true });
    expect(reopened.list()).toEqual(list.list());
  });
});

describe('watch list: settings', () => {
  it('starts from the defaults, validates changes and reports them', () => {
    const { list, events, store } = setup();
    expect(list.getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(list.updateSettings({ responsiveness: 'eager', notifyOnSuccess: false })).toMatchObject({
      responsiveness: 'eager',
      notifyOnSuccess: false,
      notifyOnFailure: true,
    });
    expect(events.settingsChanged).toHaveLength(1);
    expect(() => list.updateSettings({ responsiveness: 'turbo' as 'eager' })).toThrow(/cannot be saved/);
    expect(() => list.updateSettings({ colour: 'red' } as never)).toThrow(WatchListError);
    expect(list.getSettings().responsiveness).toBe('eager');
    // An unchanged value is not a change.
    list.updateSettings({ responsiveness: 'eager' });
    expect(events.settingsChanged).toHaveLength(1);
    list.flush();
    expect(store.store.settings.responsiveness).toBe('eager');
  });

  it('hands out copies, so callers cannot change settings behind its back', () => {
    const { list } = setup();
    const copy = list.getSettings();
    copy.pollingPaused = true;
    expect(list.getSettings().pollingPaused).toBe(false);
  });
});

describe('watch list: loading', () => {
  it('restores tasks as they were, in their order, and drops duplicate entries', () => {
    const { list, clock, store } = setup();
    list.add('story', 'a');
    list.add('story', 'b');
    list.flush();
    const saved = store.store.tasks;
    const doc = new MemoryStore<PersistedDocument>({
      tasks: [...saved, ...saved.slice(0, 1)],
      settings: DEFAULT_SETTINGS,
    });
    const loaded = createWatchList({ store: doc, clock, logger: silentLogger });
    expect(loaded.list()).toEqual(list.list());
    // Added in the same millisecond: newest first breaks the tie by key (shared/taskOrder).
    expect(loaded.list().map((t) => t.taskId)).toEqual(['a', 'b']);
  });

  it('reads a task saved before stop causes were recorded as one whose polling was never stopped', () => {
    const { list, clock, store } = setup();
    list.add('story', 'old');
    list.flush();
    const { stopCause: _dropped, ...older } = store.store.tasks[0] ?? {};
    const doc = new MemoryStore<PersistedDocument>({ tasks: [older as never], settings: DEFAULT_SETTINGS });
    const loaded = createWatchList({ store: doc, clock, logger: silentLogger });
    expect(loaded.list()).toEqual([expect.objectContaining({ taskId: 'old', stopCause: null })]);
  });

  it('replays a recovery from opening the store to listeners added later', () => {
    const recovery: StoreRecovery = { movedTo: '/x.corrupt-1', reason: 'damaged', droppedTasks: 2 };
    const list = createWatchList({
      store: new CountingStore(),
      clock: new VirtualClock(),
      logger: silentLogger,
      recovery,
    });
    const heard: StoreRecovery[] = [];
    list.on('storeRecovered', (r) => heard.push(r));
    expect(heard).toEqual([recovery]);
  });

  it('salvages a damaged document held by a store that was opened without recovery', () => {
    const store = new MemoryStore<PersistedDocument>({ tasks: [], settings: DEFAULT_SETTINGS });
    const good = createWatchList({ store, clock: new VirtualClock(), logger: silentLogger });
    good.add('story', 'keep');
    good.flush();
    store.store = { tasks: [...store.store.tasks, { kind: 'nope' }], settings: DEFAULT_SETTINGS } as never;
    const list = createWatchList({ store, clock: new VirtualClock(), logger: silentLogger });
    const heard: StoreRecovery[] = [];
    list.on('storeRecovered', (r) => heard.push(r));
    expect(list.list().map((t) => t.taskId)).toEqual(['keep']);
    expect(heard).toEqual([expect.objectContaining({ movedTo: null, droppedTasks: 1 })]);
    // The damaged entry is replaced on disk by what was kept.
    expect(store.store.tasks).toHaveLength(1);
  });
});
