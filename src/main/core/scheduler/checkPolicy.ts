/**
 * Which check goes next, and when each falls due: the scheduler's one pluggable decision. The scheduler
 * keeps the gates (pause, connection, key, rate limit, concurrency, budget) and the timer; a policy only
 * says how long a job waits between checks and, when several are due, which one the next free slot gets.
 * A new schedule is one more module implementing this (see schedulePolicies.ts).
 */
import type { TaskKind } from '../../../shared/taskKinds';
import type { TaskKey } from '../../../shared/watchedTask';
import type { DueCandidate } from './budgetChoice';
import type { DueItem } from './dueQueue';

/** The normal wait before a job's next check, before back-off and jitter. */
export interface Pace {
  readonly intervalMs: number;
  /** The least wait once jitter is applied (a promise the pace makes, e.g. never more often than 3 s). */
  readonly atLeastMs: number;
}

/** The due checks, as the scheduler's queue (the one owner of due times) shows them to a policy. */
export interface DueChecks {
  /** The most overdue check (the first queued among equals); the policy is asked only when it is due. */
  first(): DueItem<TaskKey>;
  /** A due check the user asked for (Check now, a task just added), the first they asked for. */
  askedFor(now: number): DueItem<TaskKey> | undefined;
  /** Every check due by `now`, in no particular order, with what is known of its job. */
  dueBy(now: number): Iterable<DueCandidate>;
  /** One round of the budget: how long it takes to check every polled task once (see budgetRoundMs). */
  roundMs(): number;
}

export interface CheckPolicy {
  /** The wait after a check of a `kind` job sent `ageMs` into its life; `share` is the responsiveness's. */
  pace(kind: TaskKind, ageMs: number, share: number): Pace;
  /** The due check the next free slot goes to. */
  next(due: DueChecks, now: number): DueItem<TaskKey>;
}
