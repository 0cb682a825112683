/**
 * Workload families nobody tuned the schedules on (issue 18): each a named generator with its own seed, so
 * `npm run bench` shows where the duration-aware schedule wins and where it does not. The durations are
 * the realistic kinds' (workload.ts) reshaped one way per family: scaled, bimodal with fast failures, a
 * stretch of jobs refused for lack of credits, drift, a Pareto tail, a cold start, one batch at t = 0,
 * a busy Poisson stream, and bursts under the rate budget.
 */
import type { FinishedRun } from '../src/shared/durations';
import { exponential } from './prng';
import { makeRealisticWorkload, REALISTIC_KINDS } from './workload';
import type { BenchTask, KindProfile } from './workload';

const HOUR_MS = 3600_000;

export interface FamilyWorkload {
  readonly tasks: readonly BenchTask[];
  /** Runs already learned when the family starts (the app's history), oldest first. */
  readonly history?: readonly FinishedRun[];
}

export interface Family {
  readonly name: string;
  /** What the family is, in a line. */
  readonly about: string;
  readonly seed: number;
  /** Under the default rate budget (5 req/s, 4 in flight, 100–400 ms round trips) rather than unbounded. */
  readonly budget: boolean;
  readonly make: (random: () => number, jobs: number) => FamilyWorkload;
}

/** Every kind's durations (typical and floor) times `factor`. */
function scaledKinds(factor: number): KindProfile[] {
  return REALISTIC_KINDS.map((k) => ({ ...k, typicalMs: k.typicalMs * factor, floorMs: k.floorMs * factor }));
}

/** A failure 2–5 s after submission: what a refused job (no credits, a bad input) looks like. */
function fastFailure(task: BenchTask, random: () => number, status: 'ERROR' | 'PAYMENT_REQUIRED'): BenchTask {
  return { ...task, durationMs: 2_000 + Math.round(3_000 * random()), endsWith: status };
}

/** Jobs submitted over a working day at the authors' rate (2,000 in 8 h), `jobs` of them. */
const DAY_SPREAD_MS = 8 * HOUR_MS;
const daySpread = (jobs: number) => (DAY_SPREAD_MS * jobs) / 2_000;

/**
 * Pareto durations with tail index α = 1.2 (infinite variance: a few jobs run for hours), the scale a
 * third of the kind's typical duration, capped at 8 h so the simulation ends.
 */
function paretoTasks(tasks: readonly BenchTask[], random: () => number): BenchTask[] {
  return tasks.map((task) => {
    const profile = REALISTIC_KINDS.find((k) => k.kind === task.kind) ?? REALISTIC_KINDS[0];
    const scale = (profile?.typicalMs ?? 60_000) / 3;
    const draw = scale * (1 - random()) ** (-1 / 1.2);
    return { ...task, durationMs: Math.round(Math.min(8 * HOUR_MS, draw)) };
  });
}

/** `runs` finished runs of the realistic mix over the `spanMs` before t = 0, measured exactly. */
function historyOf(random: () => number, runs: number, spanMs: number, startAt: number): FinishedRun[] {
  return makeRealisticWorkload(runs, spanMs, random).map((task) => ({
    kind: task.kind,
    durationMs: task.durationMs,
    finishedAt: startAt - spanMs + task.arrivalMs + task.durationMs,
    succeeded: true,
    lowerBound: false,
  }));
}

/** A day of the usual mix, each job then reshaped by `reshape` (given the day's length). */
function dayOf(
  random: () => number,
  jobs: number,
  reshape: (task: BenchTask, spreadMs: number) => BenchTask,
): FamilyWorkload {
  const spread = daySpread(jobs);
  return { tasks: makeRealisticWorkload(jobs, spread, random).map((task) => reshape(task, spread)) };
}

/** Jobs submitted after half the day run `factor` times as long. */
const driftBy = (factor: number) => (random: () => number, jobs: number) =>
  dayOf(random, jobs, (task, spread) =>
    task.arrivalMs >= spread / 2 ? { ...task, durationMs: Math.round(task.durationMs * factor) } : task,
  );

/** The simulation's virtual clock starts here (VirtualClock's default). */
const CLOCK_START = Date.UTC(2026, 0, 1);

