import type { Clock, TimerHandle } from '../clock';
import type { KeyTestOutcome } from './watchServiceTypes';
import { MINUTE_MS, SECOND_MS } from '../../../shared/time';

/** After a key was saved while CAMB.AI could not be reached: try again after these waits, the last repeating. */
const RETRY_DELAYS_MS = [15 * SECOND_MS, 30 * SECOND_MS, MINUTE_MS, 2 * MINUTE_MS, 5 * MINUTE_MS];

export interface KeyRecheckOptions {
  readonly clock: Clock;
  /** Tries the saved key once. */
  readonly probe: () => Promise<KeyTestOutcome>;
  /** CAMB.AI answered about the key: the recheck is over. */
  readonly onVerdict: (verdict: 'works' | 'rejected') => void;
  readonly retryDelaysMs?: readonly number[];
}

export interface KeyRecheck {
  /** A key was saved unchecked: try it again later, until CAMB.AI says whether it works. */
  start(): void;
  /** A good moment to try at once (connectivity came back); nothing happens when no check is due. */
  nudge(): void;
  /** The key was judged another way (a poll answered, the key changed). */
  stop(): void;
  /** Resolves once no probe is in flight. */
  whenIdle(): Promise<void>;
}

/** Checks an unchecked key at the next chance: on a timer that backs off, and whenever nudged. */
export function createKeyRecheck(options: KeyRecheckOptions): KeyRecheck {
  const { clock, probe, onVerdict } = options;
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  let active = false;
  // A probe of a key that has since been replaced or judged must not decide for the key in use.
  let generation = 0;
  let attempt = 0;
  let timer: TimerHandle | null = null;
  let inFlight: Promise<void> | null = null;

  function clearTimer(): void {
    if (timer !== null) clock.clearTimer(timer);
    timer = null;
  }

  function schedule(): void {
    clearTimer();
    const delay = delays[Math.min(attempt, delays.length - 1)] ?? MINUTE_MS;
    attempt += 1;
    timer = clock.setTimer(() => {
      timer = null;
      tryNow();
    }, delay);
  }

  function tryNow(): void {
    if (!active || inFlight !== null) return;
    clearTimer();
    const asked = generation;
    inFlight = probe()
      .then((outcome) => {
        if (!active || asked !== generation) return;
        if (outcome.verdict === 'inconclusive') schedule();
        else {
          active = false;
          onVerdict(outcome.verdict);
        }
      })
      .catch(() => {
        if (active && asked === generation) schedule();
      })
      .finally(() => {
        inFlight = null;
      });
  }

  return {
    start() {
      generation += 1;
      active = true;
      attempt = 0;
      schedule();
    },
    nudge: tryNow,
    stop() {
      generation += 1;
      active = false;
      clearTimer();
    },
    async whenIdle() {
      while (inFlight !== null) await inFlight;
    },
  };
}
