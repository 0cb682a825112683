import { isTerminalStatus } from '../taskStatus';
import type { WatchedTask } from '../watchedTask';
import { MAX_RUN_MS, RUNS_KEPT_PER_KIND, type FinishedRun } from './finishedRun';
import { MINUTE_MS } from '../time';

/** Below this, a gap between the last answer and the ending is ordinary polling, whatever the job's length. */
export const MEASURED_GAP_MS = 5 * MINUTE_MS;

type TaskFacts = Pick<WatchedTask, 'kind' | 'addedAt' | 'status' | 'lastCheckAt' | 'lastProblem'>;

/**
 * The run a check records when it brings the first terminal answer (`before` still unfinished, `status`
 * terminal); null for any other check. It ran from being added to that answer, as far as the app knows.
 *
 * It is flagged `lowerBound` (not known well enough to learn from, so left out of estimates) when:
 * - the first answer the app ever got was already an ending: the job ran, and perhaps finished, before it
 *   was watched (added late, imported, or added long after it was created);
 * - or the app heard nothing of the job for a long stretch before the ending (the app was closed, the
 *   computer asleep, polling paused, CAMB.AI unreachable): the last good answer is more than
 *   MEASURED_GAP_MS old and more than half the time measured until then, so when it ended is unclear.
 */
export function finishedRunOf(before: TaskFacts, status: string | null, at: number): FinishedRun | null {
  if (isTerminalStatus(before.status) || !isTerminalStatus(status)) return null;
  const durationMs = Math.round(Math.min(MAX_RUN_MS, Math.max(0, at - before.addedAt)));
  const firstAnswer = before.status === null;
  const lastAnswerAt = before.lastProblem === null ? before.lastCheckAt : null;
  const unheard =
    lastAnswerAt === null ||
    at - lastAnswerAt > Math.max(MEASURED_GAP_MS, (lastAnswerAt - before.addedAt) / 2);
  // The ending came after the last PENDING answer: store that age too, so the run is learned as "ended
  // between the two" (interval-censored), not as the moment the app happened to look.
  const lastPendingMs =
    !firstAnswer && lastAnswerAt !== null
      ? Math.min(durationMs, Math.max(0, Math.round(lastAnswerAt - before.addedAt)))
      : undefined;
  return {
    kind: before.kind,
    durationMs,
    finishedAt: at,
    succeeded: status === 'SUCCESS',
    lowerBound: firstAnswer || unheard,
    ...(lastPendingMs === undefined ? {} : { lastPendingMs }),
  };
}

/**
 * `runs` with `added` merged in, oldest first, each run once, at most RUNS_KEPT_PER_KIND per kind (the
 * oldest go first).
 */
export function mergeRuns(runs: readonly FinishedRun[], added: readonly FinishedRun[]): FinishedRun[] {
  const seen = new Set<string>();
  const merged = [...runs, ...added]
    .filter((run) => {
      const id = `${run.kind}|${run.finishedAt}|${run.durationMs}|${run.succeeded}|${run.lowerBound}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .sort((a, b) => a.finishedAt - b.finishedAt);
  const left = new Map<string, number>();
  for (const run of merged) left.set(run.kind, (left.get(run.kind) ?? 0) + 1);
  return merged.filter((run) => {
    const count = left.get(run.kind) ?? 0;
    left.set(run.kind, count - 1);
    return count <= RUNS_KEPT_PER_KIND;
  });
}
