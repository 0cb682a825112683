import { useContext, useMemo } from 'react';
import { estimateRemaining, taskEstimate, type RemainingEstimate } from '../../shared/durations';
import type { ExpectedFinish } from '../../shared/taskOrder';
import type { TaskKind } from '../../shared/taskKinds';
import type { WatchedTask } from '../../shared/watchedTask';
import { CoreClockContext, useNow } from '../state/coreClock';
import { useDurationModels } from './useDurations';

/**
 * How much longer a watched job probably takes, from how long jobs of its kind took, re-estimated as the
 * core's clock ticks; null for a job no longer watched, or until the core has sent what it learned.
 */
export function useEstimate(task: WatchedTask): RemainingEstimate | null {
  const now = useNow();
  const models = useDurationModels();
  return useMemo(() => (models === null ? null : taskEstimate(task, models, now)), [models, task, now]);
}

/** How long jobs of a kind take from their start (its 80 % range), or null before the core said. */
export function useUsualDuration(kind: TaskKind): RemainingEstimate | null {
  const model = useDurationModels()?.[kind];
  return useMemo(() => (model === undefined ? null : estimateRemaining(model, 0)), [model]);
}

/**
 * When each running job is expected to end (now + the median time left), for the list's default order:
 * soonest first. Stable while nothing new was learned, so the list is not re-sorted on every tick.
 */
export function useExpectedFinish(): ExpectedFinish | undefined {
  const clock = useContext(CoreClockContext);
  const models = useDurationModels();
  return useMemo(() => {
    if (models === null) return undefined;
    return (task) => {
      const now = clock.now();
      const estimate = taskEstimate(task, models, now);
      return estimate === null ? null : now + estimate.medianMs;
    };
  }, [clock, models]);
}
