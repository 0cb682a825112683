import { useMemo } from 'react';
import { estimateRemaining, taskEstimate, type RemainingEstimate } from '../../shared/durations';
import type { TaskKind } from '../../shared/taskKinds';
import type { WatchedTask } from '../../shared/watchedTask';
import { useNow } from '../app/coreClock';
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
