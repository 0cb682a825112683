/**
 * The survival fit behind a kind's duration model: which kernels (log-normal pieces in log-time) make up
 * P(T > t), from finished runs and from jobs still running. Pure; durationModel.ts tabulates the result.
 *
 * Choices, and why (issue 18):
 * - **Right-censoring, Kaplan–Meier.** A job still running at age c says "T > c". Ignoring it biases the
 *   history towards short jobs whenever a batch runs together (at time t only the jobs shorter than t have
 *   finished, so every running one looks about to finish). The masses of the finished runs are the
 *   product-limit (Kaplan–Meier) estimator's, computed with weights: the same as Efron's
 *   "redistribute to the right", so a running job passes its share on to the runs longer than it. What no
 *   finished run is longer than stays with the running jobs as a tail: the kind's prior, conditioned on
 *   lasting longer than the job's age. Kaplan–Meier needs no shape; the kernels then only smooth it.
 * - **Interval censoring of the ending.** A run ended between the last PENDING answer and the first terminal
 *   one; its kernel sits where the outcome's prior puts the ending within that interval, with the spread
 *   the prior leaves there (momentsWithin), so a failure at 3 s first seen at 48 s is learned as "between
 *   3 s and 48 s", not as 48 s. Older stored runs without the interval keep a point.
 * - **Failure and success apart.** Each outcome gets its own kernel width (Silverman's rule on that outcome's
 *   runs), so a kind that fails in seconds and succeeds in minutes is not smeared into one wide hump.
 * - **A floor of early failures.** Every kind keeps at least EARLY_FAILURE_FLOOR of its mass on a failure in
 *   2–6 s (a refused job: no credits, a bad input), whatever its history says, so a job is always looked at
 *   while such a failure is possible; more while the rest of the account is being refused
 *   (earlyFailures.ts: refusals are the account's state, so other kinds' recent ones count).
 * - **A fitted tail where the runs thin out.** Past the point fewer than SPARSE_TAIL runs reach, the tail is
 *   a log-normal fitted to all of them when that is heavier than the few runs' own (sparseTail).
 * - **Recency.** Run i of n (oldest first) weighs 2^-((n-1-i)/HALF_LIFE_RUNS): after a drift, the last
 *   ~HALF_LIFE_RUNS runs carry half the weight, instead of the last 500 all weighing the same.
 */
import type { FinishedRun } from './finishedRun';
import { logNormalSurvival, meanBeyond, momentsWithin, type LogNormalPiece } from './logNormal';
import type { DurationPrior } from './priors';
import { PRIOR_PSEUDO_RUNS } from './priors';
import { quantileOfSorted } from './sampleQuantile';
import { fitCensoredLogNormal } from './censoredFit';

import { EARLY_FAILURE_FLOOR } from './earlyFailures';

/** Where that early failure sits: median 3.5 s, 80 % of it within about 2.2–5.5 s. */
const EARLY_FAILURE_MEDIAN_MS = 3_500;
const EARLY_FAILURE_SIGMA = 0.35;

/** A run this many runs older than the newest weighs half as much. */
export const HALF_LIFE_RUNS = 40;

/** The most running jobs a fit looks at (an even sample of them, each standing for its share). */
const MAX_RUNNING = 100;

/** The shortest time a kernel is placed at (the model's grid starts here). */
const FLOOR_MS = 250;

/** One finished run as the fit sees it: it ended somewhere in [fromMs, toMs] of its age. */
export interface EndedRun {
  readonly fromMs: number;
  readonly toMs: number;
  readonly failed: boolean;
}

/**
 * One piece of the mixture. A `from` kernel is conditioned on lasting past `fromLog`: up to it its survival
 * is 1 (a running job's tail).
 */
export interface Kernel {
  readonly logWeight: number;
  readonly mu: number;
  readonly sigma: number;
  readonly fromLog?: number;
  /** The piece stands for jobs that fail (the early-failure piece, a failed run's kernel). */
  readonly failed?: boolean;
}

