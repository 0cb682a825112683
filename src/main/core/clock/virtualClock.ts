import { DAY_MS } from '../../../shared/time';
import type { Clock, TimerHandle } from './clock';

interface PendingTimer {
  readonly id: number;
  readonly dueAt: number;
  readonly callback: () => void;
}

/** Lets promise chains started by a timer (an in-memory fetch, a store write) run before time moves on. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * A Clock that only moves when told to. Timers fire in due order (ties in creation order), each at its
 * own virtual instant, so `now()` inside a callback equals the time it was due.
 */
export class VirtualClock implements Clock {
  private current: number;
  private nextId = 1;
  private readonly timers = new Map<number, PendingTimer>();

  constructor(startAt = Date.UTC(2026, 0, 1)) {
    this.current = startAt;
  }

  now(): number {
    return this.current;
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { id, dueAt: this.current + Math.max(0, delayMs), callback });
    return { id };
  }

  clearTimer(handle: TimerHandle): void {
    this.timers.delete(handle.id);
  }

  /** How many timers are waiting to fire. */
  get pendingTimers(): number {
    return this.timers.size;
  }

  /** The due time of the earliest timer, or null when none is set. */
  nextDueAt(): number | null {
    return this.earliest()?.dueAt ?? null;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.current + ms);
  }

  /** Moves time forward to `target`, firing every timer due at or before it. */
  async advanceTo(target: number): Promise<void> {
    await settle();
    for (;;) {
      const next = this.earliest();
      if (next === undefined || next.dueAt > target) break;
      this.timers.delete(next.id);
      this.current = Math.max(this.current, next.dueAt);
      next.callback();
      await settle();
    }
    this.current = Math.max(this.current, target);
  }

  /** Fires timers one after another until none is left or `limitMs` of virtual time has passed. */
  async runUntilIdle(limitMs = 7 * DAY_MS): Promise<void> {
    const deadline = this.current + limitMs;
    for (;;) {
      const due = this.nextDueAt();
      if (due === null || due > deadline) return;
      await this.advanceTo(due);
    }
  }

  private earliest(): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const timer of this.timers.values()) {
      if (
        best === undefined ||
        timer.dueAt < best.dueAt ||
        (timer.dueAt === best.dueAt && timer.id < best.id)
      )
        best = timer;
    }
    return best;
  }
}
