import {
  buildDurationModel,
  buildDurationModels,
  type DurationModels,
  type FinishedRun,
} from '../../../shared/durations';
import type { TaskKind } from '../../../shared/taskKinds';
import type { Clock, TimerHandle } from '../clock';

/** How long the window may wait to hear of what finished jobs taught: a burst of endings makes one event. */
const DURATIONS_EVENT_DELAY_MS = 1000;

export interface DurationCacheOptions {
  readonly clock: Clock;
  /** The recorded runs, oldest first (the watch list's). */
  readonly finishedRuns: () => readonly FinishedRun[];
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

/**
 * What finished runs teach of each kind's duration, built once and rebuilt only when a run is recorded:
 * estimates read it for every row and the scheduler at every decision.
 */
export function createDurationCache({ clock, finishedRuns, changed }: DurationCacheOptions): DurationCache {
  let durations: DurationModels = buildDurationModels(finishedRuns());
  // Kinds with runs the models do not include yet: many jobs ending together make one rebuild and one
  // event (each event carries every kind's model), not one per job.
  const staleKinds = new Set<TaskKind>();
  let timer: TimerHandle | null = null;

  function current(): DurationModels {
    if (staleKinds.size === 0) return durations;
    const runs = finishedRuns();
    durations = { ...durations };
    for (const kind of staleKinds) durations[kind] = buildDurationModel(kind, runs);
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
