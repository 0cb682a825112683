/**
 * The hold after CAMB.AI answers 429: no request goes out until its wait is over. The wait is CAMB's own
 * Retry-After, or our back-off when it names none (or names less), growing with each hold in a row.
 */
import type { RateLimited, StatusOutcome } from '../camb';
import { atLeastBackoff } from '../camb';
import { backoffDelayMs } from './backoff';
import type { BackoffPolicy } from './backoff';

export class RateLimitHold {
  private heldUntil: number | null = null;
  /** Until when CAMB's own Retry-After asked us to wait (the rest of a hold is our back-off); null: it did not. */
  private retryAfterUntil: number | null = null;
  /** Holds in a row, with no other answer in between: each waits longer, as back-off does. */
  private strikes = 0;

  constructor(private readonly backoff: BackoffPolicy) {}

  /** No request before this time; null when not held. */
  get until(): number | null {
    return this.heldUntil;
  }

  /** Whether requests wait at `now`; a hold whose time has come ends here. */
  holds(now: number): boolean {
    if (this.heldUntil === null) return false;
    if (now < this.heldUntil) return true;
    this.heldUntil = null;
    return false;
  }

  /** When CAMB's named wait runs out, while a hold lasts and it has not: asking sooner is only turned away. */
  retryAfterWaitUntil(now: number): number | null {
    const holding = this.heldUntil !== null && now < this.heldUntil;
    return holding && this.retryAfterUntil !== null && now < this.retryAfterUntil
      ? this.retryAfterUntil
      : null;
  }

  /** Any answer but a 429 ends the run of holds: the next starts again from the shortest back-off. */
  answered(outcome: StatusOutcome): void {
    if (outcome.type !== 'rate-limited') this.strikes = 0;
  }

  /**
   * A 429 holds every request until CAMB's wait is over. Returns when that is, and whether this answer
   * began the hold (the one to announce): answers to requests already in flight only extend it, silently.
   */
  begin(outcome: RateLimited, now: number): { readonly until: number; readonly began: boolean } {
    const began = this.heldUntil === null;
    if (began) this.strikes++;
    // A Retry-After shorter than the backoff ("0", a past date) is no advice: never faster than the backoff.
    const wait = atLeastBackoff(
      outcome.retryAfterMs,
      backoffDelayMs(Math.max(1, this.strikes), this.backoff),
    );
    const until = Math.max(this.heldUntil ?? now, now + wait);
    this.heldUntil = until;
    if (outcome.retryAfterMs !== null)
      this.retryAfterUntil = Math.max(this.retryAfterUntil ?? now, now + outcome.retryAfterMs);
    return { until, began };
  }

  /**
   * The answer to a retry sent through the hold: one CAMB answered ends it (true: announce that); one it
   * turned away again starts a new, longer hold (begin(), announced like the first); a network failure
   * says nothing.
   */
  retryAnswered(outcome: StatusOutcome): boolean {
    if (this.heldUntil === null) return false;
    if (outcome.type === 'rate-limited') {
      this.heldUntil = null;
      return false;
    }
    if (outcome.type === 'network') return false;
    this.heldUntil = null;
    this.retryAfterUntil = null;
    return true;
  }
}
