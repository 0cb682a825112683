/**
 * How likely a new job is to be refused within seconds, from what the rest of the account shows right now
 * (issue 18). Pure.
 *
 * Why across kinds, and why by recency: a job refused in seconds (no credits left, a plan limit, a bad key)
 * is the account's state, not the kind's. When credits run out, stories, dubs and speech are all refused
 * alike, so the refusals of other kinds are evidence for this one, long before this kind has a refusal of
 * its own on record. And the state changes: what counts is the last few runs, not the kind's 500. So the
 * share is a recency-weighted mean over the account's runs of other kinds (run i back weighs
 * 2^-(i / ACCOUNT_HALF_LIFE_RUNS)), shrunk towards EARLY_FAILURE_FLOOR by FLOOR_PSEUDO_RUNS runs' worth:
 * a single refusal among many successes moves it little, three in a row put it near a fifth. The kind's
 * own failures are already in its Kaplan–Meier fit (survivalFit.ts), so they are left out here.
 */
import type { TaskKind } from '../taskKinds';
import type { FinishedRun } from './finishedRun';

/** Every model keeps at least this share on a failure within seconds, whatever the account shows. */
export const EARLY_FAILURE_FLOOR = 0.01;

/** A failure whose last PENDING answer came at most this long after submission ended "within seconds". */
export const EARLY_FAILURE_WITHIN_MS = 10_000;

/** A run this many account runs older than the newest weighs half as much. */
export const ACCOUNT_HALF_LIFE_RUNS = 8;

/** What the floor is worth in runs: the share starts there and the account's runs move it. */
const FLOOR_PSEUDO_RUNS = 4;

/** Past this many runs back the weight is below a thousandth: the walk stops there. */
const ACCOUNT_RUNS_READ = 10 * ACCOUNT_HALF_LIFE_RUNS;

/** The run ended in a failure while it had been running only seconds. */
export function refusedEarly(run: FinishedRun): boolean {
  const lastPending = Math.min(run.lastPendingMs ?? run.durationMs, run.durationMs);
  return !run.succeeded && !run.lowerBound && lastPending <= EARLY_FAILURE_WITHIN_MS;
}

/**
 * The share of a new `kind` job's probability to put on a failure within seconds (≥ the floor), from the
 * account's `runs` oldest first (as mergeRuns keeps them).
 */
export function earlyFailureShare(kind: TaskKind, runs: readonly FinishedRun[]): number {
  let weight = FLOOR_PSEUDO_RUNS;
  let refused = FLOOR_PSEUDO_RUNS * EARLY_FAILURE_FLOOR;
  let back = 0;
  for (let i = runs.length - 1; i >= 0 && back < ACCOUNT_RUNS_READ; i -= 1) {
    const run = runs[i];
    if (run === undefined || run.kind === kind || run.lowerBound) continue;
    // Exponential decay by runs back, as survivalFit.ts weighs a kind's own runs.
    const w = Math.exp((-Math.LN2 * back) / ACCOUNT_HALF_LIFE_RUNS);
    weight += w;
    if (refusedEarly(run)) refused += w;
    back += 1;
  }
  return Math.max(EARLY_FAILURE_FLOOR, refused / weight);
}
