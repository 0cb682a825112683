import type { Clock, TimerHandle } from '../clock';

export interface WriteCoalescer {
  /** Something that matters changed: write now if the last write is at least `intervalMs` old, else once when it is. */
  markDirty(): void;
  /**
   * Only what moves with the clock changed (when a task was last checked): written with the next write, or
   * once the last write is `quietIntervalMs` old.
   */
  markStale(): void;
  /** Writes now if anything is pending; false when that write failed (the change stays pending). */
  flush(): boolean;
  /** A change the user made: written now, whenever the last write was; false when that write failed. */
  saveNow(): boolean;
  /**
   * A change the user made that is already on disk in the action journal: the document follows with the
   * next write, at most one interval later (so the journal is emptied), never inside the action itself.
   */
  markJournaled(): void;
  /** Writes what is pending and stops scheduling: later changes are written at once. */
  dispose(): void;
}

export interface WriteCoalescerOptions {
  /** At most one write per interval for changes that matter (statuses, history). */
  readonly intervalMs: number;
  /** At most one write per interval for changes that only move with the clock. */
  readonly quietIntervalMs: number;
}

/**
 * Bounds store writes to one per `intervalMs` under churn: the first change after a quiet spell is
 * written at once, later ones are batched into a single trailing write. Changes that only move with the
 * clock wait up to `quietIntervalMs`, so polling that learns nothing new leaves the disk at rest. `write`
 * returning false (it failed) keeps the change pending and tries again one interval later.
 */
export function createWriteCoalescer(
  clock: Clock,
  { intervalMs, quietIntervalMs }: WriteCoalescerOptions,
  write: () => boolean,
): WriteCoalescer {
  let pending: 'none' | 'stale' | 'dirty' = 'none';
  let disposed = false;
  let lastWriteAt = Number.NEGATIVE_INFINITY;
  let timer: TimerHandle | null = null;
  let timerAt = Number.POSITIVE_INFINITY;

  const writeNow = (): boolean => {
    cancel();
    if (pending === 'none') return true;
    const was = pending;
    lastWriteAt = clock.now();
    pending = 'none';
    if (write()) return true;
    // A failed write is retried one (short) interval later, whatever it held.
    pending = was === 'stale' ? 'dirty' : was;
    if (!disposed) schedule();
    return false;
  };

  const cancel = (): void => {
    if (timer !== null) clock.clearTimer(timer);
    timer = null;
    timerAt = Number.POSITIVE_INFINITY;
  };

  const waitFor = (): number => (pending === 'dirty' ? intervalMs : quietIntervalMs);

  const schedule = (): void => {
    const interval = waitFor();
    // Capped at one interval: after the wall clock is set back, the last write seems to lie in the future.
    const delay = Math.max(0, Math.min(interval, lastWriteAt + interval - clock.now()));
    const at = clock.now() + delay;
    if (timer !== null && timerAt <= at) return;
    cancel();
    timerAt = at;
    timer = clock.setTimer(writeNow, delay);
  };

  const mark = (level: 'stale' | 'dirty'): void => {
    if (pending !== 'dirty') pending = level;
    if (disposed || clock.now() - lastWriteAt >= waitFor()) writeNow();
    else schedule();
  };

  return {
    markDirty: () => mark('dirty'),
    markStale: () => mark('stale'),
    flush: writeNow,
    saveNow() {
      pending = 'dirty';
      return writeNow();
    },
    markJournaled() {
      pending = 'dirty';
      if (disposed) writeNow();
      else schedule();
    },
    dispose() {
      disposed = true;
      writeNow();
    },
  };
}
