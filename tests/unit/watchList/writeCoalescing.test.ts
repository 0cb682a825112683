import { describe, expect, it } from 'vitest';
import type { StatusOutcome } from '../../../src/main/core/camb/outcomes';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../../src/main/core/logging/logger';
import {
  ChangeNotSavedError,
  createWatchList,
  type WatchList,
} from '../../../src/main/core/watchList/watchList';
import { taskKey, type TaskKey } from '../../../src/shared/watchedTask';
import { JumpingClock } from '../scheduler/jumpingClock';
import { CountingStore } from './countingStore';

function setup(writeIntervalMs?: number) {
  const clock = new VirtualClock();
  const store = new CountingStore(undefined, () => clock.now());
  const list = createWatchList({ store, clock, logger: silentLogger, writeIntervalMs });
  return { clock, store, list };
}

function status(value: string): StatusOutcome {
  return { type: 'status', status: value, runId: null, exceptionReason: null, message: null };
}

/** A check by the scheduler that found `value`; the next one is due in 5 s. */
function check(list: WatchList, clock: VirtualClock, key: TaskKey, value: string): void {
  list.applyCheck(key, { outcome: status(value), checkedAt: clock.now() });
}

describe('watch list: what the user does is saved before the call returns', () => {
  it('writes every user action at once, however soon after the last write', () => {
    const { store, list } = setup(1000);
    const key = taskKey('story', 'a');
    const actions: [string, () => unknown, (s: CountingStore) => unknown, unknown][] = [
      ['add', () => list.add('story', 'a'), (s) => s.store.tasks.map((t) => t.taskId), ['a']],
      ['rename', () => list.rename(key, 'Chapter 1'), (s) => s.store.tasks[0]?.label, 'Chapter 1'],
      ['mute', () => list.setMuted(key, true), (s) => s.store.tasks[0]?.muted, true],
      [
        'settings',
        () => list.updateSettings({ notifyOnSuccess: false }),
        (s) => s.store.settings.notifyOnSuccess,
        false,
      ],
      [
        'import',
        () => list.importJson(JSON.stringify({ tasks: [{ kind: 'story', taskId: 'b' }] })),
        (s) => s.store.tasks.length,
        2,
      ],
      ['remove', () => list.remove(key), (s) => s.store.tasks.map((t) => t.taskId), ['b']],
    ];
    for (const [name, act, saved, expected] of actions) {
      const before = store.writes;
      act();
      expect({ name, writes: store.writes - before, saved: saved(store) }).toEqual({
        name,
        writes: 1,
        saved: expected,
      });
    }
  });

  it('clearing finished tasks is saved at once, with the statuses that made them finished', () => {
    const { clock, store, list } = setup(1000);
    list.add('story', 'done');
    list.add('story', 'busy');
    check(list, clock, taskKey('story', 'done'), 'SUCCESS');
    const before = store.writes;
    expect(list.clearFinished()).toEqual([taskKey('story', 'done')]);
    expect(store.writes).toBe(before + 1);
    expect(store.store.tasks.map((t) => t.taskId)).toEqual(['busy']);
  });
});

