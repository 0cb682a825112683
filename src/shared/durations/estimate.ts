import type { DurationModel } from './durationModel';
import {
  GRID_FROM_MS,
  PART_LOG_SURVIVAL_FLOOR,
  logSurvivalAt,
  timeAtLogSurvival,
  timeOnGrid,
  valueOnGrid,
} from './durationModel';

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
  const { lowMs, highMs } = holdingEachOutcome(
    model,
    age,
    remainingQuantile(model, age, now, LOW_P),
    remainingQuantile(model, age, now, HIGH_P),
  );
  return {
    lowMs,
    medianMs: remainingQuantile(model, age, now, 0.5),
    highMs,
    longerThanUsual: age > model.usualMs,
    basedOn: model.basedOn,
  };
}

/** An outcome at least this likely must be held by the interval as often as the whole is. */
const LIKELY_OUTCOME = LOW_P;
const HOLD = HIGH_P - LOW_P;

/**
 * The interval [lowMs, highMs] widened as little as needed for it to hold 80 % of each outcome (failing,
 * succeeding) that is at least LIKELY_OUTCOME likely at this age, not only 80 % of the whole.
 *
 * Why: when a kind is often refused within seconds, the whole's 10th percentile falls among those
 * refusals, so the interval leaves out the earliest third of them by its very construction. A job 3 s old
 * that fails in the next 0–2 s was held only 65–70 % of the time even by an exact model (an equal-tailed
 * interval of a mixture cuts its tails from whichever part lies at the ends). Widening the low end to the
 * failures' own 20th percentile costs a second or two on an interval minutes long, and holds them 80 % of
 * the time. Likewise a success among mostly refusals is not left above the high end.
 */
function holdingEachOutcome(
  model: DurationModel,
  age: number,
  lowMs: number,
  highMs: number,
): { lowMs: number; highMs: number } {
  const failures = model.failureLogSurvival;
  if (failures === undefined) return { lowMs, highMs };
  // A part's ln-survival at t (never read below the grid: its mass there is a job failing within 250 ms).
  const at = (values: readonly number[], t: number) => valueOnGrid(values, Math.max(GRID_FROM_MS, t));
  const whole = model.logSurvival;
  const successes = whole.map((value, i) => logDifference(value, failures[i] ?? -Infinity));
  let low = lowMs;
  let high = highMs;
  const wholeNow = at(whole, age);
  for (const part of [failures, successes]) {
    const partNow = at(part, age);
    if (!(Math.exp(partNow - wholeNow) >= LIKELY_OUTCOME)) continue;
    // The part's shares below the interval and above it, given the job is still running.
    const below = -Math.expm1(Math.min(0, at(part, age + low) - partNow));
    const above = Math.exp(Math.min(0, at(part, age + high) - partNow));
    if (1 - below - above >= HOLD) continue;
    if (below >= above) {
      low = Math.min(low, Math.max(0, timeOnGrid(part, partNow + Math.log1p(-(1 - HOLD - above))) - age));
    } else {
      high = Math.max(high, timeOnGrid(part, partNow + Math.log(1 - HOLD - below)) - age);
    }
  }
  return { lowMs: low, highMs: high };
}

/** ln(e^a − e^b) for a ≥ b, floored (as a model's parts are) where the difference vanishes. */
function logDifference(a: number, b: number): number {
  if (!(b < a)) return PART_LOG_SURVIVAL_FLOOR;
  return Math.max(PART_LOG_SURVIVAL_FLOOR, a + Math.log(-Math.expm1(b - a)));
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
