import {
  isTransientFailure,
  type RequestFailure,
  type StatusOutcome,
  type TransientFailure,
} from '../main/core/camb';
import { atLeastBackoff } from '../main/core/camb';
import type { Clock } from '../main/core/clock';
import { backoffDelayMs, DEFAULT_BACKOFF } from '../main/core/scheduler';

const ATTEMPTS = 3;
/** A one-shot command waits at most this long for a Retry-After; longer, and it reports and exits. */
const LONGEST_WAIT_MS = 30_000;

function isTransient(outcome: { type: string }): outcome is TransientFailure {
  return isTransientFailure(outcome as StatusOutcome);
}

/**
 * Runs a one-shot request (status, result) up to three times while it meets only temporary faults, so a
 * single 502 does not fail a script; returns the last outcome either way.
 */
export async function retryTransient<O extends { type: string }>(
  clock: Clock,
  attempt: () => Promise<O>,
  onRetry: (failure: RequestFailure, waitMs: number) => void,
): Promise<O> {
  let outcome = await attempt();
  for (let tries = 1; tries < ATTEMPTS && isTransient(outcome); tries++) {
    const suggested = outcome.type === 'rate-limited' ? outcome.retryAfterMs : null;
    // The app's own backoff (2 s, then 4 s). A Retry-After shorter than it ("0", a past date) would have a
    // limited server asked at once.
    const waitMs = atLeastBackoff(suggested, backoffDelayMs(tries, DEFAULT_BACKOFF));
    if (waitMs > LONGEST_WAIT_MS) break;
    onRetry(outcome, waitMs);
    await new Promise<void>((resolve) => clock.setTimer(resolve, waitMs));
    outcome = await attempt();
  }
  return outcome;
}