describe('watch list: what polling learns is coalesced', () => {
  it('writes status changes at most once per second under churn, the last write holding the last one', async () => {
    const { clock, store, list } = setup();
    const key = taskKey('story', 'busy');
    list.add('story', 'busy');
    const start = clock.now();
    // An undocumented status flapping with PENDING, 10 times a second for 20 virtual seconds.
    for (let i = 1; i <= 200; i++) {
      await clock.advanceTo(start + i * 100);
      check(list, clock, key, i % 2 === 0 ? 'PENDING' : 'WAITING');
    }
    await clock.runUntilIdle();
    // One write for the add, then one per second: the change at 20 s lands in a write at 21 s.
    expect(store.writeTimes).toEqual(Array.from({ length: 22 }, (_, i) => start + i * 1000));
    expect(store.store.tasks[0]?.status).toBe('PENDING');
  });

  it('never writes status changes twice within one interval, whatever their rhythm', async () => {
    const { clock, store, list } = setup(1000);
    list.add('story', 'x');
    const key = taskKey('story', 'x');
    for (let i = 0; i < 300; i++) {
      // Uneven gaps between changes: 0 to 1443 ms.
      await clock.advance((i * 37) % 1444);
      check(list, clock, key, i % 2 === 0 ? 'PENDING' : 'WAITING');
    }
    await clock.runUntilIdle();
    const gaps = store.writeTimes.slice(1).map((t, i) => t - (store.writeTimes[i] ?? 0));
    expect(store.writes).toBeGreaterThan(50);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
    // The last change (i = 299) found WAITING.
    expect(store.store.tasks[0]?.status).toBe('WAITING');
  });

  it('batches a burst of status changes into one trailing write one interval after the last write', async () => {
    const { clock, store, list } = setup(1000);
    for (const id of ['a', 'b', 'c']) list.add('story', id);
    const added = clock.now();
    expect(store.writes).toBe(3);
    for (const id of ['a', 'b', 'c']) check(list, clock, taskKey('story', id), 'RUNNING');
    expect(store.writes).toBe(3);
    await clock.advanceTo(added + 999);
    expect(store.writes).toBe(3);
    await clock.advanceTo(added + 1000);
    expect(store.writes).toBe(4);
    expect(store.store.tasks.map((t) => t.status)).toEqual(['RUNNING', 'RUNNING', 'RUNNING']);
    await clock.runUntilIdle();
    expect(store.writes).toBe(4);
  });

  it('flush writes pending changes at once; with nothing pending it writes nothing', () => {
    const { clock, store, list } = setup();
    list.add('story', 'a');
    check(list, clock, taskKey('story', 'a'), 'RUNNING');
    expect(store.writes).toBe(1);
    list.flush();
    expect(store.writes).toBe(2);
    expect(store.store.tasks[0]?.status).toBe('RUNNING');
    list.flush();
    expect(store.writes).toBe(2);
  });

  it('dispose saves what is pending and leaves no timer behind', async () => {
    const { clock, store, list } = setup();
    list.add('story', 'a');
    list.add('story', 'b');
    check(list, clock, taskKey('story', 'b'), 'RUNNING');
    list.dispose();
    expect(store.store.tasks.map((t) => t.status)).toEqual([null, 'RUNNING']);
    expect(clock.pendingTimers).toBe(0);
    // A late change (a check that was in flight) is still saved, at once.
    list.applyCheck(taskKey('story', 'a'), {
      outcome: status('SUCCESS'),
      checkedAt: clock.now(),
    });
    expect(store.store.tasks[0]?.status).toBe('SUCCESS');
    expect(clock.pendingTimers).toBe(0);
  });

  it('keeps a change whose write failed and saves it one interval later', async () => {
    const { clock, store, list } = setup(1000);
    list.add('story', 'a');
    await clock.advance(1000);
    const writes = store.writes;
    store.failNextWrites = 1;
    list.applyCheck(taskKey('story', 'a'), {
      outcome: status('RUNNING'),
      checkedAt: clock.now(),
    });
    expect(store.writes).toBe(writes);
    await clock.advance(1000);
    expect(store.writes).toBe(writes + 1);
    expect(store.store.tasks.map((t) => t.status)).toEqual(['RUNNING']);
  });

  it('refuses a user action it cannot save, in words, and undoes it: nothing is shown that is not kept', () => {
    const { store, list } = setup(1000);
    list.add('story', 'a', 'Kept');
    store.failNextWrites = 1;
    expect(() => list.rename(taskKey('story', 'a'), 'Lost')).toThrow(
      /^Your change was not saved, so it was not made: the watch list cannot be written because/,
    );
    expect(list.list().map((t) => t.label)).toEqual(['Kept']);
    store.failNextWrites = 1;
    expect(() => list.add('story', 'b')).toThrow(ChangeNotSavedError);
    store.failNextWrites = 1;
    expect(() => list.updateSettings({ notifyOnSuccess: false })).toThrow(ChangeNotSavedError);
    store.failNextWrites = 1;
    expect(() => list.remove(taskKey('story', 'a'))).toThrow(ChangeNotSavedError);
    expect(list.list().map((t) => t.taskId)).toEqual(['a']);
    expect(list.getSettings().notifyOnSuccess).toBe(true);
    // The next change that can be saved holds none of the refused ones.
    list.setMuted(taskKey('story', 'a'), true);
    expect(store.store.tasks.map((t) => [t.taskId, t.label, t.muted])).toEqual([['a', 'Kept', true]]);
    expect(store.store.settings.notifyOnSuccess).toBe(true);
  });

  it('still saves within one interval after the wall clock is set back', async () => {
    const clock = new JumpingClock();
    const store = new CountingStore(undefined, () => clock.elapsed.now());
    const list = createWatchList({ store, clock, logger: silentLogger });
    list.add('story', 'a');
    expect(store.writes).toBe(1);
    // An NTP correction or a user fixing the date: the last write now looks an hour in the future.
    clock.jump(-3600_000);
    list.applyCheck(taskKey('story', 'a'), {
      outcome: status('RUNNING'),
      checkedAt: clock.now(),
    });
    await clock.advance(1000);
    expect(store.writes).toBe(2);
    expect(store.store.tasks[0]?.status).toBe('RUNNING');
  });
});

