/**
 * Network failures in a row, with no answer in between: what "CAMB.AI cannot be reached" means. One request
 * that hangs until it times out while others are answered is a slow request, not an outage.
 *
 * Requests carry a sequence number taken when sent. An answer resets the streak only if its request was
 * sent after the latest failure arrived: an answer to an older request says nothing about the network since.
 */
export class FailureStreak {
  private count = 0;
  private lastFailureAfter = -1;

  /** How many failures in a row make CAMB.AI unreachable. */
  constructor(readonly threshold: number) {}

  /** A request failed to reach CAMB.AI; `latestSent` is the sequence number of the newest request sent so far. True once the streak is long enough. */
  fail(latestSent: number): boolean {
    this.count++;
    this.lastFailureAfter = latestSent;
    return this.count >= this.threshold;
  }

  /** A request (sent as number `sent`) was answered; true when that ends the streak. */
  answer(sent: number): boolean {
    if (sent <= this.lastFailureAfter) return false;
    this.count = 0;
    return true;
  }
}
