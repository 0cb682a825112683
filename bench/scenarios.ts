import { DEFAULT_MAX_CONCURRENT, DEFAULT_RATE_PER_SECOND, fixedInterval } from '../src/main/core/scheduler';
import type { IntervalPolicy } from '../src/main/core/scheduler';
import { mulberry32 } from './prng';
import { simulate } from './simulate';
import type { SimulationResult } from './simulate';
import { mean, peakInWindow, peakPerBucket, percentile, round } from './stats';
import { makeWorkload } from './workload';

export const SEED = 20260101;

export type StrategyName = 'adaptive' | 'fixed-3s' | 'fixed-5s';

export interface StrategyFigures {
  readonly name: StrategyName;
  readonly requests_per_task_mean: number;
  readonly delay_p50_s: number;
  readonly delay_p95_s: number;
  readonly delay_max_s: number;
  readonly within_bound_pct: number;
}

export interface ConcurrentFigures {
  readonly tasks: number;
  readonly budget_requests_per_s: number;
  readonly max_concurrent: number;
  readonly peak_requests_per_s: number;
  readonly peak_requests_any_1s_window: number;
  readonly requests_total: number;
  readonly delay_p50_s: number;
  readonly delay_p95_s: number;
  readonly delay_max_s: number;
  readonly within_bound_pct: number;
  readonly virtual_hours: number;
}

function delayFigures(result: SimulationResult) {
  const delaysS = result.tasks.map((task) => task.delayMs / 1000);
  const within = result.tasks.filter((task) => task.delayMs <= task.boundMs).length;
  return {
    delay_p50_s: round(percentile(delaysS, 50)),
    delay_p95_s: round(percentile(delaysS, 95)),
    delay_max_s: round(Math.max(...delaysS)),
    within_bound_pct: round((100 * within) / result.tasks.length),
  };
}

interface Strategy {
  readonly name: StrategyName;
  readonly intervalPolicy?: IntervalPolicy;
  /** The fixed strategies model the SDKs' plain wait loops, which have no jitter. */
  readonly jitter: boolean;
}

const STRATEGIES: readonly Strategy[] = [
  { name: 'adaptive', jitter: true },
  { name: 'fixed-3s', intervalPolicy: fixedInterval(3_000), jitter: false },
  { name: 'fixed-5s', intervalPolicy: fixedInterval(5_000), jitter: false },
];

/**
 * Scenario 1: the same workload under each polling policy, with no rate budget or concurrency limit, so
 * the figures compare the policies themselves rather than the budget.
 */
export async function comparePolicies(taskCount: number): Promise<StrategyFigures[]> {
  const workload = makeWorkload(taskCount, mulberry32(SEED));
  const figures: StrategyFigures[] = [];
  for (const strategy of STRATEGIES) {
    const result = await simulate({
      workload,
      scheduler: {
        responsiveness: 'balanced',
        ratePerSecond: Infinity,
        maxConcurrent: Infinity,
        random: strategy.jitter ? mulberry32(SEED + 1) : () => 0,
        ...(strategy.intervalPolicy === undefined ? {} : { intervalPolicy: strategy.intervalPolicy }),
      },
    });
    figures.push({
      name: strategy.name,
      requests_per_task_mean: round(mean(result.tasks.map((task) => task.requests))),
      ...delayFigures(result),
    });
  }
  return figures;
}

/**
 * Scenario 2: many tasks at once under the default budget and concurrency limit, with a virtual round
 * trip of 100–400 ms per request, to show the budget holds and no task starves.
 */
export async function concurrentLoad(taskCount: number): Promise<ConcurrentFigures> {
  const workload = makeWorkload(taskCount, mulberry32(SEED + 2));
  const result = await simulate({
    workload,
    scheduler: { random: mulberry32(SEED + 3) },
    latencyMs: (random) => 100 + Math.floor(random() * 300),
    random: mulberry32(SEED + 4),
  });
  const lastSend = Math.max(...result.sendTimes);
  return {
    tasks: taskCount,
    budget_requests_per_s: DEFAULT_RATE_PER_SECOND,
    max_concurrent: DEFAULT_MAX_CONCURRENT,
    peak_requests_per_s: peakPerBucket(result.sendTimes, result.startedAt, 1_000),
    peak_requests_any_1s_window: peakInWindow(result.sendTimes, 1_000),
    requests_total: result.sendTimes.length,
    ...delayFigures(result),
    virtual_hours: round((lastSend - result.startedAt) / 3600_000),
  };
}
