/**
 * The duration-aware schedule: checks go where finishes are likely, as the user's own history of each
 * kind says (the estimator in shared/durations; its prior alone is not used to pace checks, see
 * `pacesFrom`).
 *
 * Pace. Checking a pending job again after Δ costs one request; if it finishes within that Δ, it is
 * noticed on average about Δ/2 later. Over a job's life the mean delay is ∫ f(t)·Δ(t)/2 dt and the
 * requests ∫ S(t)/Δ(t) dt (f the density of its duration, S the chance it is still running, h = f/S the
 * chance per second of finishing now): the least delay for a given number of requests has Δ(t) ∝ 1/√h(t),
 * i.e. Δ · P(finish within Δ) the same at every age. So the next interval is the longest Δ in 3 s – 60 s
 * whose "lateness at risk", Δ · P(finish within Δ | still running), stays within a budget. A fixed chance
 * per interval instead (the Δ with P = p) spends about 1/p requests on every job whatever its kind and lets
 * the delay grow with the job's duration: in `npm run bench` scenario 1, p = 3 % gave 24.2 requests per
 * job and a mean delay of 6.1 s, this rule 25.3 and 5.3 s.
 *
 * Budget: see budgetChoice.ts, which spends it on the finish most likely gone unnoticed the longest.
 */
import type { Schedule } from '../../../shared/settings';
import type { TaskKind } from '../../../shared/taskKinds';
import { estimateRemaining, finishChance } from '../../../shared/durations';
import type { DurationModel, DurationModels } from '../../../shared/durations';
import { adaptiveInterval, MAX_INTERVAL_MS, MIN_INTERVAL_MS } from './pollInterval';
import type { IntervalPolicy } from './pollInterval';

/**
 * Lateness one interval may put at risk at the balanced responsiveness: Δ · P(finish within Δ). Tuned
 * with `npm run bench` so that jobs get no more requests than under the adaptive schedule (see README,
 * Benchmark).
 */
export const LATENESS_AT_RISK_MS = 300;

/** The balanced responsiveness's share: other responsiveness settings scale the lateness at risk from it. */
const BALANCED_SHARE = 0.1;

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
 * Milliseconds to wait after a check sent at `ageMs`: the longest interval in 3 s – 60 s whose lateness
 * at risk stays within the budget for this responsiveness (its share, as for the adaptive pace: a share
 * twice as large allows intervals about twice as long, so the budget grows with its square).
 *
 * Past the 90th percentile of its kind ("longer than usual") the pace is `pastUsual`'s, by age: there the
 * history has few runs to go on, and it only knows jobs that finished — a batch still running past every
 * job finished so far would look as if each were about to finish, and be checked every few seconds (in
 * `npm run bench` scenario 1b, 2,000 stories started together: 272 requests per job instead of 53).
 */
export function durationAwareInterval(
  model: DurationModel,
  ageMs: number,
  share: number,
  pastUsual: IntervalPolicy = adaptiveInterval,
): number {
  if (estimateRemaining(model, ageMs).longerThanUsual) return pastUsual(ageMs, share);
  const budget = LATENESS_AT_RISK_MS * (share / BALANCED_SHARE) ** 2;
  const atRisk = (intervalMs: number) => intervalMs * finishChance(model, ageMs, ageMs + intervalMs);
  if (atRisk(MAX_INTERVAL_MS) <= budget) return MAX_INTERVAL_MS;
  if (atRisk(MIN_INTERVAL_MS) >= budget) return MIN_INTERVAL_MS;
  // Lateness at risk grows with the interval, so bisection finds where it meets the budget.
  let short = MIN_INTERVAL_MS;
  let long = MAX_INTERVAL_MS;
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const middle = (short + long) / 2;
    if (atRisk(middle) <= budget) short = middle;
    else long = middle;
  }
  return Math.floor(short);
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
