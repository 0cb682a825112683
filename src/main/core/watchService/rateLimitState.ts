import type { Clock, TimerHandle } from '../clock';

export interface RateLimitState {
  /** CAMB.AI asked to slow down: nothing is sent before `until`. */
  limited(until: number): void;
  /** An answer came: the limit is over before its time. */
  ended(): void;
  dispose(): void;
}

/** "Rate limited until …", told until CAMB.AI answers again or the time passes, whichever comes first. */
export function createRateLimitState(clock: Clock, publish: (until: number | null) => void): RateLimitState {
  let timer: TimerHandle | null = null;
  const clear = (): void => {
    if (timer !== null) clock.clearTimer(timer);
    timer = null;
  };
  return {
    limited(until) {
      publish(until);
      clear();
      timer = clock.setTimer(() => {
        timer = null;
        publish(null);
      }, until - clock.now());
    },
    ended() {
      clear();
      publish(null);
    },
    dispose: clear,
  };
}
