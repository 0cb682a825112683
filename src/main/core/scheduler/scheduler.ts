import { RESPONSIVENESS_SHARE, responsivenessSchema, scheduleSchema } from '../../../shared/settings';
import type { Responsiveness, Schedule } from '../../../shared/settings';
import type { TaskKind } from '../../../shared/taskKinds';
import { isTerminalStatus } from '../../../shared/taskStatus';
import { taskKey, type TaskKey } from '../../../shared/watchedTask';
import { SECOND_MS } from '../../../shared/time';
import type { Clock, TimerHandle } from '../clock';
import type { Malformed, StatusOutcome } from '../camb';
import { TypedEmitter } from '../events';
import type { Listener } from '../events';
import { silentLogger } from '../logging';
import type { Logger } from '../logging';
import { AnswerHandler } from './answerHandler';
import type { CheckPolicy } from './checkPolicy';
import { ForbiddenTriage } from './forbiddenTriage';
import { adaptiveInterval } from './pollInterval';
import { PollQueue } from './pollQueue';
import { ProbeLine } from './probeLine';
import { RateBudget } from './rateBudget';
import type { Probe } from './probeLine';
import { RateLimitHold } from './rateLimitHold';
import { Reachability } from './reachability';
import { schedulePolicies } from './schedulePolicies';
import { parseTuning } from './schedulerTuning';
import type {
  CheckKey,
  CheckStatus,
  RetryNowVerdict,
  ScheduledTask,
  Scheduler,
  SchedulerEvents,
  SchedulerOptions,
  SchedulerState,
} from './schedulerTypes';
import type { Entry, Request, Sent } from './trackedTask';

/** What a probe comes to when the scheduler ends before sending it. */
const PROBE_NOT_SENT: Malformed = { type: 'malformed', message: 'The check was not sent.' };

/** Creates a scheduler that polls tracked tasks on the injected clock. See Scheduler for the API. */
export function createScheduler(options: SchedulerOptions): Scheduler {
  return new PollingScheduler(options);
}

/**
 * The gates (paused, offline, key rejected, rate limited, concurrency, budget) and the one timer. When a
 * task falls due and which due check goes first is the PollQueue's (its CheckPolicy's; due times live in
 * its DueQueue alone); what an answer does is the AnswerHandler's.
 */
class PollingScheduler implements Scheduler {
  private readonly clock: Clock;
  private readonly check: CheckStatus;
  private readonly checkKey: CheckKey | undefined;
  private readonly maxConcurrent: number;
  private readonly logger: Logger;
  private readonly budget: RateBudget;
  private readonly policies: Readonly<Record<Schedule, CheckPolicy>>;
  private schedule: Schedule;
  private readonly emitter: TypedEmitter<SchedulerEvents>;

  private readonly polls: PollQueue;
  private readonly reach = new Reachability();
  private readonly triage: ForbiddenTriage;
  private readonly hold: RateLimitHold;
  private readonly probes = new ProbeLine();
  private readonly answers: AnswerHandler;
  private inFlight = 0;
  private paused = false;
  private online = true;
  private disposed = false;

  private timer: TimerHandle | null = null;
  private timerAt: number | null = null;
  private pumping = false;
  private pumpAgain = false;
  private idleWaiters: (() => void)[] = [];

  constructor(options: SchedulerOptions) {
    const tuning = parseTuning(options);
    this.clock = options.clock;
    this.check = options.check;
    this.checkKey = options.checkKey;
    this.policies = schedulePolicies({
      interval: options.intervalPolicy ?? adaptiveInterval,
      durationModels: options.durationModels ?? (() => null),
    });
    this.schedule = scheduleSchema.parse(options.schedule ?? 'adaptive');
    this.logger = options.logger ?? silentLogger;
    this.maxConcurrent = tuning.maxConcurrent;
    this.budget = new RateBudget(tuning.ratePerSecond, SECOND_MS, tuning.arrivalJitterMs);
    this.polls = new PollQueue({
      clock: this.clock,
      random: options.random ?? Math.random,
      backoff: tuning.backoff,
      maxJitter: tuning.maxJitter,
      spacingMs: this.budget.spacingMs,
      policy: this.policies[this.schedule],
      share: RESPONSIVENESS_SHARE[tuning.responsiveness],
      // Every change of a due time is told as 'planned': the one source of each task's next check.
      planned: (key, nextCheckAt) => this.emitter.emit('planned', { key, nextCheckAt }),
    });
    this.triage = new ForbiddenTriage(options.checkKey !== undefined);
    this.hold = new RateLimitHold(tuning.backoff);
    this.emitter = new TypedEmitter<SchedulerEvents>((error) =>
      this.logger.error('A scheduler event listener failed', { error: describeError(error) }),
    );
    this.answers = new AnswerHandler({
      clock: this.clock,
      tasks: this.polls.tasks,
      reach: this.reach,
      triage: this.triage,
      hold: this.hold,
      emitter: this.emitter,
      requeue: (entry) => this.polls.requeue(entry),
      returnToQueue: (request) => this.polls.returnToQueue(request),
      pump: () => this.pump(),
    });
  }

