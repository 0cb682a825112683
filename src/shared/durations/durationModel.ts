import { DAY_MS } from '../time';
import { z } from 'zod';
import { TASK_KINDS, taskKindInfo, taskKindSchema, type TaskKind } from '../taskKinds';
import type { FinishedRun } from './finishedRun';
import { RUNS_KEPT_PER_KIND } from './finishedRun';
import { logNormalSurvival, logSumExp } from './logNormal';
import { PRIOR_PSEUDO_RUNS } from './priors';
import { quantileOfSorted } from './sampleQuantile';

/**
 * The log-time grid every model is tabulated on: 250 ms to 7 days, 160 points (about 10 % apart). Between
 * points the log-survival is interpolated linearly in log-time; past the last point it falls as a Pareto
 * tail (see TAIL_INDEX), so a job older than anything on the grid still gets an estimate.
 */
export const GRID_FROM_MS = 250;
export const GRID_TO_MS = 7 * DAY_MS;
export const GRID_POINTS = 160;

const LN_FROM = Math.log(GRID_FROM_MS);
const LN_STEP = (Math.log(GRID_TO_MS) - LN_FROM) / (GRID_POINTS - 1);

/** Beyond the grid: P(T > t) ∝ t^-2, so a job pending for a week is given about as long again, widely. */
const TAIL_INDEX = 2;

/**
 * A kernel's width in log-time never goes below this floor, which shrinks with the number of runs:
 * 0.5 with one run (the 80 % range of a lone run spans about 2×), 0.1 from 25 runs on (±10 %, about the
 * jitter polling itself adds to a measured duration).
 */
function bandwidthFloor(n: number): number {
  return Math.max(0.1, 0.5 / Math.sqrt(n));
}

/** Rounded to 4 decimals: keeps the model small on the wire; rounding keeps the values ordered. */
function compact(value: number): number {
  const rounded = Math.round(value * 1e4) / 1e4;
  return rounded === 0 ? 0 : rounded;
}

/**
 * What the app knows of how long jobs of one kind take: ln P(T > t) at each grid point (non-increasing,
 * ≤ 0), and how many finished runs it rests on (0: the prior alone). Small and serialisable: it travels
 * to the renderer and the CLI, and every estimate is computed from it without the runs.
 */
export const durationModelSchema = z.object({
  kind: taskKindSchema,
  basedOn: z.number().int().nonnegative(),
  logSurvival: z
    .array(z.number().finite().max(0))
    .length(GRID_POINTS)
    .refine((values) => values.every((value, i) => i === 0 || value <= (values[i - 1] ?? 0)), {
      error: 'a duration model must not rise',
    })
    .readonly(),
});

export interface DurationModel {
  readonly kind: TaskKind;
  readonly basedOn: number;
  readonly logSurvival: readonly number[];
}

export type DurationModels = Record<TaskKind, DurationModel>;

export const durationModelsSchema = z.object(
  Object.fromEntries(TASK_KINDS.map((kind) => [kind, durationModelSchema])) as Record<
    TaskKind,
    typeof durationModelSchema
  >,
);

interface Kernel {
  readonly logWeight: number;
  readonly mu: number;
  readonly sigma: number;
}

/**
 * One log-normal kernel per run: Silverman's rule of thumb for the bandwidth, with the variance
 * correction (Jones 1991) that pulls the kernels towards the mean so the mixture is no more spread than
 * the runs themselves (plain smoothing would make the 80 % range hold about 85 % of jobs); the width
 * never goes below the floor for n runs.
 */
function runKernels(logs: readonly number[], logWeight: number): Kernel[] {
  const n = logs.length;
  const mean = logs.reduce((sum, x) => sum + x, 0) / n;
  const sd = n > 1 ? Math.sqrt(logs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1)) : 0;
  const sorted = [...logs].sort((a, b) => a - b);
  const iqr = quantileOfSorted(sorted, 0.75) - quantileOfSorted(sorted, 0.25);
  const spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
  const h = 0.9 * spread * n ** -0.2;
  const shrink = sd > 0 ? Math.sqrt(1 + (h * h) / (sd * sd)) : 1;
  const sigma = Math.max(h / shrink, bandwidthFloor(n));
  return logs.map((x) => ({ logWeight, mu: mean + (x - mean) / shrink, sigma }));
}

