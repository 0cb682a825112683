/** Duration models for scheduler tests, built by the real estimator from hand-made histories. */
import { buildDurationModel } from '../../../src/shared/durations';
import type { DurationModels, FinishedRun } from '../../../src/shared/durations';
import { TASK_KINDS } from '../../../src/shared/taskKinds';
import type { TaskKind } from '../../../src/shared/taskKinds';
import { T0 } from './harness';

/** Finished runs of `kind` that took `durationsMs`, as the watch list records them. */
export function runsOf(kind: TaskKind, durationsMs: readonly number[]): FinishedRun[] {
  return durationsMs.map((durationMs, i) => ({
    kind,
    durationMs,
    finishedAt: T0 + i,
    succeeded: true,
    lowerBound: false,
  }));
}

/** A model for every kind: from the history given for it, else the prior alone. */
export function modelsWith(history: Partial<Record<TaskKind, readonly number[]>> = {}): DurationModels {
  return Object.fromEntries(
    TASK_KINDS.map((kind) => [kind, buildDurationModel(kind, runsOf(kind, history[kind] ?? []))]),
  ) as DurationModels;
}

/** `count` durations spread evenly (±`spread`, as a share) around `typicalMs`. */
export function around(typicalMs: number, count = 40, spread = 0.2): number[] {
  return Array.from({ length: count }, (_, i) =>
    Math.round(typicalMs * (1 - spread + (2 * spread * i) / Math.max(1, count - 1))),
  );
}
