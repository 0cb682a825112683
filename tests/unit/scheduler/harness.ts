/** In-memory CAMB and event recorder for scheduler tests: everything runs in virtual time. */
import type { StatusOutcome, StatusReport } from '../../../src/main/core/camb/outcomes';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { createScheduler } from '../../../src/main/core/scheduler';
import type {
  ScheduledTask,
  Scheduler,
  SchedulerEvents,
  SchedulerOptions,
} from '../../../src/main/core/scheduler';
import { taskKey } from '../../../src/shared/watchedTask';
import type { TaskKey } from '../../../src/shared/watchedTask';

export const T0 = Date.UTC(2026, 0, 1);

export const report = (status: string): StatusReport => ({
  type: 'status',
  status,
  runId: status === 'SUCCESS' ? 42 : null,
  exceptionReason: null,
  message: null,
});
export const PENDING = report('PENDING');
export const SUCCESS = report('SUCCESS');
export const serverError: StatusOutcome = { type: 'server-error', httpStatus: 503, message: 'unavailable' };
export const networkDown: StatusOutcome = { type: 'network', reason: 'refused', message: 'refused' };
export const authRejected: StatusOutcome = { type: 'auth-rejected', httpStatus: 401, message: 'bad key' };
export const notFound: StatusOutcome = { type: 'not-found', message: 'no such task' };
export const rateLimited = (retryAfterMs: number | null): StatusOutcome => ({
  type: 'rate-limited',
  message: 'slow down',
  retryAfterMs,
});

export function task(id: string, overrides: Partial<ScheduledTask> = {}): ScheduledTask {
  return {
    key: taskKey('story', id),
    kind: 'story',
    taskId: id,
    addedAt: T0,
    lastCheckAt: null,
    status: null,
    ...overrides,
  };
}

export const keyOf = (id: string): TaskKey => taskKey('story', id);

/** What the in-memory CAMB answers to a request: by task, the send time and how many requests came before. */
export type Script = (request: { key: TaskKey; sentAt: number; nth: number }) => StatusOutcome;

export interface SentRequest {
  readonly key: TaskKey;
  readonly at: number;
}

/**
 * A scripted CAMB. Answers PENDING unless the script says otherwise; with `latencyMs` the answer arrives
 * that much virtual time later, else at once. Records every request and the most ever in flight.
 */
export class FakeCamb {
  readonly sent: SentRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private readonly counts = new Map<TaskKey, number>();

  constructor(
    private readonly clock: VirtualClock,
    public script: Script = () => PENDING,
    public latencyMs = 0,
  ) {}

  readonly check = (scheduled: ScheduledTask): Promise<StatusOutcome> => {
    const sentAt = this.clock.now();
    const nth = this.counts.get(scheduled.key) ?? 0;
    this.counts.set(scheduled.key, nth + 1);
    this.sent.push({ key: scheduled.key, at: sentAt });
    const outcome = this.script({ key: scheduled.key, sentAt, nth });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const deliver = (resolve: (outcome: StatusOutcome) => void) => {
      this.inFlight--;
      resolve(outcome);
    };
    if (this.latencyMs <= 0) return new Promise((resolve) => deliver(resolve));
    return new Promise((resolve) => this.clock.setTimer(() => deliver(resolve), this.latencyMs));
  };

  /** Send times of the requests for one task. */
  times(key: TaskKey): number[] {
    return this.sent.filter((r) => r.key === key).map((r) => r.at);
  }
}

/** Every event the scheduler emitted, in order. */
export type Recorded = {
  [K in keyof SchedulerEvents]: { name: K; payload: SchedulerEvents[K] };
}[keyof SchedulerEvents];

export function record(scheduler: Scheduler): Recorded[] {
  const log: Recorded[] = [];
  const names: (keyof SchedulerEvents)[] = [
    'checked',
    'statusChanged',
    'finished',
    'authProblem',
    'connectivityProblem',
    'connectivityRestored',
    'rateLimited',
  ];
  for (const name of names) scheduler.on(name, (payload) => log.push({ name, payload } as Recorded));
  return log;
}

export function named<K extends keyof SchedulerEvents>(log: Recorded[], name: K): SchedulerEvents[K][] {
  return log.filter((e) => e.name === name).map((e) => e.payload as SchedulerEvents[K]);
}

export interface Rig {
  readonly clock: VirtualClock;
  readonly camb: FakeCamb;
  readonly scheduler: Scheduler;
  readonly events: Recorded[];
  /** When each task is next due, as the scheduler's 'planned' events said: null when none is planned. */
  nextCheckAt(key: TaskKey): number | null;
  /** Moves virtual time forward, letting answers land on the way. */
  advance(ms: number): Promise<void>;
}

/** A scheduler on a VirtualClock at T0 with no jitter and no rate budget, unless `options` say otherwise: tests of the budget set one. */
export function rig(
  options: Partial<Omit<SchedulerOptions, 'clock' | 'check'>> = {},
  script?: Script,
  latencyMs = 0,
): Rig {
  const clock = new VirtualClock(T0);
  const camb = new FakeCamb(clock, script, latencyMs);
  const scheduler = createScheduler({
    random: () => 0,
    ratePerSecond: Infinity,
    ...options,
    clock,
    check: camb.check,
  });
  const events = record(scheduler);
  const nextCheckAt = followPlan(scheduler);
  return { clock, camb, scheduler, events, nextCheckAt, advance: (ms) => clock.advance(ms) };
}

/** Follows the scheduler's 'planned' events: when each task is next due, null when none is planned. */
export function followPlan(scheduler: Scheduler): (key: TaskKey) => number | null {
  const plan = new Map<TaskKey, number | null>();
  scheduler.on('planned', ({ key, nextCheckAt }) => plan.set(key, nextCheckAt));
  return (key) => plan.get(key) ?? null;
}

/** Gaps between consecutive values. */
export function gaps(times: readonly number[]): number[] {
  return times.slice(1).map((t, i) => t - (times[i] ?? 0));
}
