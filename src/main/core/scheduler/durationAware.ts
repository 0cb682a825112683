/**
 * The duration-aware schedule: checks go where finishes are likely, as the user's own history of each
 * kind says (the estimator in shared/durations; its prior alone is not used to pace checks, see
 * `pacesFrom`).
 *
 * Pace. Checking a pending job again after Δ costs one request; if it finishes within that Δ, it is
 * noticed on average about Δ/2 later. Over a job's life the mean delay is ∫ f(t)·Δ(t)/2 dt and the
 * requests ∫ S(t)/Δ(t) dt (f the density of its duration, S the chance it is still running, h = f/S the
 * chance per second of finishing now): the least delay for a given number of requests has Δ(t) ∝ 1/√h(t),
 * i.e. Δ · P(finish within Δ) the same at every age. The pace starts from the adaptive interval A (which
 * carries the product's detection bound) and departs from it only where the model is sure enough: sooner
 * where a finish within A is likely (lateness at risk Δ · P(finish within Δ) held to HURRY_CHANCE · A, a
 * budget that grows with the job, so long jobs are not checked more often than adaptive unless a finish is
 * likely now), later (up to 60 s) where a finish within the longer wait is most unlikely (WAIT_CHANCE).
 * Before issue 18 the budget was a fixed 0.3 s whatever the job: it spent more requests than adaptive on
 * workloads it was not tuned for (durations ×3, a batch at t = 0, drift); see README, Benchmark, families.
 *
 * Budget: see budgetChoice.ts, which spends it on the finish most likely gone unnoticed the longest.
 */
import type { Schedule } from '../../../shared/settings';
import type { TaskKind } from '../../../shared/taskKinds';
import { finishChance } from '../../../shared/durations';
import type { DurationModel, DurationModels } from '../../../shared/durations';
import { adaptiveInterval, MAX_INTERVAL_MS, MIN_INTERVAL_MS } from './pollInterval';
import type { IntervalPolicy } from './pollInterval';

/**
 * Hurry: a job is checked sooner than the adaptive pace only where its lateness at risk over the adaptive
 * interval A, A · P(finish within A), exceeds this share of A — that is, only where the model gives a
 * finish within A a chance above HURRY_CHANCE — and then at the longest Δ whose lateness at risk stays
 * within HURRY_CHANCE · A. The budget scales with the job (A grows with its age), so a 30-minute dub is
 * never checked more often than adaptive would unless a finish is likely now; a fixed budget (0.3 s before
 * issue 18) checked 10–60 min jobs every 12–30 s where adaptive waits 60 s. Tuned with the bench families.
 */
export const HURRY_CHANCE = 0.04;

/**
 * Wait: a job is checked later than the adaptive pace (up to 60 s) only while the model gives a finish
 * within that longer wait a chance of at most this: the adaptive bound holds for all but about that share
 * of jobs (issue 18 asks for 99 %), and requests are saved where finishes are unlikely (a dub's first
 * minutes). Tuned with the bench families.
 */
export const WAIT_CHANCE = 0.002;

/** Steps of the bisection for the interval: 3 s – 60 s to within 60 s / 2^12 ≈ 15 ms. */
const BISECTION_STEPS = 12;

/** Where the scheduler reads the models (rebuilt by the watch list as jobs finish); null: none known. */
export type DurationModelSource = () => DurationModels | null;

/**
 * Whether the pace for this kind comes from the model: only once the user's own history has at least one
 * finished job of the kind. Before that the schedule is today's adaptive one for that kind, as promised
 * ("degrades to today's policy with no history"): the prior is broad and made up from public figures, and
 * the adaptive pace has a detection bound the prior cannot promise.
 */
export function pacesFrom(model: DurationModel | undefined): model is DurationModel {
  return model !== undefined && model.basedOn > 0;
}

/**
 * The longest interval in [from, to] (ms) for which `fits` holds, given it holds at `from` and `fits` turns
 * false only once as the interval grows: bisection.
 */
function longestFitting(from: number, to: number, fits: (intervalMs: number) => boolean): number {
  if (fits(to)) return to;
  let short = from;
  let long = to;
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const middle = (short + long) / 2;
    if (fits(middle)) short = middle;
    else long = middle;
  }
  return Math.floor(short);
}

/**
 * Milliseconds to wait after a check sent at `ageMs`: the adaptive interval A (`pastUsual`, by age and the
 * responsiveness's share), shortened where a finish within A is likely (HURRY_CHANCE) and lengthened, up to
 * 60 s, where a finish within the longer wait is most unlikely (WAIT_CHANCE). Between the two the pace is
 * adaptive's, so the schedule spends about adaptive's requests and keeps its bound for all but a few jobs.
 *
 * The model behind it is censored (shared/durations/survivalFit.ts): a batch still running past every job
 * finished so far no longer looks as if each were about to finish, so no "longer than usual" guard is
 * needed (before issue 18 one switched to adaptive past the 90th percentile).
 */
export function durationAwareInterval(
  model: DurationModel,
  ageMs: number,
  share: number,
  pastUsual: IntervalPolicy = adaptiveInterval,
): number {
  const adaptive = Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, pastUsual(ageMs, share)));
  const chance = (intervalMs: number) => finishChance(model, ageMs, ageMs + intervalMs);
  const budget = HURRY_CHANCE * adaptive;
  const atRisk = (intervalMs: number) => intervalMs * chance(intervalMs);
  if (atRisk(adaptive) > budget) {
    if (atRisk(MIN_INTERVAL_MS) >= budget) return MIN_INTERVAL_MS;
    return longestFitting(MIN_INTERVAL_MS, adaptive, (intervalMs) => atRisk(intervalMs) <= budget);
  }
  if (chance(adaptive) > WAIT_CHANCE) return Math.floor(adaptive);
  return longestFitting(adaptive, MAX_INTERVAL_MS, (intervalMs) => chance(intervalMs) <= WAIT_CHANCE);
}

/** The chance that a job seen running at `lastCheckAgeMs` has finished by `nowAgeMs`. */
export function chanceFinishedSince(model: DurationModel, lastCheckAgeMs: number, nowAgeMs: number): number {
  if (nowAgeMs <= lastCheckAgeMs) return 0;
  return finishChance(model, Math.max(0, lastCheckAgeMs), nowAgeMs);
}

/**
 * How long a job seen running at `lastCheckAgeMs` has probably been finished unnoticed by `nowAgeMs`:
 * the integral of its chance of having finished over the wait (trapezoid rule on the middle and the end).
 * This is what a check now would save, and what the budget is spent on first.
 */
export function expectedUnnoticedMs(model: DurationModel, lastCheckAgeMs: number, nowAgeMs: number): number {
  if (nowAgeMs <= lastCheckAgeMs) return 0;
  const waitMs = nowAgeMs - lastCheckAgeMs;
  const middle = chanceFinishedSince(model, lastCheckAgeMs, lastCheckAgeMs + waitMs / 2);
  const end = chanceFinishedSince(model, lastCheckAgeMs, nowAgeMs);
  return (waitMs * (2 * middle + end)) / 4;
}

/** Whether the user's history knows any kind: without it the budget goes to the most overdue, as today. */
export function anyHistory(models: DurationModels | null): models is DurationModels {
  return models !== null && Object.values(models).some((model) => pacesFrom(model));
}

/** The model to pace or rank a job of `kind` with, if the schedule asks for one. */
export function modelFor(
  schedule: Schedule,
  models: DurationModels | null,
  kind: TaskKind,
): DurationModel | undefined {
  return schedule === 'duration-aware' && models !== null ? models[kind] : undefined;
}
