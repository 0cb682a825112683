/**
 * `npm run bench [-- --json]`: the real scheduler in virtual time. Scenario 1 compares polling policies
 * over 2,000 jobs of four kinds submitted over a working day, the duration-aware one learning as jobs
 * finish, and scores the time-remaining estimates; scenario 1b repeats the policies on the older
 * single-kind workload (durations log-uniform in 30 s – 2 h, all at once); scenario 2 puts 1,000 jobs under
 * the default rate budget; scenario 3 runs the real core with the real store in a temporary folder. With
 * --json the last line is one JSON object with all.
 */
import { performance } from 'node:perf_hooks';
import { table } from './report';
import { paceSpacingMs } from '../src/main/core/scheduler';
import { processFigures } from './process';
import { comparePolicies, concurrentLoad, SEED } from './scenarios';
import type { DelayFigures, StrategyFigures } from './scenarios';
import { mulberry32 } from './prng';
import { round } from './stats';
import { makeRealisticWorkload, makeWorkload, REALISTIC_KINDS } from './workload';
import { familyRows, runFamilies } from './families';

const POLICY_TASKS = 2_000;
const POLICY_SPREAD_MS = 8 * 3600_000;
const CONCURRENT_TASKS = 1_000;
const CONCURRENT_SPREAD_MS = 60_000;
/**
 * Jobs per unbudgeted workload family (the budgeted ones are bursts of 1,000): fewer than scenario 1's
 * 2,000 so the families (14 of them, two schedules each) run in a few minutes on a shared machine.
 */
const FAMILY_JOBS = 600;

const json = process.argv.includes('--json');
const startedAt = performance.now();
/**
 * `--families-only` skips scenarios 1–3; `--family=a,b` runs only those families; `--family-jobs=N`;
 * `--family-seed=K` draws every family's jobs from its seed + K (other draws of the same shapes).
 */
