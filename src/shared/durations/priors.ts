/**
 * What the app assumes of a kind before the user's own history says otherwise: a log-normal with this
 * median and spread (σ of the natural log of the duration). Each kind's is a field of its row in
 * TASK_KIND_TABLE (shared/taskKinds.ts), with where the numbers come from.
 */
export interface DurationPrior {
  readonly medianMs: number;
  readonly sigma: number;
}

/**
 * How many finished runs the prior is worth: with n runs of the user's own, the prior keeps a weight of
 * 3 / (n + 3) — a third after 6 runs, under a tenth after 27, so history takes over quickly.
 */
export const PRIOR_PSEUDO_RUNS = 3;
