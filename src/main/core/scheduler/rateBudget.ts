/**
 * At most `requestsPerWindow` requests in any rolling window of `windowMs`, shared by every task.
 *
 * A sliding log rather than a token bucket: a bucket holding `b` tokens that refills at `r` per second
 * lets `b + r - 1` requests through some one-second window, so "never more than r per second" would need
 * b = 1 and no burst at all. The log allows a burst of `requestsPerWindow` and still never exceeds it in
 * any window, which is what the budget promises.
 */
export class RateBudget {
  /** Send times of the last `requestsPerWindow` requests, oldest at `oldest`. */
  private readonly sent: number[] = [];
  private oldest = 0;

  constructor(
    readonly requestsPerWindow: number,
    readonly windowMs = 1_000,
  ) {}

  /** Whether a request may be sent at `now`. */
  canSend(now: number): boolean {
    return this.nextSlotAt(now) <= now;
  }

  /** The earliest time, at or after `now`, at which a request may be sent. */
  nextSlotAt(now: number): number {
    if (this.sent.length < this.requestsPerWindow) return now;
    const oldest = this.sent[this.oldest] ?? now;
    // A send time after `now` means the wall clock was set back: wait one window, not until it catches up.
    return Math.max(now, Math.min(oldest, now) + this.windowMs);
  }

  /** Records a request sent at `now`. */
  spend(now: number): void {
    if (this.requestsPerWindow === Infinity) return;
    if (this.sent.length < this.requestsPerWindow) {
      this.sent.push(now);
      return;
    }
    this.sent[this.oldest] = now;
    this.oldest = (this.oldest + 1) % this.sent.length;
  }
}
