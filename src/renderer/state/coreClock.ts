import { createContext, useContext, useSyncExternalStore } from 'react';

const TICK_MS = 1000;

/**
 * The core's time as seen from the window: ages and "next check" are measured against the clock that
 * wrote them (snapshot.now), not the window's own, which may differ (the web host runs a virtual one).
 * One timer serves every relative time on screen, and only while something shows one.
 */
export class CoreClock {
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private second: number;

  constructor(
    private offsetMs = 0,
    private readonly localNow: () => number = Date.now,
  ) {
    this.second = this.currentSecond();
  }

  /** Aligns with the core after a snapshot: `coreNow` is the core's time when it was taken. */
  syncTo(coreNow: number): void {
    this.offsetMs = coreNow - this.localNow();
    this.tick();
  }

  /**
   * A time the core has just written (a task's last check): the core's clock is at least there. Keeps the
   * window in step when the core's clock runs ahead of the window's (a virtual clock jumps; clocks drift).
   */
  observe(coreTime: number | null): void {
    if (coreTime === null) return;
    const behindBy = coreTime - this.now();
    if (behindBy <= 0) return;
    this.offsetMs += behindBy;
    this.tick();
  }

  now(): number {
    return this.localNow() + this.offsetMs;
  }

  /** The core's time to the second: stable between ticks, so readers re-render once a second at most. */
  nowToTheSecond = (): number => this.second;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.timer === null) this.timer = setInterval(() => this.tick(), TICK_MS);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer !== null) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  };

  private currentSecond(): number {
    return Math.floor(this.now() / TICK_MS) * TICK_MS;
  }

  private tick(): void {
    const second = this.currentSecond();
    if (second === this.second) return;
    this.second = second;
    for (const listener of [...this.listeners]) listener();
  }
}

export const CoreClockContext = createContext<CoreClock>(new CoreClock());

/** The core's current time, ticking once a second. */
export function useNow(): number {
  const clock = useContext(CoreClockContext);
  return useSyncExternalStore(clock.subscribe, clock.nowToTheSecond);
}
