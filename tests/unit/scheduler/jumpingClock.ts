import type { Clock, TimerHandle } from '../../../src/main/core/clock/clock';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';

/**
 * A wall clock that can be set back or forward (NTP correction, a user changing the time, a restore from
 * sleep) while timers keep running on elapsed time, as Node's setTimeout does. Elapsed time is virtual.
 */
export class JumpingClock implements Clock {
  readonly elapsed: VirtualClock;
  private offset = 0;

  constructor(startAt?: number) {
    this.elapsed = new VirtualClock(startAt);
  }

  now(): number {
    return this.elapsed.now() + this.offset;
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    return this.elapsed.setTimer(callback, delayMs);
  }

  clearTimer(handle: TimerHandle): void {
    this.elapsed.clearTimer(handle);
  }

  /** Sets the wall clock `ms` forward (negative: back) without any time passing. */
  jump(ms: number): void {
    this.offset += ms;
  }

  advance(ms: number): Promise<void> {
    return this.elapsed.advance(ms);
  }
}
