/**
 * A kind's prior, corrected by what the account's other kinds have shown (issue 18). Pure.
 *
 * Each kind's prior (TASK_KIND_TABLE) is a guessed median with a broad σ, and the σ stands for two things:
 * how much one kind's durations vary (the input's length) and how far off the guess may be. The broad σ is
 * honest while nothing is known, but on an account whose other kinds have finished jobs it keeps showing
 * intervals that hold 97 % of the truth, where most estimates of a batch are shown (before its first job of
 * a slow kind ends). Both parts can be measured on the other kinds, as in an empirical-Bayes hierarchy
 * over kinds: ln T = ln(guess) + r_account + r_kind + ε, with ε the within-kind spread.
 * - The within-kind spread s̄: the pooled spread (in log-time) of the other kinds' recent successes.
 * - The account's offset r̄: the mean of the other kinds' (log median − log guess): an account whose
 *   speech and transcriptions run three times our guesses likely has slower stories too.
 * - How far one kind strays from that offset, τ: the other kinds' offsets' variance around r̄, with the
 *   prior's own guess error (what of σ² the within-kind spread does not explain) worth one kind, so one or
 *   two kinds narrow it little.
 * The corrected prior is the log-normal with median guess·e^r̄ and σ² = s̄² + τ² + τ²/K (the last for r̄'s
 * own uncertainty over K kinds), never wider than the table's. Without two kinds of MIN_RUNS successes
 * it is the table's prior unchanged.
 */
import { taskKindInfo, type TaskKind } from '../taskKinds';
import type { FinishedRun } from './finishedRun';
import type { DurationPrior } from './priors';
import { quantileOfSorted } from './sampleQuantile';

/** A kind counts once this many of its recent runs succeeded. */
const MIN_RUNS = 5;
/** The recent successes read per kind. */
const RUNS_READ = 50;
/** Kinds needed before the prior is corrected at all (one kind says nothing of how kinds differ). */
const MIN_KINDS = 2;

interface KindSummary {
  /** ln(median) − ln(guessed median). */
  readonly offset: number;
  /** Spread of ln(duration): the interquartile range over 1.349 (a normal's σ, robust to outliers). */
  readonly spread: number;
}

function summaries(kind: TaskKind, runs: readonly FinishedRun[]): KindSummary[] {
  const logs = new Map<TaskKind, number[]>();
  for (let i = runs.length - 1; i >= 0; i -= 1) {
    const run = runs[i];
    if (run === undefined || run.kind === kind || !run.succeeded || run.lowerBound) continue;
    const list = logs.get(run.kind) ?? [];
    if (list.length >= RUNS_READ) continue;
    // The ending lies between the last PENDING answer and the sighting: its middle in log-time.
    const from = Math.max(1, Math.min(run.lastPendingMs ?? run.durationMs, run.durationMs));
    list.push((Math.log(from) + Math.log(Math.max(1, run.durationMs))) / 2);
    logs.set(run.kind, list);
  }
  const found: KindSummary[] = [];
  for (const [other, list] of logs) {
    if (list.length < MIN_RUNS) continue;
    const sorted = [...list].sort((a, b) => a - b);
    found.push({
      offset: quantileOfSorted(sorted, 0.5) - Math.log(taskKindInfo(other).durationPrior.medianMs),
      spread: (quantileOfSorted(sorted, 0.75) - quantileOfSorted(sorted, 0.25)) / 1.349,
    });
  }
  return found;
}

/** `kind`'s prior given the account's `runs` of other kinds (oldest first). */
export function accountPrior(kind: TaskKind, runs: readonly FinishedRun[]): DurationPrior {
  const prior = taskKindInfo(kind).durationPrior;
  const kinds = summaries(kind, runs);
  const k = kinds.length;
  if (k < MIN_KINDS) return prior;
  const within = kinds.reduce((sum, s) => sum + s.spread ** 2, 0) / k;
  const offset = kinds.reduce((sum, s) => sum + s.offset, 0) / k;
  const guessError = Math.max(0, prior.sigma ** 2 - within);
  const stray = (kinds.reduce((sum, s) => sum + (s.offset - offset) ** 2, 0) + guessError) / k;
  const sigma = Math.min(prior.sigma, Math.sqrt(within + stray + stray / k));
  return { medianMs: prior.medianMs * Math.exp(offset), sigma };
}
