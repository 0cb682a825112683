import { useMemo } from 'react';
import { estimateRemaining, type RemainingEstimate } from '../../shared/durations';
import type { WatchedTask } from '../../shared/watchedTask';
import { useNow } from '../app/coreClock';
import { useDurationModels } from './useDurations';

/**
 * How much longer a running job probably takes, from how long jobs of its kind took, re-estimated as the
 * core's clock ticks; null until the core has sent what it learned.
 */
export function useEstimate(task: Pick<WatchedTask, 'kind' | 'addedAt'>): RemainingEstimate | null {
  const now = useNow();
  const model = useDurationModels()?.[task.kind];
  const ageMs = Math.max(0, now - task.addedAt);
  return useMemo(() => (model === undefined ? null : estimateRemaining(model, ageMs)), [model, ageMs]);
}