const familiesOnly = process.argv.includes('--families-only');
const argValue = (name: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const familyJobs = Number(argValue('family-jobs') ?? FAMILY_JOBS);
const onlyFamilies = argValue('family')?.split(',');
const familySeedOffset = Number(argValue('family-seed') ?? 0);

if (familiesOnly) {
  const families = await runFamilies(familyJobs, onlyFamilies, familySeedOffset);
  console.log(table(familyRows(families)));
  console.log(`Families took ${round((performance.now() - startedAt) / 1000)} s wall time.`);
  if (json) console.log(JSON.stringify({ families }));
  process.exit(0);
}

const { strategies, eta } = await comparePolicies(
  makeRealisticWorkload(POLICY_TASKS, POLICY_SPREAD_MS, mulberry32(SEED)),
);
const { strategies: strategies_log_uniform } = await comparePolicies(
  makeWorkload(POLICY_TASKS, mulberry32(SEED)),
  ['adaptive', 'duration-aware', 'fixed-5s'],
);
const concurrent = await concurrentLoad(
  makeRealisticWorkload(CONCURRENT_TASKS, CONCURRENT_SPREAD_MS, mulberry32(SEED + 2)),
);
const { store, budget } = await processFigures();
const families = await runFamilies(familyJobs, onlyFamilies, familySeedOffset);

const wallSeconds = round((performance.now() - startedAt) / 1000);
const memory = process.memoryUsage();
const mib = (bytes: number) => round(bytes / 1024 / 1024, 1);

const named = <T extends { name: string }>(rows: readonly T[], name: string): T | undefined =>
  rows.find((row) => row.name === name);
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? NaN : round(a / b);
/** How much lower `after` is than `before`, in per cent. */
const lowerBy = (before: number | undefined, after: number | undefined) =>
  before === undefined || after === undefined ? NaN : round(100 * (1 - after / before), 1);

const delays = (figures: DelayFigures) =>
  `${figures.delay_mean_s} s / ${figures.delay_p50_s} s / ${figures.delay_p95_s} s / ${figures.delay_max_s} s`;
const strategyRows = (rows: readonly StrategyFigures[]) =>
  rows.map((s) => ({
    strategy: s.name,
    'requests per job': s.requests_per_task_mean,
    'delay mean / p50 / p95 / max': delays(s),
    'within bound (%)': s.within_bound_pct,
  }));

const adaptive = named(strategies, 'adaptive');
const durationAware = named(strategies, 'duration-aware');
const kinds = REALISTIC_KINDS.map(
  (k) => `${k.kind} ${Math.round(k.share * 100)} % (typically ${round(k.typicalMs / 60_000, 1)} min)`,
).join(', ');

console.log(
  `Scenario 1: ${POLICY_TASKS} jobs submitted at random over ${POLICY_SPREAD_MS / 3600_000} h (seed ${SEED}): ${kinds};`,
);
console.log(
  'each job’s duration is its kind’s typical one times a log-normal input-length factor and a load factor.',
);
console.log(
  'No rate budget or concurrency limit (unbounded), balanced responsiveness; adaptive and duration-aware have',
);
console.log(
  'up to 5 % subtractive jitter, the fixed loops none. Duration-aware starts with no history and learns from',
);
console.log('the jobs it saw finish. Bound: min(60 s, max(3 s, 10 % of duration)).');
console.log('');
console.log(table(strategyRows(strategies)));
console.log('');
console.log(
  `duration-aware: ${ratio(durationAware?.requests_per_task_mean, adaptive?.requests_per_task_mean)}x the adaptive requests per job (target: at most 1x), mean delay ${lowerBy(adaptive?.delay_mean_s, durationAware?.delay_mean_s)} % lower (target: at least 30 %).`,
);
console.log(
  `adaptive uses ${ratio(named(strategies, 'fixed-5s')?.requests_per_task_mean, adaptive?.requests_per_task_mean)}x fewer requests per job than fixed-5s.`,
);
console.log('');
console.log(
  `Time remaining: ${eta.estimates} estimates, one after each check that found a job running (duration-aware run),`,
);
console.log(
  `each scored against the job's true remaining time: ${eta.coverage_80_pct} % inside the 80 % interval (target 75–85 %), median width ${eta.median_width_s} s.`,
);
console.log('');
console.log(
  table(
    eta.by_kind.map((k) => ({
      kind: k.kind,
      'inside 80 % interval (%)': k.coverage_80_pct,
      'median width (s)': k.median_width_s,
    })),
  ),
);
console.log('');
console.log(
  `Scenario 1b: the older workload, ${POLICY_TASKS} stories lasting 30 s – 2 h (log-uniform), all submitted at once:`,
);
console.log('one kind whose duration says little, so learning it helps little.');
console.log('');
console.log(table(strategyRows(strategies_log_uniform)));
console.log('');
console.log(
  `Scenario 2: ${concurrent.tasks} jobs of the same kinds submitted over ${CONCURRENT_SPREAD_MS / 60_000} min under the default budget of ${concurrent.budget_requests_per_s} requests/s and ${concurrent.max_concurrent} in flight,`,
);
console.log(
  `virtual round trip 100–400 ms per request. Requests are paced evenly, one every ${paceSpacingMs(concurrent.budget_requests_per_s)} ms, so the budget holds where`,
);
console.log(
  `they arrive; at the 60 s cap ${concurrent.tasks} jobs would need ${round(concurrent.tasks / 60, 1)} requests/s. Adaptive sends the most overdue check first,`,
);
console.log('duration-aware the one whose finish has most likely gone unnoticed the longest.');
console.log('');
console.log(
  table(
    concurrent.strategies.map((s) => ({
      strategy: s.name,
      'requests per job': s.requests_per_task_mean,
      'delay mean / p50 / p95 / max': delays(s),
      'within bound (%)': s.within_bound_pct,
      'peak in any 1 s': s.peak_requests_any_1s_window,
      'virtual h': s.virtual_hours,
    })),
  ),
);
console.log('');
console.log(
  `duration-aware: p95 delay ${lowerBy(named(concurrent.strategies, 'adaptive')?.delay_p95_s, named(concurrent.strategies, 'duration-aware')?.delay_p95_s)} % lower than adaptive's (target: at least 40 %).`,
);
console.log('');
console.log(
  'Scenario 3 ("process"): the real core and store (conf, in a temporary folder) against the fake CAMB.AI',
);
console.log('over real HTTP, on a virtual clock; requests reach the server with 0–100 ms of network jitter.');
console.log('');
console.log(
  table([
    { figure: 'store writes in a minute, 1,000 jobs pending, no change', value: store.writes_per_min_idle },
    { figure: 'adding 5,000 jobs, each flushed to disk before it returns (ms)', value: store.add_5000_ms },
    { figure: '… of which the disk took to flush them (ms)', value: store.add_5000_flush_ms },
    {
      figure: 'adding 5,000 jobs through the contract, 8 at a time, polling running (ms)',
      value: store.add_5000_contract_ms,
    },
    { figure: '… of which the disk took to flush them (ms)', value: store.add_5000_contract_flush_ms },
    { figure: 'listTasks at 5,000 jobs, slowest of 5 (ms)', value: store.list_5000_ms },
    {
      figure: 'importing 10,000 tasks (the most a list keeps) into an empty list (ms)',
      value: store.import_max_ms,
    },
    {
      figure: '… then a 100,000-entry file of the same tasks again, all already watched (ms)',
      value: store.import_100000_again_ms,
    },
    { figure: 'peak requests at the server in any rolling second', value: budget.peak_any_rolling_1s },
    { figure: 'budget (requests per second)', value: concurrent.budget_requests_per_s },
  ]),
);
console.log('');
console.log(
  `Workload families (issue 18): each family's own generator and seed, ${familyJobs} jobs per unbudgeted family, the`,
);
console.log(
  'budgeted ones 1,000 in 60 s as scenario 2. Failed jobs counted apart in brackets. A = adaptive, DA = duration-aware.',
);
console.log('');
console.log(table(familyRows(families)));
console.log('');
console.log(
  `Bench took ${wallSeconds} s wall time; memory: rss ${mib(memory.rss)} MiB, heap used ${mib(memory.heapUsed)} MiB.`,
);

if (json)
  console.log(
    JSON.stringify({ strategies, eta, strategies_log_uniform, concurrent, store, budget, families }),
  );
