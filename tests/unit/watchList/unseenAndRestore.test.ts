import { describe, expect, it } from 'vitest';
import type { StatusOutcome } from '../../../src/main/core/camb/outcomes';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../../src/main/core/logging/logger';
import { createWatchList } from '../../../src/main/core/watchList/watchList';
import { taskKey, type WatchedTask } from '../../../src/shared/watchedTask';
import { CountingStore } from './countingStore';

const status = (s: string): StatusOutcome => ({
  type: 'status',
  status: s,
  runId: s === 'SUCCESS' ? 7 : null,
  exceptionReason: null,
  message: null,
});

function setup(store = new CountingStore(), clock = new VirtualClock()) {
  return { clock, store, list: createWatchList({ store, clock, logger: silentLogger }) };
}

const A = taskKey('story', 'a');
const B = taskKey('dub', 'b');

describe('watch list: unseen finishes', () => {
  it('marks a job unseen when it reaches an ending while watched, and only then', () => {
    const { clock, list } = setup();
    list.add('story', 'a');
    const check = (key: typeof A, outcome: StatusOutcome) =>
      list.applyCheck(key, { outcome, checkedAt: clock.now() })?.task;
    expect(check(A, status('PENDING'))?.unseen).toBe(false);
    expect(check(A, status('SUCCESS'))?.unseen).toBe(true);
    list.markSeen([A]);
    // The same ending answered again is no news.
    expect(check(A, status('SUCCESS'))?.unseen).toBe(false);
  });

  it('counts a failure and a stop (CAMB.AI does not know the task) as endings', () => {
    const { clock, list } = setup();
    list.add('story', 'a');
    list.add('dub', 'b');
    const failed = list.applyCheck(A, {
      outcome: status('ERROR'),
      checkedAt: clock.now(),
    });
    expect(failed?.task.unseen).toBe(true);
    const stopped = list.applyCheck(B, {
      outcome: { type: 'not-found', httpStatus: 404, message: 'Not found' } as StatusOutcome,
      checkedAt: clock.now(),
    });
    expect(stopped?.task.unseen).toBe(true);
  });

  it('Mark all seen clears every unseen job in one write that survives a restart', () => {
    const { clock, list, store } = setup();
    for (const id of ['a', 'c']) {
      list.add('story', id);
      list.applyCheck(taskKey('story', id), {
        outcome: status('SUCCESS'),
        checkedAt: clock.now(),
      });
    }
    list.flush();
    // Unseen is on disk: a restart still shows both as new.
    expect(
      setup(store, clock)
        .list.list()
        .filter((task) => task.unseen),
    ).toHaveLength(2);

    const writes = store.writes;
    expect(list.markAllSeen()).toHaveLength(2);
    expect(store.writes).toBe(writes + 1);
    expect(
      setup(store, clock)
        .list.list()
        .some((task) => task.unseen),
    ).toBe(false);
    // Nothing left to change: no write at all.
    expect(list.markAllSeen()).toEqual([]);
    expect(store.writes).toBe(writes + 1);
  });

  it('reads a file saved before unseen existed as seen', () => {
    const { list, store } = setup();
    list.add('story', 'a');
    const old = structuredClone(store.store);
    for (const task of old.tasks) Reflect.deleteProperty(task, 'unseen');
    const reopened = setup(new CountingStore(old)).list;
    expect(reopened.get(A)?.unseen).toBe(false);
  });
});

describe('watch list: remove and undo', () => {
  it('removes several tasks in one write and puts back the exact records', () => {
    const { clock, list, store } = setup();
    list.add('story', 'a', 'First');
    list.add('dub', 'b');
    list.applyCheck(A, { outcome: status('SUCCESS'), checkedAt: clock.now() });
    list.setMuted(B, true);
    const before = list.list();

    const writes = store.writes;
    const removed = list.removeMany([A, B, taskKey('story', 'not-watched')]);
    expect(store.writes).toBe(writes + 1);
    expect(removed.map((task) => taskKey(task.kind, task.taskId)).sort()).toEqual([B, A].sort());
    expect(list.list()).toEqual([]);

    const { restored, rejected } = list.restore(removed);
    expect(rejected).toEqual([]);
    expect(restored).toHaveLength(2);
    expect(store.writes).toBe(writes + 2);
    expect(list.list()).toEqual(before);
    // History, label, mute and unseen came back as they were.
    expect(list.get(A)).toMatchObject({ label: 'First', status: 'SUCCESS', unseen: true });
    expect(list.get(B)?.muted).toBe(true);
  });

  it('hands back what Clear finished took, and a task watched again meanwhile wins over its old record', () => {
    const { clock, list } = setup();
    list.add('story', 'a', 'Old label');
    list.add('dub', 'b');
    list.applyCheck(A, { outcome: status('SUCCESS'), checkedAt: clock.now() });
    const cleared = list.clearFinishedTasks();
    expect(cleared.map((task) => task.taskId)).toEqual(['a']);
    list.add('story', 'a', 'New label');
    expect(list.restore(cleared).restored).toEqual([]);
    expect(list.get(A)?.label).toBe('New label');
  });

  it('refuses a record that is not a task, saying why', () => {
    const { list } = setup();
    const bad = { kind: 'story', taskId: 'has space', addedAt: -1 } as unknown as WatchedTask;
    const { restored, rejected } = list.restore([bad]);
    expect(restored).toEqual([]);
    expect(rejected[0]).toMatch(/^This task cannot be put back: /u);
  });
});

describe('watch list: a change of kind onto a task already watched', () => {
  it('gives the one there this task’s label when it has none, and its mute, and hands back both records', () => {
    const { list, store } = setup();
    list.add('dub', 'same');
    list.add('story', 'same', 'Trailer cut');
    list.setMuted(taskKey('story', 'same'), true);
    const writes = store.writes;
    const change = list.changeKind(taskKey('story', 'same'), 'dub');
    expect(change).toMatchObject({
      merged: true,
      task: { kind: 'dub', label: 'Trailer cut', muted: true },
      removed: { kind: 'story', label: 'Trailer cut', muted: true },
      replaced: { kind: 'dub', label: null, muted: false },
    });
    expect(store.writes).toBe(writes + 1);
    expect(list.list().map((t) => [t.kind, t.label, t.muted])).toEqual([['dub', 'Trailer cut', true]]);
  });

  it('keeps the label the one there has, and its mute when this one was not muted', () => {
    const { list } = setup();
    list.add('dub', 'same', 'Real dub');
    list.setMuted(taskKey('dub', 'same'), true);
    list.add('story', 'same', 'Mistake');
    expect(list.changeKind(taskKey('story', 'same'), 'dub')?.task).toMatchObject({
      label: 'Real dub',
      muted: true,
    });
  });

  it('an undo put back while a newer entry is there says which record was kept newer', () => {
    const { list } = setup();
    list.add('story', 'a', 'Old');
    const removed = list.removeMany([A]);
    list.add('story', 'a', 'New');
    expect(list.restore(removed)).toEqual({ restored: [], keptNewer: [A], rejected: [] });
    expect(list.get(A)?.label).toBe('New');
  });
});
