/**
 * Which due check the shared rate budget sends next under the duration-aware schedule (the adaptive one
 * sends the most overdue): a check the user asked for, then any job kept waiting past the starvation limit
 * (most overdue first), then the job whose finish has most likely gone unnoticed the longest: its chance
 * of having finished since it was last looked at, P(T ≤ t | T > age at the last check), summed over the
 * time waited. The chance alone ranks a job checked
 * seconds ago that is likely done (speech) above one likely done for a minute (a story), and so spends the
 * budget on short jobs: in `npm run bench` scenario 2 the chance alone gave a p95 delay of 106 s, the chance
 * summed over the wait 79 s.
 */
import type { DurationModels } from '../../../shared/durations';
import type { TaskKind } from '../../../shared/taskKinds';
import type { TaskKey } from '../../../shared/watchedTask';
import type { DueItem } from './dueQueue';
import { expectedUnnoticedMs } from './durationAware';

/** A due check and what the scheduler knows of its job. */
export interface DueCandidate {
  readonly item: DueItem<TaskKey>;
  readonly kind: TaskKind;
  readonly addedAt: number;
  /** When it was last checked; null if never (then it was running, as far as anyone knows, when added). */
  readonly lastCheckAt: number | null;
  /** The user asked for this job alone. */
  readonly urgent: boolean;
}

/** [tier, order within it]: lower goes first. */
function rank(
  candidate: DueCandidate,
  now: number,
  starvedBefore: number,
  models: DurationModels,
): readonly [number, number] {
  const { item, urgent, kind, addedAt } = candidate;
  if (urgent) return [0, item.dueAt];
  const lastCheckAt = candidate.lastCheckAt ?? addedAt;
  if (lastCheckAt <= starvedBefore) return [1, item.dueAt];
  return [2, -expectedUnnoticedMs(models[kind], lastCheckAt - addedAt, now - addedAt)];
}

/** The candidate to send now (the first of equals), or undefined when there is none. */
export function chooseNextCheck(
  candidates: Iterable<DueCandidate>,
  now: number,
  starvationLimitMs: number,
  models: DurationModels,
): DueItem<TaskKey> | undefined {
  const starvedBefore = now - starvationLimitMs;
  let best: DueItem<TaskKey> | undefined;
  let bestRank: readonly [number, number] = [Infinity, Infinity];
  for (const candidate of candidates) {
    const [tier, order] = rank(candidate, now, starvedBefore, models);
    if (tier < bestRank[0] || (tier === bestRank[0] && order < bestRank[1])) {
      best = candidate.item;
      bestRank = [tier, order];
    }
  }
  return best;
}
