import { DEFAULT_MAX_CONCURRENT, DEFAULT_RATE_PER_SECOND, fixedInterval } from '../src/main/core/scheduler';
import type { IntervalPolicy } from '../src/main/core/scheduler';
import type { Schedule } from '../src/shared/settings';
import type { TaskKind } from '../src/shared/taskKinds';
import { mulberry32 } from './prng';
import { simulate } from './simulate';
import type { EtaSample, SimulationResult } from './simulate';
import { mean, peakInWindow, peakPerBucket, percentile, round } from './stats';
import type { BenchTask } from './workload';

export const SEED = 20260101;

export type StrategyName = 'adaptive' | 'duration-aware' | 'fixed-3s' | 'fixed-5s';

export interface DelayFigures {
  readonly delay_mean_s: number;
  readonly delay_p50_s: number;
  readonly delay_p95_s: number;
  readonly delay_max_s: number;
  readonly within_bound_pct: number;
}

export interface StrategyFigures extends DelayFigures {
  readonly name: StrategyName;
  readonly requests_per_task_mean: number;
}

export interface BudgetFigures extends StrategyFigures {
  readonly peak_requests_per_s: number;
  readonly peak_requests_any_1s_window: number;
  readonly requests_total: number;
  readonly virtual_hours: number;
}

export interface ConcurrentFigures {
  readonly tasks: number;
  readonly budget_requests_per_s: number;
  readonly max_concurrent: number;
  readonly strategies: readonly BudgetFigures[];
}

/** How well the time-remaining estimates shown after each check held. */
export interface EtaFigures {
  /** Share of estimates whose 80 % interval held the job's true remaining time. */
  readonly coverage_80_pct: number;
  /** Median width of those intervals. */
  readonly median_width_s: number;
  readonly estimates: number;
  readonly by_kind: readonly { kind: TaskKind; coverage_80_pct: number; median_width_s: number }[];
}

function delayFigures(result: SimulationResult): DelayFigures {
  const delaysS = result.tasks.map((task) => task.delayMs / 1000);
  const within = result.tasks.filter((task) => task.delayMs <= task.boundMs).length;
  return {
    delay_mean_s: round(mean(delaysS)),
    delay_p50_s: round(percentile(delaysS, 50)),
    delay_p95_s: round(percentile(delaysS, 95)),
    delay_max_s: round(Math.max(...delaysS)),
    within_bound_pct: round((100 * within) / result.tasks.length),
  };
}

function strategyFigures(name: StrategyName, result: SimulationResult): StrategyFigures {
  return {
    name,
    requests_per_task_mean: round(mean(result.tasks.map((task) => task.requests))),
    ...delayFigures(result),
  };
}

function etaCoverage(samples: readonly EtaSample[]) {
  return {
    coverage_80_pct: round((100 * samples.filter((sample) => sample.inside).length) / samples.length, 1),
    median_width_s: round(
      percentile(
        samples.map((sample) => sample.widthMs / 1000),
        50,
      ),
      1,
    ),
  };
}

export function etaFigures(samples: readonly EtaSample[]): EtaFigures {
  const kinds = [...new Set(samples.map((sample) => sample.kind))];
  return {
    ...etaCoverage(samples),
    estimates: samples.length,
    by_kind: kinds.map((kind) => ({
      kind,
      ...etaCoverage(samples.filter((sample) => sample.kind === kind)),
    })),
  };
}

interface Strategy {
  readonly name: StrategyName;
  readonly schedule: Schedule;
  readonly intervalPolicy?: IntervalPolicy;
  /** The fixed strategies model the SDKs' plain wait loops, which have no jitter. */
  readonly jitter: boolean;
}

export const STRATEGIES: readonly Strategy[] = [
  { name: 'adaptive', schedule: 'adaptive', jitter: true },
  { name: 'duration-aware', schedule: 'duration-aware', jitter: true },
  { name: 'fixed-3s', schedule: 'adaptive', intervalPolicy: fixedInterval(3_000), jitter: false },
  { name: 'fixed-5s', schedule: 'adaptive', intervalPolicy: fixedInterval(5_000), jitter: false },
];

const strategyNamed = (name: StrategyName): Strategy => {
  const strategy = STRATEGIES.find((candidate) => candidate.name === name);
  if (strategy === undefined) throw new Error(`bench: no strategy ${name}`);
  return strategy;
};

export interface PolicyComparison {
  readonly strategies: StrategyFigures[];
  /** From the duration-aware run: the estimates are the same whatever the schedule, the history is not. */
  readonly eta: EtaFigures;
}

/**
 * Scenario 1: the same workload under each polling policy, with no rate budget or concurrency limit, so
 * the figures compare the policies themselves rather than the budget.
 */
export async function comparePolicies(
  workload: readonly BenchTask[],
  names: readonly StrategyName[] = STRATEGIES.map((strategy) => strategy.name),
): Promise<PolicyComparison> {
  const strategies: StrategyFigures[] = [];
  let eta: EtaFigures | null = null;
  for (const strategy of names.map(strategyNamed)) {
    const result = await simulate({
      workload,
      scheduler: {
        responsiveness: 'balanced',
        schedule: strategy.schedule,
        ratePerSecond: Infinity,
        maxConcurrent: Infinity,
        random: strategy.jitter ? mulberry32(SEED + 1) : () => 0,
        ...(strategy.intervalPolicy === undefined ? {} : { intervalPolicy: strategy.intervalPolicy }),
      },
    });
    strategies.push(strategyFigures(strategy.name, result));
    if (strategy.name === 'duration-aware') eta = etaFigures(result.eta);
  }
  return { strategies, eta: eta ?? etaFigures([]) };
}

/**
 * Scenario 2: many tasks at once under the default budget and concurrency limit, with a virtual round
 * trip of 100–400 ms per request, to show the budget holds, no task starves, and how each schedule spends
 * the budget.
 */
export async function concurrentLoad(
  workload: readonly BenchTask[],
  names: readonly StrategyName[] = ['adaptive', 'duration-aware'],
): Promise<ConcurrentFigures> {
  const strategies: BudgetFigures[] = [];
  for (const strategy of names.map(strategyNamed)) {
    const result = await simulate({
      workload,
      scheduler: { random: mulberry32(SEED + 3), schedule: strategy.schedule },
      latencyMs: (random) => 100 + Math.floor(random() * 300),
      random: mulberry32(SEED + 4),
    });
    const lastSend = Math.max(...result.sendTimes);
    strategies.push({
      ...strategyFigures(strategy.name, result),
      peak_requests_per_s: peakPerBucket(result.sendTimes, result.startedAt, 1_000),
      peak_requests_any_1s_window: peakInWindow(result.sendTimes, 1_000),
      requests_total: result.sendTimes.length,
      virtual_hours: round((lastSend - result.startedAt) / 3600_000),
    });
  }
  return {
    tasks: workload.length,
    budget_requests_per_s: DEFAULT_RATE_PER_SECOND,
    max_concurrent: DEFAULT_MAX_CONCURRENT,
    strategies,
  };
}
