/**
 * Time as the core sees it. Everything that waits takes a Clock, so tests and the benchmark drive the
 * same code in virtual time (see virtualClock.ts) and nothing ever sleeps for real.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` once, `delayMs` from now. */
  setTimer(callback: () => void, delayMs: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

export interface TimerHandle {
  readonly id: number;
}

/** setTimeout fires at once for delays beyond 2^31 - 1 ms (~24.8 days): longer waits are chained. */
const LONGEST_NATIVE_DELAY_MS = 2 ** 31 - 1;

/**
 * Timers count elapsed time on the monotonic clock, so setting the wall clock back (or an NTP correction)
 * cannot stall a poll or a timeout; `now()` is wall-clock time, as stored in the watch list.
 */
export const systemClock: Clock = (() => {
  let nextId = 1;
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  const arm = (id: number, callback: () => void, dueAtMonotonic: number) => {
    const remaining = Math.max(0, dueAtMonotonic - performance.now());
    const timer = setTimeout(
      () => {
        if (performance.now() < dueAtMonotonic) return arm(id, callback, dueAtMonotonic);
        timers.delete(id);
        callback();
      },
      Math.min(Math.ceil(remaining), LONGEST_NATIVE_DELAY_MS),
    );
    timers.set(id, timer);
  };
  return {
    now: () => Date.now(),
    setTimer(callback, delayMs) {
      const id = nextId++;
      arm(id, callback, performance.now() + Math.max(0, delayMs));
      return { id };
    },
    clearTimer(handle) {
      const timer = timers.get(handle.id);
      if (timer !== undefined) clearTimeout(timer);
      timers.delete(handle.id);
    },
  };
})();
