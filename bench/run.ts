/**
 * `npm run bench [-- --json]`: the real scheduler in virtual time. Scenario 1 compares polling policies
 * over 2,000 tasks; scenario 2 puts 1,000 tasks under the default rate budget; scenario 3 runs the real
 * core with the real store in a temporary folder. With --json the last line is one JSON object with all.
 */
import { performance } from 'node:perf_hooks';
import { table } from './report';
import { paceSpacingMs } from '../src/main/core/scheduler';
import { processFigures } from './process';
import { comparePolicies, concurrentLoad, SEED } from './scenarios';
import { round } from './stats';

const POLICY_TASKS = 2_000;
const CONCURRENT_TASKS = 1_000;

const json = process.argv.includes('--json');
const startedAt = performance.now();

const strategies = await comparePolicies(POLICY_TASKS);
const concurrent = await concurrentLoad(CONCURRENT_TASKS);
const { store, budget } = await processFigures();

const wallSeconds = round((performance.now() - startedAt) / 1000);
const memory = process.memoryUsage();
const mib = (bytes: number) => round(bytes / 1024 / 1024, 1);

const adaptive = strategies.find((s) => s.name === 'adaptive');
const fixed5 = strategies.find((s) => s.name === 'fixed-5s');
const savings =
  adaptive !== undefined && fixed5 !== undefined
    ? round(fixed5.requests_per_task_mean / adaptive.requests_per_task_mean)
    : NaN;

console.log(
  `Scenario 1: ${POLICY_TASKS} tasks, durations log-uniform in 30 s – 2 h (seed ${SEED}), all submitted at once.`,
);
console.log(
  'Policy comparison: no rate budget and no concurrency limit (unbounded), balanced responsiveness; adaptive',
);
console.log(
  'has up to 5 % subtractive jitter, the fixed loops none. Bound: min(60 s, max(3 s, 10 % of duration)).',
);
console.log('');
console.log(table(strategies.map((s) => ({ ...s }))));
console.log('');
console.log(`adaptive uses ${savings}x fewer requests per task than fixed-5s (target: at least 5x).`);
console.log('');
console.log(
  `Scenario 2: ${concurrent.tasks} concurrent tasks under the default budget of ${concurrent.budget_requests_per_s} requests/s and ${concurrent.max_concurrent} in flight,`,
);
console.log('virtual round trip 100–400 ms per request.');
console.log(
  `The budget cannot follow ${concurrent.tasks} tasks at their bound (at the 60 s cap they would need ${round(concurrent.tasks / 60, 1)} requests/s),`,
);
console.log(
  `so the scheduler serves the most overdue first and each task comes round about every ${round((concurrent.tasks * paceSpacingMs(concurrent.budget_requests_per_s)) / 1000)} s\n(requests are paced evenly, one every ${paceSpacingMs(concurrent.budget_requests_per_s)} ms, so the budget holds where they arrive).`,
);
console.log('');
console.log(
  table([
    { figure: 'budget (requests per second)', value: concurrent.budget_requests_per_s },
    { figure: 'peak requests in one virtual second', value: concurrent.peak_requests_per_s },
    { figure: 'peak requests in any 1 s window', value: concurrent.peak_requests_any_1s_window },
    { figure: 'requests in total', value: concurrent.requests_total },
    { figure: 'detection delay p50 (s)', value: concurrent.delay_p50_s },
    { figure: 'detection delay p95 (s)', value: concurrent.delay_p95_s },
    { figure: 'worst detection delay (s)', value: concurrent.delay_max_s },
    { figure: 'detected within bound (%)', value: concurrent.within_bound_pct },
    { figure: 'virtual time simulated (h)', value: concurrent.virtual_hours },
  ]),
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
    { figure: 'listTasks at 5,000 jobs, slowest of 5 (ms)', value: store.list_5000_ms },
    { figure: 'peak requests at the server in any rolling second', value: budget.peak_any_rolling_1s },
    { figure: 'budget (requests per second)', value: concurrent.budget_requests_per_s },
  ]),
);
console.log('');
console.log(
  `Bench took ${wallSeconds} s wall time; memory: rss ${mib(memory.rss)} MiB, heap used ${mib(memory.heapUsed)} MiB.`,
);

if (json) console.log(JSON.stringify({ strategies, concurrent, store, budget }));
