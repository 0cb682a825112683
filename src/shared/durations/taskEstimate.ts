import { isWatching, type WatchedTask } from '../watchedTask';
import type { DurationModels } from './durationModel';
import { estimateRemaining, type RemainingEstimate } from './estimate';

type EstimatedTask = Pick<WatchedTask, 'kind' | 'addedAt' | 'status' | 'stoppedReason'>;

/**
 * A watched task's time remaining at `now` (its age counts from when it was added), or null for a task
 * that is no longer watched: finished, or stopped because CAMB.AI will not report on it.
 */
export function taskEstimate(
  task: EstimatedTask,
  models: DurationModels,
  now: number,
): RemainingEstimate | null {
  if (!isWatching(task)) return null;
  return estimateRemaining(models[task.kind], now - task.addedAt);
}
