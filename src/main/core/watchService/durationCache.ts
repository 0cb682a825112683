import {
  buildDurationModel,
  buildDurationModels,
  type DurationModels,
  type FinishedRun,
} from '../../../shared/durations';
import type { TaskKind } from '../../../shared/taskKinds';
import { isWatching, type WatchedTask } from '../../../shared/watchedTask';
import type { Clock, TimerHandle } from '../clock';

/**
 * How often the models are refitted for the jobs still running, when nothing finished meanwhile: they
 * count as "longer than their age" (right-censored, see shared/durations/survivalFit.ts), and they age.
 */
const RUNNING_REFIT_MS = 60_000;

/** How long the window may wait to hear of what finished jobs taught: a burst of endings makes one event. */
const DURATIONS_EVENT_DELAY_MS = 1000;

export interface DurationCacheOptions {
  readonly clock: Clock;
  /** The recorded runs, oldest first (the watch list's). */
  readonly finishedRuns: () => readonly FinishedRun[];
  /** The ages at `now` of the jobs still running, by kind; none when absent. */
  readonly runningAges?: (now: number) => Partial<Record<TaskKind, readonly number[]>>;
  /** The models changed: told once per burst of endings, with every kind's model. */
  readonly changed: (durations: DurationModels) => void;
}

export interface DurationCache {
  /** Every kind's model, rebuilt for the kinds that learned something since last asked. */
  current(): DurationModels;
  /** Runs of these kinds were recorded: their models are rebuilt when next asked for, and told soon. */
  learned(kinds: readonly TaskKind[]): void;
  dispose(): void;
}

/** The ages at `now` of the tasks still watched, by kind: evidence that each takes longer than that. */
export function runningAgesOf(
  tasks: readonly Pick<WatchedTask, 'kind' | 'addedAt' | 'status' | 'stoppedReason'>[],
  now: number,
): Partial<Record<TaskKind, number[]>> {
  const ages: Partial<Record<TaskKind, number[]>> = {};
  for (const task of tasks) {
    if (!isWatching(task) || !(now > task.addedAt)) continue;
    (ages[task.kind] ??= []).push(now - task.addedAt);
  }
  return ages;
}

/**
 * What finished runs teach of each kind's duration, built once and rebuilt only when a run is recorded:
 * estimates read it for every row and the scheduler at every decision.
 */
export function createDurationCache({
  clock,
  finishedRuns,
  runningAges = () => ({}),
  changed,
}: DurationCacheOptions): DurationCache {
  let fittedAt = clock.now();
  let durations: DurationModels = buildDurationModels(finishedRuns(), runningAges(fittedAt));
  // Kinds with runs the models do not include yet: many jobs ending together make one rebuild and one
  // event (each event carries every kind's model), not one per job.
  const staleKinds = new Set<TaskKind>();
  let timer: TimerHandle | null = null;

  function current(): DurationModels {
    const now = clock.now();
    const learnedRuns = staleKinds.size > 0;
    const running = learnedRuns || now - fittedAt >= RUNNING_REFIT_MS ? runningAges(now) : {};
    // A run of one kind is news to the others too (their prior and refusal share read the account's runs:
    // shared/durations/accountPrior.ts, earlyFailures.ts); of those, only the kinds still running are shown.
    if (learnedRuns || now - fittedAt >= RUNNING_REFIT_MS) {
      for (const kind of Object.keys(running) as TaskKind[]) staleKinds.add(kind);
    }
    if (now - fittedAt >= RUNNING_REFIT_MS) fittedAt = now;
    if (staleKinds.size === 0) return durations;
    const runs = finishedRuns();
    durations = { ...durations };
    for (const kind of staleKinds) durations[kind] = buildDurationModel(kind, runs, running[kind] ?? [], now);
    staleKinds.clear();
    return durations;
  }

  return {
    current,
    learned(kinds) {
      for (const kind of kinds) staleKinds.add(kind);
      if (timer !== null) return;
      timer = clock.setTimer(() => {
        timer = null;
        changed(current());
      }, DURATIONS_EVENT_DELAY_MS);
    },
    dispose() {
      if (timer !== null) clock.clearTimer(timer);
      timer = null;
    },
  };
}