export const FAMILIES: readonly Family[] = [
  {
    name: 'authors-mix-seed2',
    about: "the authors' mix (4 kinds, Poisson over a day) with another seed",
    seed: 18_001,
    budget: false,
    make: (random, jobs) => ({ tasks: makeRealisticWorkload(jobs, daySpread(jobs), random) }),
  },
  {
    name: 'scaled-x3',
    about: 'every duration ×3',
    seed: 18_002,
    budget: false,
    make: (random, jobs) => ({ tasks: makeRealisticWorkload(jobs, daySpread(jobs), random, scaledKinds(3)) }),
  },
  {
    name: 'scaled-div3',
    about: 'every duration ÷3',
    seed: 18_003,
    budget: false,
    make: (random, jobs) => ({
      tasks: makeRealisticWorkload(jobs, daySpread(jobs), random, scaledKinds(1 / 3)),
    }),
  },
  {
    name: 'bimodal-fast-failures',
    about: '40 % of dubs fail (ERROR) in 2–5 s, the rest as usual',
    seed: 18_004,
    budget: false,
    make: (random, jobs) => ({
      tasks: makeRealisticWorkload(jobs, daySpread(jobs), random).map((task) =>
        task.kind === 'dub' && random() < 0.4 ? fastFailure(task, random, 'ERROR') : task,
      ),
    }),
  },
  {
    name: 'credits-out',
    about: 'jobs submitted in hours 3–4 end PAYMENT_REQUIRED in 2–5 s',
    seed: 18_005,
    budget: false,
    make: (random, jobs) =>
      dayOf(random, jobs, (task, spread) =>
        task.arrivalMs >= (3 / 8) * spread && task.arrivalMs < (4 / 8) * spread
          ? fastFailure(task, random, 'PAYMENT_REQUIRED')
          : task,
      ),
  },
  {
    name: 'drift-x2',
    about: 'jobs submitted after half the day run ×2',
    seed: 18_006,
    budget: false,
    make: driftBy(2),
  },
  {
    name: 'drift-div2',
    about: 'jobs submitted after half the day run ÷2',
    seed: 18_007,
    budget: false,
    make: driftBy(1 / 2),
  },
  {
    name: 'pareto-tail',
    about: 'Pareto α 1.2 durations (scale a third of the typical), capped at 8 h',
    seed: 18_008,
    budget: false,
    make: (random, jobs) => ({
      tasks: paretoTasks(makeRealisticWorkload(jobs, daySpread(jobs), random), random),
    }),
  },
  {
    name: 'cold-start-x3',
    about: 'no history, durations ×3, a quarter of the jobs within the first hour',
    seed: 18_009,
    budget: false,
    make: (random, jobs) => ({
      tasks: makeRealisticWorkload(Math.ceil(jobs / 4), HOUR_MS, random, scaledKinds(3)),
    }),
  },
  {
    name: 'batch-at-t0',
    about: 'the usual mix, every job sent at t = 0',
    seed: 18_010,
    budget: false,
    make: (random, jobs) => ({
      tasks: makeRealisticWorkload(jobs, daySpread(jobs), random).map((task) => ({ ...task, arrivalMs: 0 })),
    }),
  },
  {
    name: 'poisson-busy',
    about: 'the usual mix as a Poisson stream 8× the authors’ rate',
    seed: 18_011,
    budget: false,
    make: (random, jobs) => {
      const gap = daySpread(jobs) / 8 / jobs;
      let at = 0;
      return {
        tasks: makeRealisticWorkload(jobs, 1, random).map((task) => {
          const arrivalMs = Math.round(at);
          at += exponential(random, gap);
          return { ...task, arrivalMs };
        }),
      };
    },
  },
  {
    name: 'budget-burst',
    about: "the authors' burst: 1,000 of the usual mix in 60 s under 5 req/s",
    seed: 20260103,
    budget: true,
    make: (random) => ({ tasks: makeRealisticWorkload(1_000, 60_000, random) }),
  },
  {
    name: 'budget-burst-history',
    about: '4 h of history (400 runs), then 1,000 jobs in 60 s running ×2',
    seed: 18_012,
    budget: true,
    make: (random) => ({
      history: historyOf(random, 400, 4 * HOUR_MS, CLOCK_START),
      tasks: makeRealisticWorkload(1_000, 60_000, random, scaledKinds(2)),
    }),
  },
  {
    name: 'budget-burst-heavy-tail',
    about: '1,000 Pareto α 1.2 jobs in 60 s under 5 req/s',
    seed: 18_013,
    budget: true,
    make: (random) => ({ tasks: paretoTasks(makeRealisticWorkload(1_000, 60_000, random), random) }),
  },
];
