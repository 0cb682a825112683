/**
 * Has the kind's history gone stale? A change detector and a rescaling of the history (issue 18). Pure.
 *
 * The Kaplan–Meier fit (survivalFit.ts) lets a job still running count only up to its age, so when every
 * job now takes twice as long as the history says, the running jobs outweigh the history only once they
 * have outlived it: until then every estimate is the old one (a burst after four hours of history: 68 %
 * of the 80 % intervals held). Recency by run count cannot help while none of the new jobs has finished.
 *
 * Yet the running jobs are evidence at once: if the history says a story takes 4 min and 300 stories started
 * since are all still running at 6 min, the history no longer applies. So the jobs started since the oldest
 * job still running (the current cohort: those still running, right-censored at their age, and those
 * finished since, each known to have ended within its interval) are scored against a log-normal fitted to
 * the runs that had ended before the cohort began (the past: a run that overlapped the cohort is of neither,
 * which also keeps one burst from being tested against its own first finishes, whose late sightings under a
 * rate budget would read as a change) under an accelerated-failure-time model: the cohort's durations are
 * the history's times a factor c. The likelihood-ratio test against c = 1 at the 1 % level (2 Δℓ > 6.63, χ²
 * with one degree of freedom) is the change detector: a history that still fits is left as it is. When it
 * rejects, c is the end of the 99 % likelihood-ratio interval nearest 1: the least change the evidence
 * demands (with only running jobs the likelihood keeps rising with c, so its maximum would say nothing).
 * Then the history's runs are rescaled by c and the fit proceeds as before: the history keeps its shape (its
 * spread, its failures) at the new scale.
 *
 * Why a log-normal and not the history's own fit: while only running jobs are seen, the least change is
 * read off the history's lower tail (jobs alive at 10 min rule out any c under which a few percent of jobs
 * end sooner), and the own fit's lower tail is a handful of runs and the early-failure floor. One history
 * dub at its 2-minute floor read a ×2 burst as ×3.9 at 10 min and ×5.3 at 14.
 */

/** ln P(T > ms) under the history's fit. */
export type LogSurvival = (ms: number) => number;

/** χ²₁ at 99 %: the likelihood ratio a change must reach to be believed. */
const CHANGE_LR = 6.63;
/** The factor is looked for within ×1/8 – ×8. */
const MAX_LOG_FACTOR = Math.log(8);
/** Running jobs scored (an even sample, each standing for its share), as the fit does. */
const MAX_RUNNING = 100;
/** Finished runs of the cohort from which the likelihood's maximum is taken as the factor. */
const MIN_COHORT_ENDED = 5;
/** A maximum this close (in ln c) to the search's bound is the bound, not an estimate. */
const SEARCH_EDGE = 0.01;
/** A run known to a single time is taken as ending within the last tenth before it. */
const POINT_WIDTH = 0.9;

export interface Cohort {
  /** Finished since the oldest running job started: each ended within [fromMs, toMs] of its age. */
  readonly ended: readonly { readonly fromMs: number; readonly toMs: number }[];
  /** Ages of the jobs still running. */
  readonly runningMs: readonly number[];
}

/** ln P(from < T ≤ to) under `logS`, kept finite. */
function logWithin(logS: LogSurvival, fromMs: number, toMs: number): number {
  const from = Math.min(fromMs, POINT_WIDTH * toMs);
  const a = logS(from);
  const b = logS(toMs);
  // ln(e^a − e^b) with a ≥ b.
  return a + Math.log(Math.max(1e-12, -Math.expm1(Math.min(0, b - a))));
}

function sampleOf(values: readonly number[]): { value: number; weight: number }[] {
  const sorted = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  const step = Math.max(1, sorted.length / MAX_RUNNING);
  const sample: { value: number; weight: number }[] = [];
  for (let k = 0; k < sorted.length; k += step) {
    sample.push({ value: sorted[Math.floor(k)] ?? 0, weight: Math.min(step, sorted.length - k) });
  }
  return sample;
}

/**
 * The factor the cohort's durations are of the history's (1: no change shown). `logS` is the history's
 * fit; the cohort's log-likelihood at factor c is Σ ln P(from/c < T ≤ to/c) + Σ ln P(T > age/c).
 */
export function driftFactor(logS: LogSurvival, cohort: Cohort): number {
  const running = sampleOf(cohort.runningMs);
  if (running.length === 0) return 1;
  const logLikelihood = (logC: number) => {
    const c = Math.exp(logC);
    let sum = 0;
    for (const run of cohort.ended) sum += logWithin(logS, run.fromMs / c, Math.max(1, run.toMs) / c);
    for (const job of running) sum += job.weight * logS(job.value / c);
    return sum;
  };
  // Golden-section search for the maximum over ln c (the likelihood is smooth and, in practice, one hump).
  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo = -MAX_LOG_FACTOR;
  let hi = MAX_LOG_FACTOR;
  let x1 = hi - ratio * (hi - lo);
  let x2 = lo + ratio * (hi - lo);
  let f1 = logLikelihood(x1);
  let f2 = logLikelihood(x2);
  for (let i = 0; i < 40; i += 1) {
    if (f1 < f2) {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + ratio * (hi - lo);
      f2 = logLikelihood(x2);
    } else {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - ratio * (hi - lo);
      f1 = logLikelihood(x1);
    }
  }
  const best = f1 > f2 ? x1 : x2;
  const top = Math.max(f1, f2);
  if (!(2 * (top - logLikelihood(0)) > CHANGE_LR)) return 1;
  // Once enough of the cohort has finished, the likelihood has a maximum inside the search range: that is
  // the estimate (the least change demanded stayed short of it: on a burst running ×2 it said ×1.5 while
  // the cohort's own endings said ×1.85, and the intervals held 72 % of the time).
  if (cohort.ended.length >= MIN_COHORT_ENDED && Math.abs(best) < MAX_LOG_FACTOR - SEARCH_EDGE)
    return Math.exp(best);
  // Before that, the least change the data demand: the end of the 99 % likelihood-ratio interval nearest
  // c = 1. With only running jobs the likelihood rises for ever with c (they may take any time longer), so
  // the maximum itself would be the search's bound, not an estimate.
  let near = 0;
  let far = best;
  for (let i = 0; i < 30; i += 1) {
    const mid = (near + far) / 2;
    if (2 * (top - logLikelihood(mid)) > CHANGE_LR) near = mid;
    else far = mid;
  }
  return Math.exp(far);
}
