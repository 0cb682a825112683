import type { DurationModel } from './durationModel';
import { logSurvivalAt, timeAtLogSurvival } from './durationModel';

/** The 80 % interval: from the 10th to the 90th percentile. */
const LOW_P = 0.1;
const HIGH_P = 0.9;

/**
 * How much longer a job that is still pending at its age may take: the 10th, 50th and 90th percentile of
 * its remaining time given it has not finished yet. Never negative; a job past its kind's usual time gets
 * a later, wider estimate.
 */
export interface RemainingEstimate {
  readonly lowMs: number;
  readonly medianMs: number;
  readonly highMs: number;
  /** Older than 90 % of this kind's finished jobs were when they finished (the model's usualMs). */
  readonly longerThanUsual: boolean;
  /** How many finished runs the estimate rests on; 0 means the prior alone. */
  readonly basedOn: number;
}

function remainingQuantile(model: DurationModel, age: number, logSurvivalNow: number, p: number): number {
  return Math.max(0, timeAtLogSurvival(model, logSurvivalNow + Math.log1p(-p)) - age);
}

export function estimateRemaining(model: DurationModel, ageMs: number): RemainingEstimate {
  const age = Number.isFinite(ageMs) && ageMs > 0 ? ageMs : 0;
  const now = logSurvivalAt(model, age);
  return {
    lowMs: remainingQuantile(model, age, now, LOW_P),
    medianMs: remainingQuantile(model, age, now, 0.5),
    highMs: remainingQuantile(model, age, now, HIGH_P),
    longerThanUsual: age > model.usualMs,
    basedOn: model.basedOn,
  };
}

/**
 * P(T ≤ to | T > from): the chance a job pending at age `fromAgeMs` has finished by age `toAgeMs`. In
 * [0, 1], 0 when `to` is not later than `from`, non-decreasing in `to`.
 */
export function finishChance(model: DurationModel, fromAgeMs: number, toAgeMs: number): number {
  const from = Number.isFinite(fromAgeMs) && fromAgeMs > 0 ? fromAgeMs : 0;
  if (!(toAgeMs > from)) return 0;
  const drop = logSurvivalAt(model, toAgeMs) - logSurvivalAt(model, from);
  return Math.min(1, Math.max(0, -Math.expm1(Math.min(0, drop))));
}