describe('watch list: polling that learns nothing leaves the disk at rest', () => {
  it('with 100 pending jobs checked every few seconds and no status changing, writes at most once a minute', async () => {
    const { clock, store, list } = setup();
    const keys = Array.from({ length: 100 }, (_, n) => taskKey('story', `job${n}`));
    for (let n = 0; n < keys.length; n++) list.add('story', `job${n}`);
    // Each job's first answer is news (no status yet → PENDING); after that, nothing changes.
    for (const key of keys) check(list, clock, key, 'PENDING');
    await clock.advance(10_000);
    const start = clock.now();
    const writesAfterAdding = store.writes;
    // Five checks a second, round-robin, for 30 virtual minutes: every check moves lastCheckAt.
    for (let i = 0; i < 30 * 60 * 5; i++) {
      await clock.advanceTo(start + i * 200);
      const key = keys[i % keys.length] as TaskKey;
      check(list, clock, key, 'PENDING');
    }
    const times = store.writeTimes.slice(writesAfterAdding);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    expect(times.length).toBeLessThanOrEqual(30);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(60_000);
    // What was learnt is still saved, within the quiet interval and at quit.
    expect(times.length).toBeGreaterThan(0);
    list.dispose();
    const last = keys[(30 * 60 * 5 - 1) % keys.length] as TaskKey;
    const saved = store.store.tasks.find((t) => taskKey(t.kind, t.taskId) === last);
    expect(saved?.lastCheckAt).toBe(start + (30 * 60 * 5 - 1) * 200);
  });

  it('a status that changes among quiet checks is saved within a second', async () => {
    const { clock, store, list } = setup();
    list.add('story', 'quiet');
    list.add('story', 'moving');
    for (const id of ['quiet', 'moving']) check(list, clock, taskKey('story', id), 'PENDING');
    await clock.advance(10_000);
    const before = store.writes;
    check(list, clock, taskKey('story', 'quiet'), 'PENDING');
    await clock.advance(5000);
    expect(store.writes).toBe(before);
    check(list, clock, taskKey('story', 'moving'), 'SUCCESS');
    await clock.advance(1000);
    expect(store.writes).toBe(before + 1);
    const saved = store.store.tasks.find((t) => t.taskId === 'moving');
    expect(saved?.status).toBe('SUCCESS');
    expect(saved?.history.map((h) => h.status)).toEqual(['PENDING', 'SUCCESS']);
  });
});
