/**
 * Exponential backoff after consecutive failures: `baseMs`, then doubling, never above `maxMs`. Shared by
 * the scheduler, the CLI's retries and the web host's browser bridge, each with its own policy.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

/** The wait after the `strikes`-th consecutive failure (strikes ≥ 1); 0 when there were none. */
export function backoffDelayMs(strikes: number, policy: BackoffPolicy): number {
  if (strikes <= 0) return 0;
  // Capping the exponent first keeps 2 ** n finite however long an outage lasts.
  const exponent = Math.min(strikes - 1, 52);
  return Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
}