/** ln P(T > e^x) under one kernel. */
export function kernelLogSurvival(kernel: Kernel, x: number): number {
  if (kernel.fromLog === undefined) return kernel.logWeight + logNormalSurvival(x, kernel.mu, kernel.sigma);
  if (x <= kernel.fromLog) return kernel.logWeight;
  return (
    kernel.logWeight +
    logNormalSurvival(x, kernel.mu, kernel.sigma) -
    logNormalSurvival(kernel.fromLog, kernel.mu, kernel.sigma)
  );
}

interface Observation {
  /** Log-time the product-limit estimator orders it by: where the ending is placed, or the running job's age. */
  readonly at: number;
  /** The variance (in log-time) of where in its interval the ending lies (0 for a point or a running job). */
  readonly variance: number;
  readonly weight: number;
  /** null: still running. */
  readonly failed: boolean | null;
  mass: number;
}

const logOf = (ms: number) => Math.log(Math.max(FLOOR_MS, ms));

/** A finished run as the fit sees it, its times multiplied by `scale` (a stale history's, see drift.ts). */
export function endedRunOf(run: FinishedRun, scale = 1): EndedRun {
  const fromMs = run.lastPendingMs ?? run.durationMs;
  return { fromMs: fromMs * scale, toMs: run.durationMs * scale, failed: !run.succeeded };
}

/** The prior as one log-normal piece, for placing an ending within its interval (momentsWithin). */
export function priorPiece(prior: DurationPrior): LogNormalPiece {
  return { logWeight: 0, mu: Math.log(prior.medianMs), sigma: prior.sigma };
}

/** Where `pieces` (restricted to a run's interval) put its ending in log-time, with the variance left there. */
function endingWithin(run: EndedRun, pieces: readonly LogNormalPiece[]): { at: number; variance: number } {
  const { mean, variance } = momentsWithin(pieces, logOf(Math.min(run.fromMs, run.toMs)), logOf(run.toMs));
  return { at: mean, variance };
}

/**
 * A success's ending: where `prior` puts it within its interval, with the variance left there. A narrow
 * interval comes out as its middle with a uniform's variance, as before. A wide one no longer does: under
 * a rate budget a speech job is seen pending at 0.3 s and done at 60 s, and the middle in log-time (4 s)
 * taught "speech takes 4 s" where the kind takes 5–20 s, and moved every other kind's prior short with it
 * (accountPrior.ts). The prior's breadth (σ ≥ 1) keeps it from overruling a narrow interval.
 */
export function successWithin(run: EndedRun, prior: LogNormalPiece): { at: number; variance: number } {
  return endingWithin(run, [prior]);
}

/**
 * Where a failure's ending is placed within its interval, and how uncertain that is: by the failure prior
 * restricted to the interval (`failurePrior`, see survivalKernels), not evenly over it. A refused job is
 * seen pending at 0 s and 3 s and failed at 6 s: spread evenly over 3–6 s, the failures of a kind that is
 * refused in 2–5 s were learned a second or more too late, and at 3 s old the interval's low end came out
 * 1–2.5 s away while the truth was 0–2 s (half of those intervals missed). The prior's early-failure piece
 * is where refusals happen, and within any interval of seconds it is the piece that carries the mass.
 */
const failureWithin = endingWithin;

