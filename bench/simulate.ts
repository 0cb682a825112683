import type { StatusReport } from '../src/main/core/camb/outcomes';
import { VirtualClock } from '../src/main/core/clock/virtualClock';
import { createScheduler, detectionBoundMs } from '../src/main/core/scheduler';
import type { SchedulerOptions } from '../src/main/core/scheduler';
import {
  buildDurationModel,
  buildDurationModels,
  estimateRemaining,
  finishedRunOf,
  mergeRuns,
} from '../src/shared/durations';
import type { DurationModels, FinishedRun } from '../src/shared/durations';
import type { TaskKind } from '../src/shared/taskKinds';
import type { TaskKey } from '../src/shared/watchedTask';
import type { BenchTask } from './workload';

export interface TaskResult {
  readonly kind: TaskKind;
  readonly durationMs: number;
  readonly requests: number;
  /** From the task's real completion to the answer that revealed it. */
  readonly delayMs: number;
  readonly boundMs: number;
  /** The job ended in a failure (counted apart: a failure in seconds is what no history foretells). */
  readonly failed: boolean;
}

/** One time-remaining estimate as the app would show it after a check found the job still running. */
export interface EtaSample {
  readonly kind: TaskKind;
  /** Whether the job's true remaining time fell inside the 80 % interval. */
  readonly inside: boolean;
  readonly widthMs: number;
  /** The job ends in a failure. */
  readonly failed: boolean;
  /** How many finished runs of its kind the estimate rested on (0: the prior alone). */
  readonly basedOn: number;
}

export interface SimulationResult {
  readonly tasks: readonly TaskResult[];
  /** Virtual send time of every request. */
  readonly sendTimes: readonly number[];
  readonly startedAt: number;
  readonly eta: readonly EtaSample[];
}

export interface SimulationSetup {
  readonly workload: readonly BenchTask[];
  readonly scheduler: Omit<SchedulerOptions, 'clock' | 'check' | 'durationModels'>;
  /** Virtual round-trip time of each request; 0 answers at once. */
  readonly latencyMs?: (random: () => number) => number;
  readonly random?: () => number;
  /** Runs the app has already learned from when the simulation starts (e.g. hours of earlier jobs). */
  readonly history?: readonly FinishedRun[];
}

const report = (status: string): StatusReport => ({
  type: 'status',
  status,
  runId: status === 'SUCCESS' ? 1 : null,
  exceptionReason: null,
  message: null,
});
const PENDING = report('PENDING');
const ENDINGS = {
  SUCCESS: report('SUCCESS'),
  ERROR: report('ERROR'),
  PAYMENT_REQUIRED: report('PAYMENT_REQUIRED'),
} as const;

/** How often the models are refitted while jobs run and none finishes: the running jobs have aged. */
const REFIT_EVERY_MS = 60_000;

/**
 * What the app knows of durations: the runs it saw finish, recorded as the watch list records them
 * (finishedRunOf: from being added to the check that brought the ending, with the last PENDING answer
 * before it, left out of estimates when the app heard nothing of the job for long before), the ages of the
 * jobs still running (right-censored: each is known to take longer than its age), and the models built
 * from those alone, refitted at each ending and every REFIT_EVERY_MS. The simulation's true durations
 * never reach it.
 */
class LearnedDurations {
  private runs: readonly FinishedRun[];
  private current: DurationModels;
  /** What the watch list would hold of each task: its last status and when it was last answered. */
  private readonly seen = new Map<TaskKey, { status: string | null; lastCheckAt: number | null }>();
  /** The jobs still running, with when they were added. */
  private readonly running = new Map<TaskKey, { kind: TaskKind; addedAt: number }>();
  private readonly fittedAt = new Map<TaskKind, number>();

  constructor(history: readonly FinishedRun[]) {
    this.runs = mergeRuns([], history);
    this.current = buildDurationModels(this.runs);
  }

  readonly models = (): DurationModels => this.current;

  tracked(task: BenchTask, addedAt: number): void {
    this.running.set(task.key, { kind: task.kind, addedAt });
  }

  checked(task: BenchTask, addedAt: number, status: string, checkedAt: number): void {
    const before = this.seen.get(task.key) ?? { status: null, lastCheckAt: null };
    this.seen.set(task.key, { status, lastCheckAt: checkedAt });
    const run = finishedRunOf({ kind: task.kind, addedAt, lastProblem: null, ...before }, status, checkedAt);
    if (run !== null) {
      this.running.delete(task.key);
      this.runs = mergeRuns(this.runs, [run]);
      // News to every kind still running, as in the watch list's duration cache: the account's other kinds
      // move each kind's prior and refusal share.
      for (const kind of new Set([task.kind, ...[...this.running.values()].map((job) => job.kind)])) {
        this.refit(kind, checkedAt);
      }
    } else if (checkedAt - (this.fittedAt.get(task.kind) ?? -Infinity) >= REFIT_EVERY_MS) {
      this.refit(task.kind, checkedAt);
    }
  }

