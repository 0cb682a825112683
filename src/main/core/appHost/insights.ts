import { INSIGHTS_DAYS, type Insights } from '../../../shared/contract/payloads';
import type { FinishedRun } from '../../../shared/durations';
import { TASK_KINDS } from '../../../shared/taskKinds';
import { DAY_MS } from '../../../shared/time';

/**
 * The Insights view's figures from the recorded runs: per kind, the endings of the last INSIGHTS_DAYS days
 * and the durations among them that are known (a job already finished when first checked counts as an
 * ending, but how long it took is not known).
 */
export function insightsFrom(runs: readonly FinishedRun[], now: number): Insights {
  const since = now - INSIGHTS_DAYS * DAY_MS;
  const recent = runs.filter((run) => run.finishedAt >= since);
  const kinds = TASK_KINDS.flatMap((kind) => {
    const ofKind = recent.filter((run) => run.kind === kind).sort((a, b) => a.finishedAt - b.finishedAt);
    if (ofKind.length === 0) return [];
    const succeeded = ofKind.filter((run) => run.succeeded).length;
    return [
      {
        kind,
        runs: ofKind
          .filter((run) => !run.lowerBound)
          .map(({ durationMs, finishedAt, succeeded: ok }) => ({ durationMs, finishedAt, succeeded: ok })),
        succeeded,
        failed: ofKind.length - succeeded,
      },
    ];
  });
  return { since, kinds };
}
