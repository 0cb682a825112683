import { useSyncExternalStore } from 'react';
import type { DurationModels } from '../../shared/durations';
import { useTaskStore } from '../state/useTaskStore';

/** The learned durations of every kind, or null before the core has sent them. */
export function useDurationModels(): DurationModels | null {
  const { durations } = useTaskStore();
  return useSyncExternalStore(durations.subscribe, () => durations.get());
}

/** A number that changes whenever the learned durations did: a job finished. */
export function useDurationsVersion(): number {
  const { durations } = useTaskStore();
  return useSyncExternalStore(durations.subscribe, () => durations.changes());
}
