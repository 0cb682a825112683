/**
 * How much the network may shift one request's arrival against another's: requests sent a full window
 * apart can reach the server this much closer together.
 */
export const DEFAULT_ARRIVAL_JITTER_MS = 100;

/** The even spacing that keeps `perWindow` requests per window where they arrive, despite `jitterMs`. */
export function paceSpacingMs(
  perWindow: number,
  windowMs = 1_000,
  jitterMs = DEFAULT_ARRIVAL_JITTER_MS,
): number {
  return perWindow === Infinity ? 0 : Math.ceil((windowMs + jitterMs) / perWindow);
}

/**
 * One round of the budget: how long the budget takes to check every polled job once (`spacingMs` apart).
 * Stopped jobs are not polled, so they take no turn in a round. The budget notice tells the user when a
 * round outlasts a minute; the duration-aware policy lets no job wait more than a few rounds.
 */
export function budgetRoundMs(polledJobs: number, spacingMs: number): number {
  return polledJobs * spacingMs;
}

/**
 * At most `requestsPerWindow` requests in any rolling window of `windowMs`, shared by every task, counted
 * where the requests arrive rather than where they leave.
 *
 * Requests are paced, one every (window + jitter) / budget, with no burst: a burst of the whole budget at
 * the top of each window keeps the limit by the sender's clock, but two bursts a window apart meet at the
 * server once the network delays the first a little more than the second (up to 9 of a budget of 5 in
 * one second were seen). With even spacing any `budget + 1` requests in a row span at least window +
 * jitter when sent, so at least a window when they arrive.
 */
export class RateBudget {
  /** The least time between two requests; 0 without a limit. */
  readonly spacingMs: number;
  private lastSentAt: number | null = null;

  constructor(
    readonly requestsPerWindow: number,
    readonly windowMs = 1_000,
    readonly arrivalJitterMs = DEFAULT_ARRIVAL_JITTER_MS,
  ) {
    this.spacingMs = paceSpacingMs(requestsPerWindow, windowMs, arrivalJitterMs);
  }

  /** Whether a request may be sent at `now`. */
  canSend(now: number): boolean {
    return this.nextSlotAt(now) <= now;
  }

  /** The earliest time, at or after `now`, at which a request may be sent. */
  nextSlotAt(now: number): number {
    // A send time after `now` means the wall clock was set back: how long ago that was is unknown, and
    // waiting until the clock catches up would stall polling, so the next request may go.
    if (this.lastSentAt === null || this.lastSentAt > now) return now;
    return Math.max(now, this.lastSentAt + this.spacingMs);
  }

  /** Records a request sent at `now`. */
  spend(now: number): void {
    this.lastSentAt = now;
  }
}
