import type { Clock } from '../main/core/clock';

/**
 * Real time a request timeout lasts at least, whatever CAMB_WATCH_SPEEDUP says. Under a speedup every wait
 * shrinks, the 15 s request timeout included, but real I/O does not: a fresh Node process needs ~70 ms for
 * its first fetch, so at 1000× (15 ms) healthy requests were abandoned as "no answer within 15 s" and the
 * answers they carried (a 401, a Retry-After) were lost.
 */
export const MIN_REAL_REQUEST_TIMEOUT_MS = 2_000;

/**
 * The clock for the CAMB client: `clock` itself, except that under a speedup its timers (the request
 * timeout) last at least MIN_REAL_REQUEST_TIMEOUT_MS of real time. Messages still name the configured
 * timeout; polling, backoff and Retry-After stay accelerated on `clock`.
 */
export function requestClockFor(clock: Clock, speedup: number): Clock {
  if (speedup <= 1) return clock;
  const shortest = MIN_REAL_REQUEST_TIMEOUT_MS * speedup;
  return {
    now: () => clock.now(),
    setTimer: (callback, delayMs) => clock.setTimer(callback, Math.max(delayMs, shortest)),
    clearTimer: (handle) => clock.clearTimer(handle),
  };
}
