import type { Clock } from './clock';

/**
 * A clock on which time passes `speedup` times faster than on `base`: a 3 s poll interval waits 30 ms at
 * speedup 100. It lets the CLI's own process run whole polling timelines against a local test server in
 * a moment, with every interval, backoff and timeout keeping its proportions.
 */
export function acceleratedClock(base: Clock, speedup: number): Clock {
  if (!(speedup >= 1) || !Number.isFinite(speedup))
    throw new RangeError('speedup must be a finite number ≥ 1');
  const origin = base.now();
  return {
    now: () => Math.round(origin + (base.now() - origin) * speedup),
    setTimer: (callback, delayMs) => base.setTimer(callback, delayMs / speedup),
    clearTimer: (handle) => base.clearTimer(handle),
  };
}
