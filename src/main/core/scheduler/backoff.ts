import { MINUTE_MS, SECOND_MS } from '../../../shared/time';

/** Exponential backoff after consecutive failures: `baseMs`, then doubling, never above `maxMs`. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

/** 2 s, 4 s, 8 s, … capped at 5 minutes: long enough to spare a struggling server, short enough to notice recovery. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2 * SECOND_MS, maxMs: 5 * MINUTE_MS };

/** The wait after the `strikes`-th consecutive failure (strikes ≥ 1); 0 when there were none. */
export function backoffDelayMs(strikes: number, policy: BackoffPolicy): number {
  if (strikes <= 0) return 0;
  // Capping the exponent first keeps 2 ** n finite however long an outage lasts.
  const exponent = Math.min(strikes - 1, 52);
  return Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
}
