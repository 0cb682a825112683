import { describe, expect, it } from 'vitest';
import { acceleratedClock } from '../../../src/main/core/clock/acceleratedClock';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';

const START = Date.UTC(2026, 0, 1);

describe('acceleratedClock', () => {
  it('starts at the base clock’s time and runs `speedup` times faster from there', async () => {
    const base = new VirtualClock(START);
    const fast = acceleratedClock(base, 100);
    expect(fast.now()).toBe(START);
    await base.advance(30);
    expect(fast.now()).toBe(START + 3_000);
    await base.advance(600);
    expect(fast.now()).toBe(START + 63_000);
    expect(base.now()).toBe(START + 630);
  });

  it('fires a timer after delay / speedup of base time, when its own time has reached the delay', async () => {
    const base = new VirtualClock(START);
    const fast = acceleratedClock(base, 1000);
    const firedAt: number[] = [];
    fast.setTimer(() => firedAt.push(fast.now()), 15_000);
    await base.advance(14);
    expect(firedAt).toEqual([]);
    await base.advance(1);
    expect(firedAt).toEqual([START + 15_000]);
  });

  it('keeps the order and proportions of several timers', async () => {
    const base = new VirtualClock(START);
    const fast = acceleratedClock(base, 10);
    const fired: string[] = [];
    fast.setTimer(() => fired.push('3 s'), 3_000);
    fast.setTimer(() => fired.push('1 s'), 1_000);
    fast.setTimer(() => fired.push('2 min'), 120_000);
    await base.advance(300);
    expect(fired).toEqual(['1 s', '3 s']);
    await base.advance(11_700);
    expect(fired).toEqual(['1 s', '3 s', '2 min']);
  });

  it('cancels a timer through the base clock', async () => {
    const base = new VirtualClock(START);
    const fast = acceleratedClock(base, 50);
    let fired = false;
    const handle = fast.setTimer(() => (fired = true), 5_000);
    fast.clearTimer(handle);
    expect(base.pendingTimers).toBe(0);
    await base.advance(1_000);
    expect(fired).toBe(false);
  });

  it('at speedup 1 is the base clock', async () => {
    const base = new VirtualClock(START);
    const same = acceleratedClock(base, 1);
    await base.advance(1234);
    expect(same.now()).toBe(base.now());
    same.setTimer(() => undefined, 500);
    expect(base.nextDueAt()).toBe(base.now() + 500);
  });

  it('returns whole milliseconds for fractional speedups', async () => {
    const base = new VirtualClock(START);
    const fast = acceleratedClock(base, 2.5);
    await base.advance(3);
    expect(fast.now()).toBe(START + 8);
    expect(Number.isInteger(fast.now())).toBe(true);
  });

  it.each([0, 0.5, -2, Number.NaN, Number.POSITIVE_INFINITY])('refuses the speedup %s', (speedup) => {
    expect(() => acceleratedClock(new VirtualClock(START), speedup)).toThrow(RangeError);
  });
});
