/**
 * A log-normal fitted by maximum likelihood to runs of which some are only known to last longer than an
 * age (a job still running): the expectation–maximisation algorithm for a right-censored normal in
 * log-time. Pure.
 */
import { inverseMills } from './logNormal';

/** One run in log-time: ended at `at` (give or take `variance`), or, if `censored`, still running at `at`. */
export interface LogTimePoint {
  readonly at: number;
  readonly variance: number;
  readonly weight: number;
  readonly censored: boolean;
}

const ITERATIONS = 200;
const TOLERANCE = 1e-7;
/** Narrower than this is a fit to a handful of equal runs, not a spread. */
const MIN_SIGMA = 0.05;

/**
 * μ and σ of the normal in log-time that best explains `points`, or null without two ended runs. Each
 * step replaces a censored run by what the current fit expects of it given it lasts past its age (the
 * truncated normal's first two moments), then refits; the likelihood rises at every step.
 */
export function fitCensoredLogNormal(points: readonly LogTimePoint[]): { mu: number; sigma: number } | null {
  const ended = points.filter((p) => !p.censored && p.weight > 0);
  if (ended.length < 2) return null;
  const total = points.reduce((sum, p) => sum + p.weight, 0);
  const endedWeight = ended.reduce((sum, p) => sum + p.weight, 0);
  let mu = ended.reduce((sum, p) => sum + p.weight * p.at, 0) / endedWeight;
  let sigma = Math.max(
    MIN_SIGMA,
    Math.sqrt(ended.reduce((sum, p) => sum + p.weight * ((p.at - mu) ** 2 + p.variance), 0) / endedWeight),
  );
  for (let i = 0; i < ITERATIONS; i += 1) {
    let first = 0;
    let second = 0;
    for (const p of points) {
      if (!p.censored) {
        first += p.weight * p.at;
        second += p.weight * (p.at * p.at + p.variance);
        continue;
      }
      const mills = inverseMills(p.at, mu, sigma);
      first += p.weight * (mu + sigma * mills);
      second += p.weight * (mu * mu + sigma * sigma + sigma * mills * (p.at + mu));
    }
    const nextMu = first / total;
    const nextSigma = Math.max(MIN_SIGMA, Math.sqrt(Math.max(0, second / total - nextMu * nextMu)));
    const settled = Math.abs(nextMu - mu) < TOLERANCE && Math.abs(nextSigma - sigma) < TOLERANCE;
    mu = nextMu;
    sigma = nextSigma;
    if (settled) break;
  }
  return Number.isFinite(mu) && Number.isFinite(sigma) ? { mu, sigma } : null;
}
