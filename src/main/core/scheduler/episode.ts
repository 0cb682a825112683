/**
 * A stretch of trouble (auth rejected, network down, rate limited) reported once, not once per request.
 *
 * Every request is stamped when sent. A failure whose stamp predates the current epoch was already in
 * flight when the episode began or ended, so it neither opens a new episode nor repeats the event.
 */
export class Episode {
  private epoch = 0;
  private current = false;

  get active(): boolean {
    return this.current;
  }

  /** The stamp a request carries, taken when it is sent. */
  stamp(): number {
    return this.epoch;
  }

  /** Opens an episode for a failure of a request with `stamp`; true when this failure is the one to report. */
  begin(stamp: number): boolean {
    if (this.current || stamp !== this.epoch) return false;
    this.current = true;
    return true;
  }

  /** Closes the episode; true when one was open. Requests sent before now become stale. */
  end(): boolean {
    if (!this.current) return false;
    this.current = false;
    this.epoch++;
    return true;
  }

  /** Like end(), but also makes requests already in flight stale when no episode was open (e.g. a new API key). */
  reset(): boolean {
    const wasActive = this.current;
    this.current = false;
    this.epoch++;
    return wasActive;
  }
}
