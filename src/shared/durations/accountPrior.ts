/**
 * A kind's prior, corrected by what the account's other kinds show (issue 18). Pure.
 *
 * Why: the built-in priors (TASK_KIND_TABLE) are wide on purpose (σ 1.0–1.2 in log-time: a kind's typical
 * time on one account may be a third or three times another's). Until a kind has finished runs of its own,
 * its estimates come from that prior, and they are too wide to hold the truth only 80 % of the time: on a
 * batch sent at once, half the estimates shown came from the prior and 98 % of them held it. Yet the rest
 * of the account is evidence: jobs that run three times slower than the priors say on one kind tend to on
 * the others (the same queue, the same plan, the same inputs), and how far each kind's runs stray from its
 * prior says how wide a kind's prior need be.
 *
 * So each kind is taken as its prior median times an account factor e^s times its own factor e^d:
 * ln T = ln m_kind + s + d_kind + ε. The other kinds' successes give residuals r = ln T − ln m_kind
 * (recency-weighted as survivalFit.ts weighs a kind's own runs, each where its kind's prior puts the ending
 * within its interval: successWithin); their mean estimates s and their spread the sum of the kind-to-kind
 * and the within-kind spread, which is what a kind with no runs of its own must allow for. Both are shrunk
 * towards the built-in prior (0 and its σ) by PRIOR_RUNS runs' worth, so a couple of runs move it little and
 * the built-in prior is what a new account gets. A kind's own runs are left out: they are in its own fit
 * already.
 *
 * Where it is not used: the tail of a job still running past every ending of its kind (survivalFit.ts)
 * keeps the built-in prior's breadth. What lies past the longest run on record is what nothing on record
 * shows, and a narrow tail there made the schedule hurry every job of a batch sent at once (1.06× the
 * adaptive schedule's requests, against 1.03× with the broad tail, for the same coverage).
 */
import { taskKindInfo, type TaskKind } from '../taskKinds';
import type { FinishedRun } from './finishedRun';
import type { DurationPrior } from './priors';
import { endedRunOf, priorPiece, successWithin } from './survivalFit';

/** A run this many account runs older than the newest weighs half as much. */
const HALF_LIFE_RUNS = 40;
/** Past this many runs back the weight is below a thousandth: the walk stops there. */
const RUNS_READ = 10 * HALF_LIFE_RUNS;
/** What the built-in prior is worth, in runs of other kinds. */
const PRIOR_RUNS = 6;
/** A kind's own factor may stray this far (σ in log-time) from the account's, on top of what is seen. */
const KIND_SPREAD = 0.35;
/** The residual of one run against its kind's built-in prior, at its ending as the fit places it. */
function residual(run: FinishedRun): number {
  const prior = priorPiece(taskKindInfo(run.kind).durationPrior);
  return successWithin(endedRunOf(run), prior).at - prior.mu;
}

/**
 * The prior for a new `kind` job from the account's `runs` (oldest first): the built-in one when the other
 * kinds have no successes on record, moving towards their shift and spread as they do.
 */
export function accountPrior(kind: TaskKind, runs: readonly FinishedRun[]): DurationPrior {
  const builtIn = taskKindInfo(kind).durationPrior;
  let weight = 0;
  let squares = 0;
  let sum = 0;
  let sumSquares = 0;
  let back = 0;
  for (let i = runs.length - 1; i >= 0 && back < RUNS_READ; i -= 1) {
    const run = runs[i];
    if (run === undefined || run.kind === kind || run.lowerBound || !run.succeeded) continue;
    const w = Math.exp((-Math.LN2 * back) / HALF_LIFE_RUNS);
    const r = residual(run);
    weight += w;
    squares += w * w;
    sum += w * r;
    sumSquares += w * r * r;
    back += 1;
  }
  if (weight === 0) return builtIn;
  const n = (weight * weight) / squares;
  const shift = sum / weight;
  const variance = Math.max(0, sumSquares / weight - shift * shift);
  const share = n / (n + PRIOR_RUNS);
  const spread = Math.sqrt(
    (1 - share) * builtIn.sigma ** 2 + share * (variance + KIND_SPREAD ** 2) + variance / (n + PRIOR_RUNS),
  );
  return { medianMs: builtIn.medianMs * Math.exp(share * shift), sigma: Math.min(builtIn.sigma, spread) };
}
