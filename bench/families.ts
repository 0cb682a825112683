/**
 * Runs every workload family (familyWorkloads.ts) under the adaptive and the duration-aware schedule and
 * scores each: requests per job, delay (mean / p95 / max), the share of jobs noticed within the adaptive
 * bound, and how well the time-remaining estimates' 80 % intervals held. Jobs that fail are counted apart
 * (`*_failures`): a failure in seconds is what no history of finished jobs foretells.
 */
import { mulberry32 } from './prng';
import { SEED } from './scenarios';
import { simulate } from './simulate';
import type { EtaSample, SimulationResult, TaskResult } from './simulate';
import { mean, percentile, round } from './stats';
import { FAMILIES } from './familyWorkloads';
import type { Family } from './familyWorkloads';

export type FamilyPolicy = 'adaptive' | 'duration-aware';

export interface FamilyPolicyFigures {
  readonly policy: FamilyPolicy;
  readonly requests_per_job: number;
  readonly delay_mean_s: number;
  readonly delay_p95_s: number;
  readonly delay_max_s: number;
  /** Jobs that succeeded, noticed within the adaptive bound. */
  readonly within_bound_pct: number;
  /** Jobs that failed, noticed within the adaptive bound (null: none failed). */
  readonly within_bound_failures_pct: number | null;
  /** Estimates shown while a job that succeeded was running whose 80 % interval held the truth. */
  readonly eta_coverage_80_pct: number | null;
  readonly eta_median_width_s: number | null;
  /** The same for jobs that failed (null: none failed). */
  readonly eta_coverage_80_failures_pct: number | null;
}

export interface FamilyFigures {
  readonly name: string;
  readonly about: string;
  readonly seed: number;
  readonly jobs: number;
  readonly budget: boolean;
  readonly policies: readonly FamilyPolicyFigures[];
}

const pct = (part: number, whole: number) => (whole === 0 ? null : round((100 * part) / whole, 1));

function withinPct(tasks: readonly TaskResult[]): number | null {
  return pct(tasks.filter((task) => task.delayMs <= task.boundMs).length, tasks.length);
}

function coverage(samples: readonly EtaSample[]): number | null {
  return pct(samples.filter((sample) => sample.inside).length, samples.length);
}

function policyFigures(policy: FamilyPolicy, result: SimulationResult): FamilyPolicyFigures {
  const delays = result.tasks.map((task) => task.delayMs / 1000);
  const succeeded = result.eta.filter((sample) => !sample.failed);
  return {
    policy,
    requests_per_job: round(mean(result.tasks.map((task) => task.requests))),
    delay_mean_s: round(mean(delays)),
    delay_p95_s: round(percentile(delays, 95)),
    delay_max_s: round(Math.max(...delays)),
    within_bound_pct: withinPct(result.tasks.filter((task) => !task.failed)) ?? 100,
    within_bound_failures_pct: withinPct(result.tasks.filter((task) => task.failed)),
    eta_coverage_80_pct: coverage(succeeded),
    eta_median_width_s:
      succeeded.length === 0
        ? null
        : round(
            percentile(
              succeeded.map((sample) => sample.widthMs / 1000),
              50,
            ),
            1,
          ),
    eta_coverage_80_failures_pct: coverage(result.eta.filter((sample) => sample.failed)),
  };
}

async function runFamily(family: Family, jobs: number, seedOffset: number): Promise<FamilyFigures> {
  const seed = family.seed + seedOffset;
  const workload = family.make(mulberry32(seed), jobs);
  const policies: FamilyPolicyFigures[] = [];
  for (const policy of ['adaptive', 'duration-aware'] as const) {
    const result = await simulate({
      workload: workload.tasks,
      ...(workload.history === undefined ? {} : { history: workload.history }),
      ...(family.budget
        ? {
            // As scenario 2: the default budget and concurrency, 100–400 ms round trips.
            scheduler: { random: mulberry32(SEED + 3), schedule: policy },
            latencyMs: (random: () => number) => 100 + Math.floor(random() * 300),
            random: mulberry32(SEED + 4),
          }
        : {
            scheduler: {
              responsiveness: 'balanced' as const,
              schedule: policy,
              ratePerSecond: Infinity,
              maxConcurrent: Infinity,
              random: mulberry32(SEED + 1),
            },
          }),
    });
    policies.push(policyFigures(policy, result));
  }
  return {
    name: family.name,
    about: family.about,
    seed,
    jobs: workload.tasks.length,
    budget: family.budget,
    policies,
  };
}

/**
 * Every family in turn (one at a time: the bench shares the machine); `jobs` per unbudgeted family.
 * `seedOffset` draws each family's workload from its seed plus that much: the same shape, other jobs, to
 * see whether a figure holds beyond the one draw the README's table shows.
 */
export async function runFamilies(
  jobs: number,
  only?: readonly string[],
  seedOffset = 0,
): Promise<FamilyFigures[]> {
  const figures: FamilyFigures[] = [];
  for (const family of FAMILIES) {
    if (only !== undefined && only.length > 0 && !only.includes(family.name)) continue;
    figures.push(await runFamily(family, jobs, seedOffset));
  }
  return figures;
}

const show = (value: number | null) => (value === null ? '–' : String(value));

/** One row per family and policy, for the printed table. */
export function familyRows(families: readonly FamilyFigures[]): Record<string, string | number>[] {
  return families.flatMap((family) =>
    family.policies.map((p) => ({
      family: p.policy === 'adaptive' ? `${family.name}${family.budget ? ' (budget)' : ''}` : '',
      policy: p.policy === 'adaptive' ? 'A' : 'DA',
      'req/job': p.requests_per_job,
      'delay mean / p95 / max (s)': `${p.delay_mean_s} / ${p.delay_p95_s} / ${p.delay_max_s}`,
      'in bound % (fail)': `${p.within_bound_pct} (${show(p.within_bound_failures_pct)})`,
      'ETA 80 % cover (fail)': `${show(p.eta_coverage_80_pct)} (${show(p.eta_coverage_80_failures_pct)})`,
      'ETA width s': show(p.eta_median_width_s),
    })),
  );
}
