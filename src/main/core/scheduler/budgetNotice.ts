import { formatDuration } from '../../../shared/format/duration';
import { MAX_INTERVAL_MS } from './pollInterval';
import { budgetRoundMs } from './rateBudget';

/**
 * What to tell the user when the request budget cannot keep up, or null when it can.
 *
 * Every polled job is checked at least once a minute (the interval's cap), and the budget sends one request
 * every `spacingMs`: beyond 60 s / spacing jobs, a full round takes longer than a minute, and each job is
 * checked only once per round. Saying so beats letting checks quietly fall behind.
 */
export function budgetNotice(polledJobs: number, spacingMs: number): string | null {
  const roundMs = budgetRoundMs(polledJobs, spacingMs);
  if (!(roundMs > MAX_INTERVAL_MS)) return null;
  const jobs = `${polledJobs.toLocaleString('en-US')} active jobs`;
  return `${jobs}: each is checked about every ${formatDuration(roughly(roundMs))}.`;
}

/** To the nearest minute from two minutes on, else to the nearest 10 s: "about" needs no more. */
function roughly(ms: number): number {
  const step = ms >= 2 * 60_000 ? 60_000 : 10_000;
  return Math.round(ms / step) * step;
}
