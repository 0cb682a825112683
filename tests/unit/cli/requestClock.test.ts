import { describe, expect, it } from 'vitest';
import { MIN_REAL_REQUEST_TIMEOUT_MS, requestClockFor } from '../../../src/cli/requestClock';
import { acceleratedClock } from '../../../src/main/core/clock/acceleratedClock';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';

const START = Date.UTC(2026, 0, 1);

describe('requestClockFor', () => {
  it('without a speedup is the clock itself', () => {
    const clock = new VirtualClock(START);
    expect(requestClockFor(clock, 1)).toBe(clock);
  });

  it('under a speedup, lets a 15 s request timeout last at least the real-time minimum', async () => {
    const real = new VirtualClock(START);
    const fast = acceleratedClock(real, 1000);
    const requests = requestClockFor(fast, 1000);
    let abandoned = false;
    requests.setTimer(() => (abandoned = true), 15_000);
    // 15 s at 1000× would be 15 ms: far less than a fresh process needs for its first request.
    await real.advance(15);
    expect(abandoned).toBe(false);
    await real.advance(MIN_REAL_REQUEST_TIMEOUT_MS - 16);
    expect(abandoned).toBe(false);
    await real.advance(1);
    expect(abandoned).toBe(true);
  });

  it('keeps a timeout that is already longer than the minimum', async () => {
    const real = new VirtualClock(START);
    const slow = acceleratedClock(real, 2);
    const requests = requestClockFor(slow, 2);
    let abandoned = false;
    requests.setTimer(() => (abandoned = true), 15_000);
    await real.advance(7_499);
    expect(abandoned).toBe(false);
    await real.advance(1);
    expect(abandoned).toBe(true);
  });

  it('tells the accelerated time and cancels through it', async () => {
    const real = new VirtualClock(START);
    const fast = acceleratedClock(real, 1000);
    const requests = requestClockFor(fast, 1000);
    await real.advance(5);
    expect(requests.now()).toBe(fast.now());
    const handle = requests.setTimer(() => undefined, 15_000);
    requests.clearTimer(handle);
    expect(real.pendingTimers).toBe(0);
  });
});