  on<K extends keyof SchedulerEvents>(name: K, listener: Listener<SchedulerEvents[K]>): () => void {
    return this.emitter.on(name, listener);
  }

  track(task: ScheduledTask): void {
    if (this.disposed || isTerminalStatus(task.status)) return;
    if (this.polls.add(task)) this.pump();
  }

  untrack(key: TaskKey): void {
    if (!this.polls.remove(key)) return;
    this.triage.forget(key);
    this.pump();
  }

  isTracked(key: TaskKey): boolean {
    return this.polls.tasks.has(key);
  }

  checkNow(key?: TaskKey): void {
    if (key === undefined) this.polls.expediteAll();
    else this.polls.askFor(key);
    this.pump();
  }

  retryNow(): RetryNowVerdict {
    const now = this.clock.now();
    if (this.disposed || this.paused || this.reach.auth.active) return { type: 'held' };
    const retryAfterUntil = this.hold.retryAfterWaitUntil(now);
    if (retryAfterUntil !== null) return { type: 'wait', until: retryAfterUntil, why: 'retry-after' };
    if (!this.budget.canSend(now)) return { type: 'wait', until: this.budget.nextSlotAt(now), why: 'budget' };
    if (this.inFlight >= this.maxConcurrent) return { type: 'busy' };
    const next = this.polls.peek();
    const entry = next === undefined ? undefined : this.polls.takeForSending(next.key);
    if (next === undefined || entry === undefined) return { type: 'nothing' };
    const answer = new Promise<StatusOutcome>((resolve) => this.send(entry, next.dueAt, now, resolve));
    this.arm();
    return { type: 'sent', answer };
  }

  pause(): void {
    this.paused = true;
    this.pump();
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.polls.expediteAll();
    this.pump();
  }

  setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    if (online) this.polls.expediteAll();
    this.pump();
  }

  credentialsChanged(): void {
    // Rejections of requests sent with the old key must not pause polling again, nor stop a task: a 403
    // held for the key check is asked again with the new key.
    const refusals = this.triage.take((entry) => this.polls.tasks.holds(entry));
    for (const { request } of refusals) this.polls.returnToQueue(request);
    this.triage.forgetKey();
    if (this.reach.auth.reset() || refusals.length > 0) this.polls.expediteAll();
    this.pump();
  }

  setResponsiveness(responsiveness: Responsiveness): void {
    this.polls.repace({ share: RESPONSIVENESS_SHARE[responsivenessSchema.parse(responsiveness)] });
    this.pump();
  }

  setSchedule(schedule: Schedule): void {
    const next = scheduleSchema.parse(schedule);
    if (next === this.schedule) return;
    this.schedule = next;
    this.polls.repace({ policy: this.policies[next] });
    this.pump();
  }

  probe(kind: TaskKind, taskId: string): Promise<StatusOutcome> {
    if (this.disposed) return Promise.resolve(PROBE_NOT_SENT);
    return new Promise((resolve) => {
      this.probes.add({ kind, taskId, resolve });
      this.pump();
    });
  }

  state(): SchedulerState {
    return {
      tracked: this.polls.tasks.size,
      inFlight: this.inFlight,
      paused: this.paused,
      online: this.online,
      authBlocked: this.reach.auth.active,
      connectivityProblem: this.reach.connectivity.active,
      rateLimitedUntil: this.hold.until,
      requestSpacingMs: this.budget.spacingMs,
      polled: this.polls.tasks.polled,
    };
  }

  whenIdle(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    const idle = new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    this.pump();
    return idle;
  }

  dispose(): void {
    this.disposed = true;
    for (const probe of this.probes.drain()) probe.resolve(PROBE_NOT_SENT);
    this.disarm();
    this.resolveIdleWaiters();
  }

  // --- the gates and the timer ---------------------------------------------------------------------------

  private get blocked(): boolean {
    return this.disposed || this.paused || !this.online || this.reach.auth.active;
  }

  /** Sends every due request the gates allow, then sets the one timer for whatever comes next. */
  private pump(): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        this.sendDue();
      } while (this.pumpAgain);
    } finally {
      this.pumping = false;
    }
    this.arm();
    if (this.inFlight === 0) this.resolveIdleWaiters();
  }

  private sendDue(): void {
    if (this.blocked) return;
    const now = this.clock.now();
    if (this.hold.holds(now)) return;
    if (this.triage.keyCheckWanted && this.inFlight < this.maxConcurrent && this.budget.canSend(now))
      this.sendKeyCheck(now);
    while (this.inFlight < this.maxConcurrent && this.budget.canSend(now)) {
      const next = this.polls.nextDue(now);
      const probe = this.probes.takeTurn(next !== undefined);
      if (probe !== undefined) {
        this.sendProbe(probe, now);
        continue;
      }
      if (next === undefined) return;
      this.probes.pollSent();
      const entry = this.polls.takeForSending(next.key);
      if (entry !== undefined) this.send(entry, next.dueAt, now);
    }
  }

  private nextWakeAt(): number | null {
    if (this.blocked || this.inFlight >= this.maxConcurrent) return null;
    const now = this.clock.now();
    const dueAt = this.triage.keyCheckWanted || this.probes.size > 0 ? now : this.polls.peek()?.dueAt;
    if (dueAt === undefined) return null;
    return Math.max(now, dueAt, this.budget.nextSlotAt(now), this.hold.until ?? now);
  }

  private arm(): void {
    const wakeAt = this.nextWakeAt();
    if (wakeAt === this.timerAt) return;
    this.disarm();
    if (wakeAt === null) return;
    this.timerAt = wakeAt;
    this.timer = this.clock.setTimer(() => {
      this.timer = null;
      this.timerAt = null;
      this.pump();
    }, wakeAt - this.clock.now());
  }

  private disarm(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    this.timerAt = null;
  }

  private resolveIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  // --- requests: each spends the budget and a place in flight; answers go to the AnswerHandler ----------

  /** `retried` marks a request retryNow() sent through a hold, and hears its answer. */
  private send(entry: Entry, dueAt: number, now: number, retried?: (outcome: StatusOutcome) => void): void {
    const request: Request = { ...this.spend(now), entry, sentAt: now, dueAt, retry: retried !== undefined };
    const { key, kind, taskId, addedAt, lastCheckAt, status } = entry;
    this.ask(
      () => this.check({ key, kind, taskId, addedAt, lastCheckAt, status }),
      (outcome) => {
        this.answers.task(request, outcome);
        retried?.(outcome);
      },
    );
  }

  /** One request for a task that cannot exist, for every 403 held: 404 means the key itself works. */
  private sendKeyCheck(now: number): void {
    const checkKey = this.checkKey;
    if (checkKey === undefined) return;
    this.triage.keyCheckSent();
    const sent = this.spend(now);
    this.ask(checkKey, (outcome) => this.answers.keyCheck(sent, outcome));
  }

  /** A probe spends the budget like a poll and counts for reachability and rate limits like one. */
  private sendProbe(probe: Probe, now: number): void {
    const sent = this.spend(now);
    const { kind, taskId } = probe;
    const task: ScheduledTask = {
      key: taskKey(kind, taskId),
      kind,
      taskId,
      addedAt: now,
      lastCheckAt: null,
      status: null,
    };
    this.ask(
      () => this.check(task),
      (outcome) => this.answers.probe(sent, probe, outcome),
    );
  }

  private spend(now: number): Sent {
    this.inFlight++;
    this.budget.spend(now);
    return this.reach.stamp();
  }

  /**
   * Calls CAMB through `question`, which should not throw or reject; if it does, that is a malformed answer.
   * Answers after dispose() are ignored.
   */
  private ask(question: () => Promise<StatusOutcome>, onAnswer: (outcome: StatusOutcome) => void): void {
    let answer: Promise<StatusOutcome>;
    try {
      answer = question();
    } catch (error) {
      answer = Promise.reject(error);
    }
    const answered = (outcome: StatusOutcome) => {
      if (this.disposed) return;
      this.inFlight--;
      onAnswer(outcome);
    };
    answer.then(answered, (error: unknown) => answered(this.unexpectedFailure(error)));
  }

  private unexpectedFailure(error: unknown): Malformed {
    this.logger.warn('A status check failed unexpectedly', { error: describeError(error) });
    return { type: 'malformed', message: 'The status check failed unexpectedly; it will be retried.' };
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
}
