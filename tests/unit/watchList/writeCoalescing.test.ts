import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../../src/main/core/logging/logger';
import { createWatchList } from '../../../src/main/core/watchList/watchList';
import { taskKey } from '../../../src/shared/watchedTask';
import { JumpingClock } from '../scheduler/jumpingClock';
import { CountingStore } from './countingStore';

function setup(writeIntervalMs?: number) {
  const clock = new VirtualClock();
  const store = new CountingStore(undefined, () => clock.now());
  const list = createWatchList({ store, clock, logger: silentLogger, writeIntervalMs });
  return { clock, store, list };
}

describe('watch list: coalesced writes', () => {
  it('writes the first change at once', () => {
    const { store, list } = setup();
    list.add('story', 'a');
    expect(store.writes).toBe(1);
    expect(store.store.tasks.map((t) => t.taskId)).toEqual(['a']);
  });

  it('writes at most once per second under churn, and the last write holds the last change', async () => {
    const { clock, store, list } = setup();
    const key = taskKey('story', 'busy');
    list.add('story', 'busy');
    const start = clock.now();
    // 10 changes a second for 20 virtual seconds.
    for (let i = 1; i <= 200; i++) {
      await clock.advanceTo(start + i * 100);
      list.setNextCheck(key, i);
    }
    await clock.runUntilIdle();
    // One write at once, then one per second: the change at 20 s lands in a write at 21 s.
    expect(store.writeTimes).toEqual(Array.from({ length: 22 }, (_, i) => start + i * 1000));
    expect(store.store.tasks[0]?.nextCheckAt).toBe(200);
  });

  it('never writes twice within one interval, whatever the rhythm of changes', async () => {
    const { clock, store, list } = setup(1000);
    list.add('story', 'x');
    const key = taskKey('story', 'x');
    for (let i = 0; i < 300; i++) {
      // Uneven gaps between changes: 0 to 1443 ms.
      await clock.advance((i * 37) % 1444);
      list.setMuted(key, i % 2 === 0);
    }
    await clock.runUntilIdle();
    const gaps = store.writeTimes.slice(1).map((t, i) => t - (store.writeTimes[i] ?? 0));
    expect(store.writes).toBeGreaterThan(50);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
    expect(store.store.tasks[0]?.muted).toBe(299 % 2 === 0);
  });

  it('batches a burst into one trailing write exactly one interval after the first', async () => {
    const { clock, store, list } = setup(1000);
    list.add('story', 'a');
    const first = clock.now();
    for (const id of ['b', 'c', 'd']) list.add('story', id);
    expect(store.writes).toBe(1);
    await clock.advanceTo(first + 999);
    expect(store.writes).toBe(1);
    await clock.advanceTo(first + 1000);
    expect(store.writes).toBe(2);
    expect(store.store.tasks).toHaveLength(4);
    await clock.runUntilIdle();
    expect(store.writes).toBe(2);
  });

  it('flush writes pending changes at once; with nothing pending it writes nothing', () => {
    const { store, list } = setup();
    list.add('story', 'a');
    list.add('story', 'b');
    expect(store.writes).toBe(1);
    list.flush();
    expect(store.writes).toBe(2);
    expect(store.store.tasks).toHaveLength(2);
    list.flush();
    expect(store.writes).toBe(2);
  });

  it('dispose saves what is pending and leaves no timer behind', async () => {
    const { clock, store, list } = setup();
    list.add('story', 'a');
    list.add('story', 'b');
    list.dispose();
    expect(store.store.tasks).toHaveLength(2);
    expect(clock.pendingTimers).toBe(0);
    // A late change (a check that was in flight) is still saved, at once.
    list.applyCheck(taskKey('story', 'a'), {
      outcome: { type: 'status', status: 'SUCCESS', runId: 1, exceptionReason: null, message: null },
      checkedAt: clock.now(),
      nextCheckAt: null,
    });
    expect(store.store.tasks[0]?.status).toBe('SUCCESS');
    expect(clock.pendingTimers).toBe(0);
  });

  it('keeps a change whose write failed and saves it one interval later', async () => {
    const { clock, store, list } = setup(1000);
    store.failNextWrites = 1;
    list.add('story', 'a');
    expect(store.writes).toBe(0);
    await clock.advance(1000);
    expect(store.writes).toBe(1);
    expect(store.store.tasks.map((t) => t.taskId)).toEqual(['a']);
  });

  it('still saves within one interval after the wall clock is set back', async () => {
    const clock = new JumpingClock();
    const store = new CountingStore(undefined, () => clock.elapsed.now());
    const list = createWatchList({ store, clock, logger: silentLogger });
    list.add('story', 'a');
    expect(store.writes).toBe(1);
    // An NTP correction or a user fixing the date: the last write now looks an hour in the future.
    clock.jump(-3600_000);
    list.add('story', 'b');
    await clock.advance(1000);
    expect(store.writes).toBe(2);
    expect(store.store.tasks.map((t) => t.taskId).sort()).toEqual(['a', 'b']);
  });
});
