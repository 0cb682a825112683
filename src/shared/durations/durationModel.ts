import { DAY_MS } from '../time';
import { z } from 'zod';
import { TASK_KINDS, taskKindInfo, taskKindSchema, type TaskKind } from '../taskKinds';
import type { FinishedRun } from './finishedRun';
import { RUNS_KEPT_PER_KIND } from './finishedRun';
import { logNormalSurvival, logSumExp, type LogNormalPiece } from './logNormal';
import { endedRunOf, kernelLogSurvival, priorPiece, successWithin, survivalKernels } from './survivalFit';
import { fitCensoredLogNormal } from './censoredFit';
import { earlyFailureShare } from './earlyFailures';
import { driftFactor } from './drift';
import { accountPrior } from './accountPrior';
import type { EndedRun, Kernel } from './survivalFit';

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

/** Rounded to 4 decimals: keeps the model small on the wire; rounding keeps the values ordered. */
function compact(value: number): number {
  const rounded = Math.round(value * 1e4) / 1e4;
  return rounded === 0 ? 0 : rounded;
}

const survivalGridSchema = z
  .array(z.number().finite().max(0))
  .length(GRID_POINTS)
  .refine((values) => values.every((value, i) => i === 0 || value <= (values[i - 1] ?? 0)), {
    error: 'a duration model must not rise',
  })
  .readonly();

/**
 * What the app knows of how long jobs of one kind take: ln P(T > t) at each grid point (non-increasing,
 * ≤ 0), and how many finished runs it rests on (0: the prior alone). Small and serialisable: it travels
 * to the renderer and the CLI, and every estimate is computed from it without the runs.
 */
export const durationModelSchema = z.object({
  kind: taskKindSchema,
  basedOn: z.number().int().nonnegative(),
  usualMs: z.number().finite().nonnegative(),
  logSurvival: survivalGridSchema,
  failureLogSurvival: survivalGridSchema.optional(),
});

export interface DurationModel {
  readonly kind: TaskKind;
  readonly basedOn: number;
  /**
   * What nine in ten jobs of this kind took when they finished: the finished runs' fit without the jobs
   * still running. "Longer than usual" is judged against it, since a late job's own age (a censored run in
   * the full fit) would otherwise push "usual" out ahead of it and no job would ever be late.
   */
  readonly usualMs: number;
  readonly logSurvival: readonly number[];
  /**
   * ln P(T > t, and the job fails) on the same grid: the failures' part of logSurvival, so an estimate can
   * hold a likely failure as well as a likely success (estimate.ts). Absent: not told apart.
   */
  readonly failureLogSurvival?: readonly number[];
}

export type DurationModels = Record<TaskKind, DurationModel>;

export const durationModelsSchema = z.object(
  Object.fromEntries(TASK_KINDS.map((kind) => [kind, durationModelSchema])) as Record<
    TaskKind,
    typeof durationModelSchema
  >,
);

/**
 * A kind's model from the runs of that kind and the ages of its jobs still running: the censored,
 * recency-weighted survival fit of survivalFit.ts (with the kind's prior worth PRIOR_PSEUDO_RUNS runs, moved
 * by what the account's other kinds show, accountPrior.ts, and the early-failure share: at least the floor,
 * more while other kinds are being refused, earlyFailures.ts), tabulated on the grid. `runs` are the
 * account's, oldest first: the fit itself leaves out other kinds' runs and lower-bound runs, and counts
 * only the most recent RUNS_KEPT_PER_KIND. Since other kinds' runs move the prior and the refusal share,
 * a run of any kind is news to every kind's model.
 */
export function buildDurationModel(
  kind: TaskKind,
  runs: readonly FinishedRun[],
  runningMs: readonly number[] = [],
  now?: number,
): DurationModel {
  const own = runs.filter((run) => run.kind === kind && !run.lowerBound).slice(-RUNS_KEPT_PER_KIND);
  // The prior from the account's other kinds; a running job's tail past every ending keeps the built-in
  // one's breadth (accountPrior.ts says why).
  const prior = accountPrior(kind, runs);
  const refused = earlyFailureShare(kind, runs);
  const fit = (ended: readonly EndedRun[], running: readonly number[]) =>
    survivalKernels(prior, ended, running, refused, taskKindInfo(kind).durationPrior);
  const asEnded = own.map((run) => endedRunOf(run));
  const finishedOnlyKernels = fit(asEnded, []);
  const finishedOnly = tabulate(finishedOnlyKernels);
  const drift = now === undefined ? null : historyDrift(own, runningMs, now, priorPiece(prior));
  const used =
    drift === null
      ? asEnded
      : own.map((run) =>
          endedRunOf(run, run.succeeded && run.finishedAt < drift.cohortStart ? drift.factor : 1),
        );
  const kernels = runningMs.length === 0 ? finishedOnlyKernels : fit(used, runningMs);
  const logSurvival = runningMs.length === 0 ? finishedOnly : tabulate(kernels);
  const failureLogSurvival = tabulate(
    kernels.filter((kernel) => kernel.failed === true),
    logSurvival,
  );
  const usualMs = durationQuantileMs(
    { kind, basedOn: own.length, usualMs: 0, logSurvival: finishedOnly },
    USUAL_P,
  );
  return { kind, basedOn: own.length, usualMs, logSurvival, failureLogSurvival };
}

