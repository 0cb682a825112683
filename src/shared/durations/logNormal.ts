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

/** ln(Σ exp(values)), stable for very negative values. */
export function logSumExp(values: readonly number[]): number {
  let max = -Infinity;
  for (const value of values) if (value > max) max = value;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (const value of values) sum += Math.exp(value - max);
  return max + Math.log(sum);
}
