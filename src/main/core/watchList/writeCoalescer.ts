import type { Clock, TimerHandle } from '../clock/clock';

export interface WriteCoalescer {
  /** Something changed: write now if the last write is at least `intervalMs` old, else once when it is. */
  markDirty(): void;
  /** Writes now if anything is pending. */
  flush(): void;
  /** Writes what is pending and stops scheduling: later changes are written at once. */
  dispose(): void;
}

/**
 * Bounds store writes to one per `intervalMs` under churn: the first change after a quiet spell is
 * written at once, later ones are batched into a single trailing write. `write` returning false (it
 * failed) keeps the change pending and tries again one interval later.
 */
export function createWriteCoalescer(clock: Clock, intervalMs: number, write: () => boolean): WriteCoalescer {
  let dirty = false;
  let disposed = false;
  let lastWriteAt = Number.NEGATIVE_INFINITY;
  let timer: TimerHandle | null = null;

  const writeNow = (): void => {
    if (timer !== null) clock.clearTimer(timer);
    timer = null;
    if (!dirty) return;
    lastWriteAt = clock.now();
    dirty = !write();
    if (dirty && !disposed) schedule();
  };

  const schedule = (): void => {
    if (timer !== null) return;
    // Capped at one interval: after the wall clock is set back, the last write seems to lie in the future.
    timer = clock.setTimer(writeNow, Math.min(intervalMs, lastWriteAt + intervalMs - clock.now()));
  };

  return {
    markDirty() {
      dirty = true;
      if (disposed || clock.now() - lastWriteAt >= intervalMs) writeNow();
      else schedule();
    },
    flush: writeNow,
    dispose() {
      disposed = true;
      writeNow();
    },
  };
}