/**
 * A kind's model from the runs of that kind: a kernel density in log-time (one log-normal per run, all
 * with the same bandwidth), mixed with the kind's prior worth PRIOR_PSEUDO_RUNS runs. Runs of other kinds
 * and lower-bound runs are left out; only the most recent RUNS_KEPT_PER_KIND count.
 */
export function buildDurationModel(kind: TaskKind, runs: readonly FinishedRun[]): DurationModel {
  const used = runs
    .filter((run) => run.kind === kind && !run.lowerBound)
    .slice(-RUNS_KEPT_PER_KIND)
    .map((run) => Math.log(Math.max(run.durationMs, GRID_FROM_MS)));
  const n = used.length;
  const prior = taskKindInfo(kind).durationPrior;
  const total = n + PRIOR_PSEUDO_RUNS;
  const kernels: Kernel[] = [
    {
      logWeight: Math.log(PRIOR_PSEUDO_RUNS / total),
      mu: Math.log(prior.medianMs),
      sigma: prior.sigma,
    },
  ];
  if (n > 0) kernels.push(...runKernels(used, Math.log(1 / total)));

  const terms = new Array<number>(kernels.length);
  const logSurvival: number[] = [];
  for (let i = 0; i < GRID_POINTS; i += 1) {
    const x = LN_FROM + i * LN_STEP;
    kernels.forEach((kernel, k) => {
      terms[k] = kernel.logWeight + logNormalSurvival(x, kernel.mu, kernel.sigma);
    });
    const value = compact(Math.min(0, logSumExp(terms)));
    // Guards the order against the last bits of floating-point error.
    logSurvival.push(Math.min(value, logSurvival[i - 1] ?? 0));
  }
  return { kind, basedOn: n, logSurvival };
}

/** Every kind's model from one list of runs. */
export function buildDurationModels(runs: readonly FinishedRun[]): DurationModels {
  return Object.fromEntries(
    TASK_KINDS.map((kind) => [
      kind,
      buildDurationModel(
        kind,
        runs.filter((run) => run.kind === kind),
      ),
    ]),
  ) as DurationModels;
}

/** ln P(T > ms) under the model. */
export function logSurvivalAt(model: DurationModel, ms: number): number {
  const values = model.logSurvival;
  const first = values[0] ?? 0;
  if (!(ms > 0)) return 0;
  if (ms <= GRID_FROM_MS) return first * (ms / GRID_FROM_MS);
  const position = (Math.log(ms) - LN_FROM) / LN_STEP;
  const last = values.length - 1;
  if (position >= last) return (values[last] ?? 0) - TAIL_INDEX * (position - last) * LN_STEP;
  const i = Math.floor(position);
  const a = values[i] ?? 0;
  const b = values[i + 1] ?? a;
  return a + (b - a) * (position - i);
}

/** The smallest time t with ln P(T > t) ≤ `target` (target ≤ 0): the inverse of logSurvivalAt. */
export function timeAtLogSurvival(model: DurationModel, target: number): number {
  if (target >= 0) return 0;
  const values = model.logSurvival;
  const first = values[0] ?? 0;
  if (target >= first) return first === 0 ? GRID_FROM_MS : GRID_FROM_MS * (target / first);
  const last = values.length - 1;
  const lastValue = values[last] ?? 0;
  if (target < lastValue) {
    return Math.exp(LN_FROM + (last + (lastValue - target) / (TAIL_INDEX * LN_STEP)) * LN_STEP);
  }
  // The first point at or below the target; values[0] is above it.
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] ?? 0) <= target) hi = mid;
    else lo = mid;
  }
  const above = values[lo] ?? 0;
  const below = values[hi] ?? 0;
  const fraction = above === below ? 0 : (above - target) / (above - below);
  return Math.exp(LN_FROM + (lo + fraction) * LN_STEP);
}

/** The duration jobs of this kind finish within with probability `p` (0 < p < 1). */
export function durationQuantileMs(model: DurationModel, p: number): number {
  return timeAtLogSurvival(model, Math.log1p(-p));
}
