/**
 * ln(erfc(x)) without underflow, so the far tail of a distribution stays ordered instead of reading 0.
 * Chebyshev fit of Numerical Recipes' erfcc (fractional error below 1.2e-7 everywhere), kept in log form.
 */
export function logErfc(x: number): number {
  if (x < 0) return Math.log(2 - Math.exp(logErfc(-x)));
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) - x * x + poly;
}

/** ln P(X > x) for X normal(mu, sigma). */
export function logNormalSurvival(x: number, mu: number, sigma: number): number {
  return Math.log(0.5) + logErfc((x - mu) / (sigma * Math.SQRT2));
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** φ(z) / P(Z > z) at z = (x − mu) / sigma (the inverse Mills ratio), in logs so a far tail stays finite. */
export function inverseMills(x: number, mu: number, sigma: number): number {
  const z = (x - mu) / sigma;
  return Math.exp(-(z * z) / 2 - LOG_SQRT_2PI - logNormalSurvival(x, mu, sigma));
}

/** E[X | X > x] for X normal(mu, sigma). */
export function meanBeyond(x: number, mu: number, sigma: number): number {
  return mu + sigma * inverseMills(x, mu, sigma);
}

/** ln(Σ exp(values)), stable for very negative values. */
export function logSumExp(values: readonly number[]): number {
  let max = -Infinity;
  for (const value of values) if (value > max) max = value;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (const value of values) sum += Math.exp(value - max);
  return max + Math.log(sum);
}

/** One normal piece of a mixture in log-time, with its log-weight. */
export interface LogNormalPiece {
  readonly logWeight: number;
  readonly mu: number;
  readonly sigma: number;
}

/** Midpoints the moments of a mixture within an interval are summed over. */
const WITHIN_POINTS = 24;

/**
 * The mean and variance of X ~ Σ pieces restricted to [from, to] (X in log-time): where a value known only
 * to lie in that interval most likely lies, as the mixture sees it. A midpoint sum; with no mass anywhere
 * in the interval (far out in every piece's tail, or a piece-less mixture), the interval's uniform moments.
 */
export function momentsWithin(
  pieces: readonly LogNormalPiece[],
  from: number,
  to: number,
): { mean: number; variance: number } {
  const width = to - from;
  if (!(width > 0)) return { mean: from, variance: 0 };
  const step = width / WITHIN_POINTS;
  const xs = Array.from({ length: WITHIN_POINTS }, (_, i) => from + (i + 0.5) * step);
  const logDensity = xs.map((x) =>
    logSumExp(pieces.map((p) => p.logWeight - Math.log(p.sigma) - ((x - p.mu) / p.sigma) ** 2 / 2)),
  );
  const top = Math.max(...logDensity);
  if (!Number.isFinite(top)) return { mean: from + width / 2, variance: (width * width) / 12 };
  const weights = logDensity.map((value) => Math.exp(value - top));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const mean = xs.reduce((sum, x, i) => sum + (weights[i] ?? 0) * x, 0) / total;
  const spread = xs.reduce((sum, x, i) => sum + (weights[i] ?? 0) * (x - mean) ** 2, 0) / total;
  // The sum's own resolution: each midpoint stands for a cell of width `step`.
  return { mean, variance: spread + (step * step) / 12 };
}
