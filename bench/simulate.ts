import type { StatusReport } from '../src/main/core/camb/outcomes';
import { VirtualClock } from '../src/main/core/clock/virtualClock';
import { createScheduler, detectionBoundMs } from '../src/main/core/scheduler';
import type { SchedulerOptions } from '../src/main/core/scheduler';
import type { TaskKey } from '../src/shared/watchedTask';
import type { BenchTask } from './workload';

export interface TaskResult {
  readonly durationMs: number;
  readonly requests: number;
  /** From the task's real completion to the answer that revealed it. */
  readonly delayMs: number;
  readonly boundMs: number;
}

export interface SimulationResult {
  readonly tasks: readonly TaskResult[];
  /** Virtual send time of every request. */
  readonly sendTimes: readonly number[];
  readonly startedAt: number;
}

export interface SimulationSetup {
  readonly workload: readonly BenchTask[];
  readonly scheduler: Omit<SchedulerOptions, 'clock' | 'check'>;
  /** Virtual round-trip time of each request; 0 answers at once. */
  readonly latencyMs?: (random: () => number) => number;
  readonly random?: () => number;
}

const report = (status: string): StatusReport => ({
  type: 'status',
  status,
  runId: status === 'SUCCESS' ? 1 : null,
  exceptionReason: null,
  message: null,
});
const PENDING = report('PENDING');
const SUCCESS = report('SUCCESS');

/**
 * Runs the real scheduler in virtual time over `workload`, all tasks submitted at the start, against an
 * in-memory CAMB that says PENDING until a task's completion time and SUCCESS from then on.
 */
export async function simulate(setup: SimulationSetup): Promise<SimulationResult> {
  const clock = new VirtualClock();
  const startedAt = clock.now();
  const byKey = new Map<TaskKey, BenchTask>(setup.workload.map((task) => [task.key, task]));
  const requests = new Map<TaskKey, number>();
  const detectedAt = new Map<TaskKey, number>();
  const sendTimes: number[] = [];
  const random = setup.random ?? Math.random;

  const scheduler = createScheduler({
    ...setup.scheduler,
    clock,
    check: (task) => {
      const sentAt = clock.now();
      sendTimes.push(sentAt);
      requests.set(task.key, (requests.get(task.key) ?? 0) + 1);
      const durationMs = byKey.get(task.key)?.durationMs ?? 0;
      // The in-memory server judges the status when the request reaches it, here taken as the send time.
      const answer = sentAt - startedAt >= durationMs ? SUCCESS : PENDING;
      const latency = setup.latencyMs?.(random) ?? 0;
      if (latency <= 0) return Promise.resolve(answer);
      return new Promise((resolve) => clock.setTimer(() => resolve(answer), latency));
    },
  });
  scheduler.on('finished', ({ key, at }) => detectedAt.set(key, at));

  for (const task of setup.workload)
    scheduler.track({
      key: task.key,
      kind: 'story',
      taskId: task.taskId,
      addedAt: startedAt,
      lastCheckAt: null,
      status: null,
    });
  // The first round is sent synchronously: advancing by 0 lets its answers land before runUntilIdle looks for timers.
  await clock.advance(0);
  await clock.runUntilIdle();
  scheduler.dispose();

  return {
    startedAt,
    sendTimes,
    tasks: setup.workload.map((task) => {
      const detected = detectedAt.get(task.key);
      if (detected === undefined) throw new Error(`bench: ${task.key} was never detected as finished`);
      return {
        durationMs: task.durationMs,
        requests: requests.get(task.key) ?? 0,
        delayMs: detected - (startedAt + task.durationMs),
        boundMs: detectionBoundMs(task.durationMs, 0.1),
      };
    }),
  };
}