function observationsOf(
  ended: readonly EndedRun[],
  runningMs: readonly number[],
  successPrior: LogNormalPiece,
  failurePrior: readonly LogNormalPiece[],
): Observation[] {
  const n = ended.length;
  const observations: Observation[] = ended.map((run, i) => ({
    ...(run.failed ? failureWithin(run, failurePrior) : successWithin(run, successPrior)),
    // Exponential decay by runs since: half the weight HALF_LIFE_RUNS runs back.
    weight: Math.exp((-Math.LN2 * (n - 1 - i)) / HALF_LIFE_RUNS),
    failed: run.failed,
    mass: 0,
  }));
  const sorted = [...runningMs].filter((ms) => Number.isFinite(ms) && ms > 0).sort((a, b) => a - b);
  const step = Math.max(1, sorted.length / MAX_RUNNING);
  for (let k = 0; k < sorted.length; k += step) {
    const ms = sorted[Math.floor(k)] ?? 0;
    // Running jobs are the newest evidence: full weight, each standing for `step` of them.
    observations.push({
      at: logOf(ms),
      variance: 0,
      weight: Math.min(step, sorted.length - k),
      failed: null,
      mass: 0,
    });
  }
  return observations;
}

/**
 * Kaplan–Meier with weights: each finished run's share of the probability; the share no finished run is
 * longer than goes to the running jobs past the last ending (their tails).
 */
function productLimit(observations: Observation[]): void {
  // Endings before running jobs at the same time: a job running at t is known to last beyond t.
  const order = [...observations].sort(
    (a, b) => a.at - b.at || (a.failed === null ? 1 : 0) - (b.failed === null ? 1 : 0),
  );
  let atRisk = order.reduce((sum, o) => sum + o.weight, 0);
  let survival = 1;
  let lastEnding = -Infinity;
  for (const o of order) {
    if (o.failed !== null && atRisk > 0) {
      o.mass = (survival * o.weight) / atRisk;
      survival -= o.mass;
      lastEnding = o.at;
    }
    atRisk -= o.weight;
  }
  const tail = order.filter((o) => o.failed === null && o.at >= lastEnding);
  const tailWeight = tail.reduce((sum, o) => sum + o.weight, 0);
  for (const o of tail) o.mass = tailWeight > 0 ? (Math.max(0, survival) * o.weight) / tailWeight : 0;
}

/**
 * Silverman's bandwidth with Jones's variance correction, for weighted points (`n` the effective count),
 * times `widthFactor` (PREDICTIVE_WIDTH).
 */
function smoothing(
  points: readonly Observation[],
  widthFactor: number,
): { mean: number; shrink: number; h: number } {
  const total = points.reduce((sum, p) => sum + p.mass, 0);
  const n = total ** 2 / points.reduce((sum, p) => sum + p.mass ** 2, 0);
  const mean = points.reduce((sum, p) => sum + p.mass * p.at, 0) / total;
  const variance = points.reduce((sum, p) => sum + p.mass * (p.at - mean) ** 2, 0) / total;
  const sd = Math.sqrt(variance * (n > 1 ? n / (n - 1) : 0));
  const sorted = points.map((p) => p.at).sort((a, b) => a - b);
  const iqr = quantileOfSorted(sorted, 0.75) - quantileOfSorted(sorted, 0.25);
  const spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
  const h = 0.9 * spread * n ** -0.2;
  const shrink = sd > 0 ? Math.sqrt(1 + (h * h) / (sd * sd)) : 1;
  // The floor of the old single-width fit: 0.5 with one run, 0.1 (about polling's own jitter) from 25 on.
  return {
    mean,
    shrink,
    h: widthFactor * Math.max(h / shrink, Math.max(0.1, 0.5 / Math.sqrt(Math.max(1, n)))),
  };
}

/**
 * Successes' kernels are this many times Silverman's width. Silverman's rule is the width that best draws a
 * density's shape; an interval meant to hold the truth 80 % of the time must also carry the error of the
 * fit itself (a few dozen recency-weighted runs, a history rescaled for drift), which the rule leaves out:
 * with it, the 80 % intervals held 71–74 % of the time on a burst after a drift. Tuned with the bench
 * families (1.2 brings every family within 75–85 %; 1.3 pushes the busiest past 85 %). Failures keep the
 * rule's width: theirs are already widened by their ending's interval (a job failing in seconds is seen
 * once or twice), and widening them further spread a fast failure past the seconds it happens in (the
 * fast failures' intervals held 68 % of the time instead of 72 %).
 */
