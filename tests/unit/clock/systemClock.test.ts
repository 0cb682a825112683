import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../../src/main/core/clock/clock';

describe('systemClock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    vi.setSystemTime(Date.UTC(2026, 10, 28, 12));
  });
  afterEach(() => vi.useRealTimers());

  it('fires after the delay, once', () => {
    const fired = vi.fn();
    systemClock.setTimer(fired, 3_000);
    vi.advanceTimersByTime(2_999);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(fired).toHaveBeenCalledTimes(1);
  });

  it('still fires on time when the wall clock is set back meanwhile', () => {
    const fired = vi.fn();
    systemClock.setTimer(fired, 10_000);
    vi.setSystemTime(Date.now() - 3_600_000);
    vi.advanceTimersByTime(10_000);
    expect(fired).toHaveBeenCalledTimes(1);
  });

  it('waits out delays longer than setTimeout can hold (~24.8 days) instead of firing at once', () => {
    const fired = vi.fn();
    const thirtyDays = 30 * 24 * 3_600_000;
    systemClock.setTimer(fired, thirtyDays);
    vi.advanceTimersByTime(thirtyDays - 1_000);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(fired).toHaveBeenCalledTimes(1);
  });

  it('never fires a cleared timer', () => {
    const fired = vi.fn();
    const handle = systemClock.setTimer(fired, 1_000);
    systemClock.clearTimer(handle);
    vi.advanceTimersByTime(5_000);
    expect(fired).not.toHaveBeenCalled();
  });
});
