import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';

describe('VirtualClock', () => {
  it('only moves when told to, and fires each timer at its own due instant', async () => {
    const clock = new VirtualClock(1_000);
    const seen: [string, number][] = [];
    clock.setTimer(() => seen.push(['b', clock.now()]), 300);
    clock.setTimer(() => seen.push(['a', clock.now()]), 100);
    expect(clock.now()).toBe(1_000);
    await clock.advance(250);
    expect(seen).toEqual([['a', 1_100]]);
    expect(clock.now()).toBe(1_250);
    await clock.advance(1_000);
    expect(seen).toEqual([
      ['a', 1_100],
      ['b', 1_300],
    ]);
    expect(clock.now()).toBe(2_250);
  });

  it('fires timers due at the same instant in the order they were set', async () => {
    const clock = new VirtualClock();
    const order: number[] = [];
    for (const n of [1, 2, 3]) clock.setTimer(() => order.push(n), 50);
    await clock.advance(50);
    expect(order).toEqual([1, 2, 3]);
  });

  it('runs timers set by a timer, and lets the promises they start settle before moving on', async () => {
    const clock = new VirtualClock(0);
    const log: string[] = [];
    clock.setTimer(() => {
      void Promise.resolve().then(() => log.push(`settled at ${clock.now()}`));
      clock.setTimer(() => log.push(`chained at ${clock.now()}`), 10);
    }, 10);
    await clock.advance(100);
    expect(log).toEqual(['settled at 10', 'chained at 20']);
  });

  it('never fires a cleared timer, and reports what is pending', async () => {
    const clock = new VirtualClock(0);
    let fired = false;
    const handle = clock.setTimer(() => (fired = true), 10);
    clock.setTimer(() => {}, 40);
    expect(clock.pendingTimers).toBe(2);
    clock.clearTimer(handle);
    expect(clock.nextDueAt()).toBe(40);
    await clock.runUntilIdle();
    expect(fired).toBe(false);
    expect(clock.pendingTimers).toBe(0);
    expect(clock.now()).toBe(40);
  });

  it('stops runUntilIdle at its limit when timers keep coming', async () => {
    const clock = new VirtualClock(0);
    const tick = () => clock.setTimer(tick, 1_000);
    tick();
    await clock.runUntilIdle(10_500);
    expect(clock.now()).toBe(10_000);
    expect(clock.pendingTimers).toBe(1);
  });
});