const PREDICTIVE_WIDTH = 1.2;

/** The effective number of finished runs behind a fit (Kish's, from the recency weights). */
function effectiveRuns(observations: readonly Observation[]): number {
  const ended = observations.filter((o) => o.failed !== null);
  const sum = ended.reduce((s, o) => s + o.weight, 0);
  const squares = ended.reduce((s, o) => s + o.weight ** 2, 0);
  return squares > 0 ? sum ** 2 / squares : 0;
}

/** A running job's tail past every ending: the kind's prior, conditioned on lasting past its age `at`. */
function runningTail(at: number, tailPrior: DurationPrior): { mu: number; sigma: number; fromLog: number } {
  return { mu: Math.max(at, Math.log(tailPrior.medianMs)), sigma: tailPrior.sigma, fromLog: at };
}

/** Fewer runs than this (finished, or running and so known to last longer) beyond a time: the tail is sparse. */
const SPARSE_TAIL = 20;
/** Finished successes a log-normal fit needs before it may draw a tail. */
const MIN_FIT_RUNS = 20;

/** A log-normal piece for the tail past `fromLog` (conditioned on lasting that long), and its mass. */
interface TailFit {
  readonly piece: { readonly fromLog: number; readonly mu: number; readonly sigma: number };
  readonly mass: number;
}

/**
 * Where the runs thin out (fewer than SPARSE_TAIL reach past it), and the log-normal that draws the tail
 * from there when it is heavier than what those few runs say; null to keep the runs' own tail.
 *
 * Why: past the last few runs the product-limit estimator knows nothing (its tail ends at the longest run,
 * the smoothing adds a kernel's width), so a history whose longest dubs happen to be short cut every old
 * job's estimate short. A burst running ×2 after such a history: the dubs 50 min old were given at most
 * 47 more minutes where 104 held nine in ten (the 80 % intervals held 69 % of the time). A log-normal
 * fitted to every success and running job (censored at its age, fitCensoredLogNormal) reads the tail from
 * the whole body of the runs instead. It is used only when heavier than the runs' own tail (by the mean
 * log-time past the point): a heavy-tailed kind's few long runs already say more than a log-normal, whose
 * tail is lighter than theirs (Pareto durations: the intervals held 72 % with it against 79 % without).
 */
function sparseTail(
  observations: readonly Observation[],
  tailPrior: DurationPrior,
  kernelWidth: number,
): TailFit | null {
  const evidence = observations.filter((o) => o.failed !== true);
  if (evidence.filter((o) => o.failed === false).length < MIN_FIT_RUNS) return null;
  // A running observation stands for `weight` jobs (an even sample of them); a finished one for itself.
  let count = 0;
  const fromLog = [...evidence]
    .sort((a, b) => b.at - a.at)
    .find((o) => (count += o.failed === null ? o.weight : 1) >= SPARSE_TAIL)?.at;
  if (fromLog === undefined) return null;
  const beyond = evidence.filter((o) => o.at > fromLog && o.mass > 0);
  const mass = beyond.reduce((sum, o) => sum + o.mass, 0);
  if (!(mass > 0)) return null;
  const fit = fitCensoredLogNormal(
    evidence.map((o) => ({ at: o.at, variance: o.variance, weight: o.weight, censored: o.failed === null })),
  );
  // A tail lies past the fit's median. Short of it, the last SPARSE_TAIL runs are most of the runs (a few
  // dozen nearly equal ones): their kernels draw them better, and a fitted piece there made a model
  // narrower from 20 such runs than from 40.
  if (fit === null || fromLog <= fit.mu) return null;
  // Never narrower than a run's own kernel: a fit to nearly equal runs is no spread (σ 0.05, its floor).
  const sigma = Math.max(fit.sigma, kernelWidth);
  // The runs' own mean log-time past the point: a finished run's ending, a running job's tail (see below).
  const runsMean =
    beyond.reduce((sum, o) => {
      if (o.failed === false) return sum + o.mass * o.at;
      const shape = runningTail(o.at, tailPrior);
      return sum + o.mass * meanBeyond(o.at, shape.mu, shape.sigma);
    }, 0) / mass;
  return meanBeyond(fromLog, fit.mu, sigma) > runsMean
    ? { piece: { fromLog, mu: fit.mu, sigma }, mass }
    : null;
}