  private refit(kind: TaskKind, now: number): void {
    const ages: number[] = [];
    for (const job of this.running.values()) if (job.kind === kind) ages.push(now - job.addedAt);
    this.fittedAt.set(kind, now);
    this.current = { ...this.current, [kind]: buildDurationModel(kind, this.runs, ages, now) };
  }
}

/**
 * Runs the real scheduler in virtual time over `workload`, each task tracked when it arrives, against an
 * in-memory CAMB that says PENDING until a task's completion time and SUCCESS from then on. The
 * scheduler's duration models are rebuilt from the runs finished so far, as the watch list would; after
 * every check that finds a job running, the time-remaining estimate the app would show is scored against
 * the truth.
 */
export async function simulate(setup: SimulationSetup): Promise<SimulationResult> {
  const clock = new VirtualClock();
  const startedAt = clock.now();
  const byKey = new Map<TaskKey, BenchTask>(setup.workload.map((task) => [task.key, task]));
  const requests = new Map<TaskKey, number>();
  const detectedAt = new Map<TaskKey, number>();
  const sendTimes: number[] = [];
  const eta: EtaSample[] = [];
  const random = setup.random ?? Math.random;
  const learned = new LearnedDurations(setup.history ?? []);
  const addedAt = (task: BenchTask) => startedAt + task.arrivalMs;

  const scheduler = createScheduler({
    ...setup.scheduler,
    clock,
    durationModels: learned.models,
    check: (scheduled) => {
      const sentAt = clock.now();
      sendTimes.push(sentAt);
      requests.set(scheduled.key, (requests.get(scheduled.key) ?? 0) + 1);
      const task = byKey.get(scheduled.key);
      // The in-memory server judges the status when the request reaches it, here taken as the send time.
      const ended = task === undefined || sentAt >= addedAt(task) + task.durationMs;
      const answer = ended ? ENDINGS[task?.endsWith ?? 'SUCCESS'] : PENDING;
      const latency = setup.latencyMs?.(random) ?? 0;
      if (latency <= 0) return Promise.resolve(answer);
      return new Promise((resolve) => clock.setTimer(() => resolve(answer), latency));
    },
  });
  scheduler.on('finished', ({ key, at }) => detectedAt.set(key, at));
  scheduler.on('checked', ({ key, outcome, checkedAt }) => {
    const task = byKey.get(key);
    if (task === undefined || outcome.type !== 'status') return;
    learned.checked(task, addedAt(task), outcome.status, checkedAt);
    if (outcome.status !== 'PENDING') return;
    const ageMs = checkedAt - addedAt(task);
    const estimate = estimateRemaining(learned.models()[task.kind], ageMs);
    const remainingMs = task.durationMs - ageMs;
    eta.push({
      kind: task.kind,
      inside: remainingMs >= estimate.lowMs && remainingMs <= estimate.highMs,
      widthMs: estimate.highMs - estimate.lowMs,
      failed: (task.endsWith ?? 'SUCCESS') !== 'SUCCESS',
      basedOn: estimate.basedOn,
    });
  });

  const arrivals = [...setup.workload].sort((a, b) => a.arrivalMs - b.arrivalMs);
  for (const task of arrivals) {
    await clock.advanceTo(addedAt(task));
    learned.tracked(task, addedAt(task));
    scheduler.track({
      key: task.key,
      kind: task.kind,
      taskId: task.taskId,
      addedAt: addedAt(task),
      lastCheckAt: null,
      status: null,
    });
  }
  // The first round is sent synchronously: advancing by 0 lets its answers land before runUntilIdle looks for timers.
  await clock.advance(0);
  await clock.runUntilIdle();
  scheduler.dispose();

  return {
    startedAt,
    sendTimes,
    eta,
    tasks: setup.workload.map((task) => {
      const detected = detectedAt.get(task.key);
      if (detected === undefined) throw new Error(`bench: ${task.key} was never detected as finished`);
      return {
        kind: task.kind,
        durationMs: task.durationMs,
        requests: requests.get(task.key) ?? 0,
        delayMs: detected - (addedAt(task) + task.durationMs),
        boundMs: detectionBoundMs(task.durationMs, 0.1),
        failed: (task.endsWith ?? 'SUCCESS') !== 'SUCCESS',
      };
    }),
  };
}
