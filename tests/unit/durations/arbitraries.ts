/** What the estimator's property tests draw from: kinds, durations, and runs as the watch list records them. */
import fc from 'fast-check';
import type { FinishedRun } from '../../../src/shared/durations';
import { TASK_KINDS, type TaskKind } from '../../../src/shared/taskKinds';
import { runsOf as finishedRunsOf } from '../scheduler/durations';

export const MINUTE = 60_000;
export const HOUR = 3600_000;

export const kindArb = fc.constantFrom(...TASK_KINDS);
/** Durations from a second to a day, spread evenly in log-time. */
export const durationArb = fc
  .double({ min: Math.log(1000), max: Math.log(24 * HOUR), noNaN: true })
  .map(Math.exp);

/** Finished runs of `kind` as the watch list records them (whole milliseconds). */
export const runsOf = (kind: TaskKind, durations: readonly number[]): FinishedRun[] =>
  finishedRunsOf(kind, durations.map(Math.round));

/** One finished dub run of `durationMs`, with any field overridden. */
export const run = (durationMs: number, overrides: Partial<FinishedRun> = {}): FinishedRun => ({
  kind: 'dub',
  durationMs,
  finishedAt: 0,
  succeeded: true,
  lowerBound: false,
  ...overrides,
});