/**
 * The kernels of a kind's model: the prior worth PRIOR_PSEUDO_RUNS runs, the early-failure floor, one kernel
 * per finished run (Kaplan–Meier mass, its outcome's width, widened by its interval), a fitted tail where
 * the runs thin out (sparseTail), and a tail per running job past every ending, shaped by `tailPrior` (by
 * default the same prior).
 */
export function survivalKernels(
  prior: DurationPrior,
  ended: readonly EndedRun[],
  runningMs: readonly number[] = [],
  earlyFailure = EARLY_FAILURE_FLOOR,
  tailPrior: DurationPrior = prior,
): Kernel[] {
  // What a failure is before its own runs say more: within seconds (a refusal) or like the kind's jobs.
  const failurePrior: LogNormalPiece[] = [
    { logWeight: Math.log(earlyFailure), mu: Math.log(EARLY_FAILURE_MEDIAN_MS), sigma: EARLY_FAILURE_SIGMA },
    { logWeight: Math.log1p(-earlyFailure), mu: Math.log(prior.medianMs), sigma: prior.sigma },
  ];
  const observations = observationsOf(ended, runningMs, priorPiece(prior), failurePrior);
  const n = effectiveRuns(observations);
  const dataShare = (1 - earlyFailure) * (n / (n + PRIOR_PSEUDO_RUNS));
  const kernels: Kernel[] = [
    {
      logWeight: Math.log((1 - earlyFailure) * (PRIOR_PSEUDO_RUNS / (n + PRIOR_PSEUDO_RUNS))),
      mu: Math.log(prior.medianMs),
      sigma: prior.sigma,
    },
    {
      logWeight: Math.log(earlyFailure),
      mu: Math.log(EARLY_FAILURE_MEDIAN_MS),
      sigma: EARLY_FAILURE_SIGMA,
      failed: true,
    },
  ];
  if (n === 0) return kernels;
  productLimit(observations);
  const byOutcome = [false, true].map((failed) => {
    const group = observations.filter((o) => o.failed === failed && o.mass > 0);
    return {
      failed,
      group,
      smooth: group.length === 0 ? null : smoothing(group, failed ? 1 : PREDICTIVE_WIDTH),
    };
  });
  const tail = sparseTail(observations, tailPrior, byOutcome[0]?.smooth?.h ?? 0);
  // The runs past its start give their mass to the fitted tail, not kernels of their own.
  const inTail = (o: Observation) => tail !== null && o.failed !== true && o.at > tail.piece.fromLog;
  if (tail !== null) kernels.push({ logWeight: Math.log(dataShare * tail.mass), ...tail.piece });
  for (const { failed, group, smooth } of byOutcome) {
    if (smooth === null) continue;
    const { mean, shrink, h } = smooth;
    for (const o of group) {
      if (inTail(o)) continue;
      kernels.push({
        logWeight: Math.log(dataShare * o.mass),
        mu: mean + (o.at - mean) / shrink,
        sigma: Math.sqrt(h * h + o.variance),
        failed,
      });
    }
  }
  for (const o of observations) {
    if (o.failed !== null || !(o.mass > 0) || inTail(o)) continue;
    kernels.push({ logWeight: Math.log(dataShare * o.mass), ...runningTail(o.at, tailPrior) });
  }
  return kernels;
}