/** Started before the oldest job still running: not of the current cohort. */
const startedBefore = (run: FinishedRun, at: number) => run.finishedAt - run.durationMs < at;

/** Fewer history runs than this cannot be told stale (the fit follows the cohort itself soon enough). */
const MIN_HISTORY_RUNS = 10;

/**
 * drift.ts's factor of the current cohort (the jobs started since the oldest one still running) over the
 * kind's successes that ended before it began; null when no change is shown or there is too little to tell.
 */
function historyDrift(
  own: readonly FinishedRun[],
  runningMs: readonly number[],
  now: number,
  prior: LogNormalPiece,
): { factor: number; cohortStart: number } | null {
  const oldest = Math.max(0, ...runningMs.filter(Number.isFinite));
  if (!(oldest > 0)) return null;
  const cohortStart = now - oldest;
  const history = own.filter((run) => run.succeeded && run.finishedAt < cohortStart);
  if (history.length < MIN_HISTORY_RUNS) return null;
  const shape = fitCensoredLogNormal(
    history.map((run) => ({ ...successWithin(endedRunOf(run), prior), weight: 1, censored: false })),
  );
  if (shape === null) return null;
  const cohort = own
    .filter((run) => run.succeeded && !startedBefore(run, cohortStart))
    .map((run) => endedRunOf(run));
  const factor = driftFactor((ms) => logNormalSurvival(Math.log(Math.max(1, ms)), shape.mu, shape.sigma), {
    ended: cohort,
    runningMs,
  });
  return factor === 1 ? null : { factor, cohortStart };
}

/** "Usual" is what nine in ten finished jobs took. */
const USUAL_P = 0.9;

/** Below this a part's ln-survival is kept at it: finite for the schema, and far past any estimate's need. */
export const PART_LOG_SURVIVAL_FLOOR = -700;

/**
 * ln P(T > t) at each grid point for a mixture of kernels (a part of a mixture: never above `whole` there,
 * so rounding cannot make a part outweigh the whole).
 */
function tabulate(kernels: readonly Kernel[], whole?: readonly number[]): number[] {
  const terms = new Array<number>(kernels.length);
  const logSurvival: number[] = [];
  for (let i = 0; i < GRID_POINTS; i += 1) {
    const x = LN_FROM + i * LN_STEP;
    kernels.forEach((kernel, k) => {
      terms[k] = kernelLogSurvival(kernel, x);
    });
    const raw = Math.min(0, logSumExp(terms));
    const value = compact(
      whole === undefined ? raw : Math.max(PART_LOG_SURVIVAL_FLOOR, Math.min(raw, whole[i] ?? 0)),
    );
    // Guards the order against the last bits of floating-point error.
    logSurvival.push(Math.min(value, logSurvival[i - 1] ?? 0));
  }
  return logSurvival;
}

/** Every kind's model from one list of runs. */
export function buildDurationModels(
  runs: readonly FinishedRun[],
  runningMs: Partial<Record<TaskKind, readonly number[]>> = {},
): DurationModels {
  return Object.fromEntries(
    TASK_KINDS.map((kind) => [
      kind,
      // Every kind's runs: refusals of other kinds count towards this kind's (earlyFailures.ts).
      buildDurationModel(kind, runs, runningMs[kind] ?? []),
    ]),
  ) as DurationModels;
}

/** ln P(T > ms) under the model. */
export function logSurvivalAt(model: DurationModel, ms: number): number {
  return valueOnGrid(model.logSurvival, ms);
}

/** logSurvivalAt on any ln-survival grid (a model's whole, or a part of it). */
export function valueOnGrid(values: readonly number[], ms: number): number {
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
  return timeOnGrid(model.logSurvival, target);
}

/** timeAtLogSurvival on any ln-survival grid (a model's whole, or a part of it). */
export function timeOnGrid(values: readonly number[], target: number): number {
  if (target >= 0) return 0;
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
