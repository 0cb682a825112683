import { taskKey } from '../src/shared/watchedTask';
import type { TaskKey } from '../src/shared/watchedTask';
import { logUniform } from './prng';

export interface BenchTask {
  readonly key: TaskKey;
  readonly taskId: string;
  readonly durationMs: number;
}

export const MIN_DURATION_MS = 30_000;
export const MAX_DURATION_MS = 2 * 3600_000;

/** `count` story tasks with durations log-uniform in 30 s – 2 h, drawn from `random`. */
export function makeWorkload(count: number, random: () => number): BenchTask[] {
  return Array.from({ length: count }, (_, i) => {
    const taskId = `bench-${String(i).padStart(5, '0')}`;
    return {
      key: taskKey('story', taskId),
      taskId,
      durationMs: Math.round(logUniform(random, MIN_DURATION_MS, MAX_DURATION_MS)),
    };
  });
}
