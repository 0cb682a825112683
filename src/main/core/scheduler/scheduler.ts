import { z } from 'zod';
import { RESPONSIVENESS_SHARE, responsivenessSchema, scheduleSchema } from '../../../shared/settings';
import type { Responsiveness, Schedule } from '../../../shared/settings';
import type { TaskKind } from '../../../shared/taskKinds';
import { isTerminalStatus, statusPhase } from '../../../shared/taskStatus';
import type { StopCause, TaskKey } from '../../../shared/watchedTask';
import type { Clock, TimerHandle } from '../clock/clock';
import type { AuthRejected, Malformed, RateLimited, StatusOutcome, StatusReport } from '../camb/outcomes';
import { TypedEmitter } from '../events/typedEmitter';
import type { Listener } from '../events/typedEmitter';
import { silentLogger } from '../logging/logger';
import type { Logger } from '../logging/logger';
import { atLeastBackoff } from '../camb/retryAfter';
import { backoffDelayMs, DEFAULT_BACKOFF } from './backoff';
import type { BackoffPolicy } from './backoff';
import { DueQueue } from './dueQueue';
import type { DueItem } from './dueQueue';
import { chooseNextCheck } from './budgetChoice';
import type { DueCandidate } from './budgetChoice';
import { anyHistory, durationAwareInterval, modelFor, pacesFrom } from './durationAware';
import type { DurationModelSource } from './durationAware';
import { Episode } from './episode';
import { FailureStreak } from './failureStreak';
import {
  adaptiveInterval,
  applyJitter,
  DEFAULT_MAX_JITTER,
  MAX_INTERVAL_MS,
  MIN_INTERVAL_MS,
} from './pollInterval';
import type { IntervalPolicy } from './pollInterval';
import { DEFAULT_ARRIVAL_JITTER_MS, RateBudget } from './rateBudget';
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

const wholeOrInfinite = (what: string) =>
  z.custom<number>(
    (value) => value === Infinity || (Number.isInteger(value) && (value as number) >= 1),
    `${what} must be a whole number of at least 1, or Infinity`,
  );

const tuningSchema = z.object({
  responsiveness: responsivenessSchema,
  maxJitter: z.number().min(0, 'maxJitter cannot be negative').max(0.5, 'maxJitter above 0.5 is not jitter'),
  maxConcurrent: wholeOrInfinite('maxConcurrent'),
  ratePerSecond: wholeOrInfinite('ratePerSecond'),
  arrivalJitterMs: z.number().min(0, 'arrivalJitterMs cannot be negative').max(1_000),
  backoff: z
    .object({ baseMs: z.number().positive(), maxMs: z.number().positive() })
    .refine((b) => b.maxMs >= b.baseMs, 'backoff.maxMs must be at least backoff.baseMs'),
});

/** Requests in flight at once, across all tasks, unless the caller says otherwise. */
export const DEFAULT_MAX_CONCURRENT = 4;
/** Requests in any rolling second, across all tasks, where they arrive, unless the caller says otherwise. */
export const DEFAULT_RATE_PER_SECOND = 5;
/** Network failures in a row, with no answer in between, that make CAMB.AI "unreachable". */
export const UNREACHABLE_AFTER_FAILURES = 3;

/**
 * Under a tight budget, a task that waited this many rounds of the budget (the time it takes to check every
 * task once) since its last check goes first, however unlikely its finish. Fewer rounds take turns from
 * the likely finishes, more let a job the history misjudges wait longer: in `npm run bench` scenario 2,
 * 2 rounds gave a p95 delay of 89 s, 3 rounds 79 s, 4 rounds 75 s.
 */
const STARVATION_ROUNDS = 3;

/** `awaiting-key-check`: answered 403, waiting to learn whether the key works for other tasks. */
type Phase = 'queued' | 'in-flight' | 'awaiting-key-check' | 'stopped';

interface Entry {
  readonly key: TaskKey;
  readonly kind: TaskKind;
  readonly taskId: string;
  readonly addedAt: number;
  lastCheckAt: number | null;
  status: string | null;
  phase: Phase;
  /** Consecutive answers that were failures or unknown statuses. */
  strikes: number;
  /** The jitter draw for the interval now running, kept so a responsiveness change reschedules consistently. */
  jitter: number;
  /** Moved up by an immediate round: a responsiveness change must not push it back. */
  expedited: boolean;
  /** The user asked for this task alone (checkNow(key)): under a tight budget it goes before the rest. */
  urgent: boolean;
}

/** What every request to CAMB carries, a task's or the key check's. */
interface Sent {
  /** Order of sending, across all requests. */
  readonly seq: number;
  readonly authStamp: number;
  readonly connectivityStamp: number;
}

interface Request extends Sent {
  readonly entry: Entry;
  readonly sentAt: number;
  /** When it was due: a request the server turned away goes back to the queue in its old place. */
  readonly dueAt: number;
  /** Sent by retryNow() through a hold: its answer tells whether the hold can end. */
  readonly retry?: boolean;
}

/** A task's 403 held until the key check tells whether the key or the task is the problem. */
interface Refusal {
  readonly request: Request;
  readonly outcome: AuthRejected;
}

/** One 'checked' event to emit. */
interface Checked {
  readonly request: Request;
  readonly outcome: StatusOutcome;
  readonly nextCheckAt: number | null;
  readonly stopCause: StopCause | null;
}

interface Probe {
  readonly kind: TaskKind;
  readonly taskId: string;
  readonly resolve: (outcome: StatusOutcome) => void;
}

/** What a probe comes to when the scheduler ends before sending it. */
const PROBE_NOT_SENT: Malformed = { type: 'malformed', message: 'The check was not sent.' };

/** Creates a scheduler that polls tracked tasks on the injected clock. See Scheduler for the API. */
export function createScheduler(options: SchedulerOptions): Scheduler {
  return new PollingScheduler(options);
}

class PollingScheduler implements Scheduler {
  private readonly clock: Clock;
  private readonly check: CheckStatus;
  private readonly checkKey: CheckKey | undefined;
  private readonly random: () => number;
  private readonly policy: IntervalPolicy;
  private readonly maxJitter: number;
  private readonly maxConcurrent: number;
  private readonly backoff: BackoffPolicy;
  private readonly logger: Logger;
  private readonly budget: RateBudget;
  private readonly durationModels: DurationModelSource;
  private schedule: Schedule;
  private readonly emitter: TypedEmitter<SchedulerEvents>;

  private readonly entries = new Map<TaskKey, Entry>();
  // Every change of a due time is told as 'planned': the one source of each task's next check.
  private readonly queue = new DueQueue<TaskKey>((key, nextCheckAt) =>
    this.emitter.emit('planned', { key, nextCheckAt }),
  );
  private readonly auth = new Episode();
  private readonly connectivity = new Episode();
  private readonly networkFailures = new FailureStreak(UNREACHABLE_AFTER_FAILURES);
  private sequence = 0;
  /** 403s waiting for the key check; several at once share one. */
  private readonly refusals = new Map<TaskKey, Refusal>();
  private keyCheckInFlight = false;
  /** The last key check that found the key working: a 403 to a request sent before it is the task's alone. */
  private keyWorked: Sent | null = null;
  private share: number;
  private inFlight = 0;
  private paused = false;
  private online = true;
  private disposed = false;
  private rateLimitedUntil: number | null = null;
  /** Until when CAMB's own Retry-After asked us to wait (the rest of a hold is our back-off); null: it did not. */
  private retryAfterUntil: number | null = null;
  private rateLimitStrikes = 0;
  /** One-off questions about an id under another kind, sent before due tasks (there are few). */
  private readonly probes: Probe[] = [];
  private lastSlotWasProbe = false;
  /** Tasks with a check the user asked for still to send (`Entry.urgent`), to find them without a scan. */
  private readonly urgentKeys = new Set<TaskKey>();

  private timer: TimerHandle | null = null;
  private timerAt: number | null = null;
  private pumping = false;
  private pumpAgain = false;
  private idleWaiters: (() => void)[] = [];

  constructor(options: SchedulerOptions) {
    const tuning = tuningSchema.parse({
      responsiveness: options.responsiveness ?? 'balanced',
      maxJitter: options.maxJitter ?? DEFAULT_MAX_JITTER,
      maxConcurrent: options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT,
      ratePerSecond: options.ratePerSecond ?? DEFAULT_RATE_PER_SECOND,
      arrivalJitterMs: options.arrivalJitterMs ?? DEFAULT_ARRIVAL_JITTER_MS,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
    });
    this.clock = options.clock;
    this.check = options.check;
    this.checkKey = options.checkKey;
    this.random = options.random ?? Math.random;
    this.policy = options.intervalPolicy ?? adaptiveInterval;
    this.schedule = scheduleSchema.parse(options.schedule ?? 'adaptive');
    this.durationModels = options.durationModels ?? (() => null);
    this.logger = options.logger ?? silentLogger;
    this.share = RESPONSIVENESS_SHARE[tuning.responsiveness];
    this.maxJitter = tuning.maxJitter;
    this.maxConcurrent = tuning.maxConcurrent;
    this.backoff = tuning.backoff;
    this.budget = new RateBudget(tuning.ratePerSecond, 1_000, tuning.arrivalJitterMs);
    this.emitter = new TypedEmitter<SchedulerEvents>((error) =>
      this.logger.error('A scheduler event listener failed', { error: describeError(error) }),
    );
  }

  on<K extends keyof SchedulerEvents>(name: K, listener: Listener<SchedulerEvents[K]>): () => void {
    return this.emitter.on(name, listener);
  }

  track(task: ScheduledTask): void {
    if (this.disposed || this.entries.has(task.key) || isTerminalStatus(task.status)) return;
    const entry: Entry = {
      key: task.key,
      kind: task.kind,
      taskId: task.taskId,
      addedAt: task.addedAt,
      lastCheckAt: task.lastCheckAt,
      status: task.status,
      phase: 'queued',
      strikes: 0,
      jitter: this.random(),
      expedited: task.lastCheckAt === null,
      urgent: false,
    };
    this.entries.set(task.key, entry);
    // An overdue restored task keeps its past due time, so it goes before tasks that fell due later.
    this.queue.set(task.key, task.lastCheckAt === null ? this.clock.now() : this.plannedDue(entry));
    this.pump();
  }

  untrack(key: TaskKey): void {
    if (!this.entries.delete(key)) return;
    this.queue.delete(key);
    this.urgentKeys.delete(key);
    this.refusals.delete(key);
    this.pump();
  }

  isTracked(key: TaskKey): boolean {
    return this.entries.has(key);
  }

  checkNow(key?: TaskKey): void {
    if (key === undefined) {
      this.expediteAll();
    } else {
      const entry = this.entries.get(key);
      if (entry === undefined) return;
      if (entry.phase === 'stopped') {
        entry.phase = 'queued';
        entry.strikes = 0;
      }
      if (entry.phase === 'queued') {
        this.expedite(entry);
        entry.urgent = true;
        this.urgentKeys.add(key);
      }
    }
    this.pump();
  }

  retryNow(): RetryNowVerdict {
    const now = this.clock.now();
    if (this.disposed || this.paused || this.auth.active) return { type: 'held' };
    const holding = this.rateLimitedUntil !== null && now < this.rateLimitedUntil;
    // CAMB named its wait: asking sooner would only be turned away (and count against us).
    if (holding && this.retryAfterUntil !== null && now < this.retryAfterUntil)
      return { type: 'wait', until: this.retryAfterUntil, why: 'retry-after' };
    if (!this.budget.canSend(now)) return { type: 'wait', until: this.budget.nextSlotAt(now), why: 'budget' };
    if (this.inFlight >= this.maxConcurrent) return { type: 'busy' };
    const next = this.queue.peek();
    const entry = next === undefined ? undefined : this.entries.get(next.key);
    if (next === undefined || entry === undefined) return { type: 'nothing' };
    this.queue.pop();
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
    this.expediteAll();
    this.pump();
  }

  setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    if (online) this.expediteAll();
    this.pump();
  }

  credentialsChanged(): void {
    // Rejections of requests sent with the old key must not pause polling again, nor stop a task: a 403
    // held for the key check is asked again with the new key.
    const refusals = this.takeRefusals();
    for (const { request } of refusals) this.returnToQueue(request);
    this.keyWorked = null;
    if (this.auth.reset() || refusals.length > 0) this.expediteAll();
    this.pump();
  }

  setResponsiveness(responsiveness: Responsiveness): void {
    this.share = RESPONSIVENESS_SHARE[responsivenessSchema.parse(responsiveness)];
    this.replanAll();
  }

  setSchedule(schedule: Schedule): void {
    const next = scheduleSchema.parse(schedule);
    if (next === this.schedule) return;
    this.schedule = next;
    this.replanAll();
  }

  /** Recomputes every pending interval after a change of pace; tasks moved up stay where they are. */
  private replanAll(): void {
    for (const entry of this.entries.values()) {
      if (entry.phase === 'queued' && !entry.expedited && entry.lastCheckAt !== null)
        this.queue.set(entry.key, this.plannedDue(entry));
    }
    this.pump();
  }

  probe(kind: TaskKind, taskId: string): Promise<StatusOutcome> {
    if (this.disposed) return Promise.resolve(PROBE_NOT_SENT);
    return new Promise((resolve) => {
      this.probes.push({ kind, taskId, resolve });
      this.pump();
    });
  }

  private polledCount(): number {
    let polled = 0;
    for (const entry of this.entries.values()) if (entry.phase !== 'stopped') polled++;
    return polled;
  }

  state(): SchedulerState {
    return {
      tracked: this.entries.size,
      inFlight: this.inFlight,
      paused: this.paused,
      online: this.online,
      authBlocked: this.auth.active,
      connectivityProblem: this.connectivity.active,
      rateLimitedUntil: this.rateLimitedUntil,
      requestSpacingMs: this.budget.spacingMs,
      polled: this.polledCount(),
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
    for (const probe of this.probes.splice(0)) probe.resolve(PROBE_NOT_SENT);
    this.disarm();
    this.resolveIdleWaiters();
  }

  // --- scheduling -------------------------------------------------------------------------------------

  /** When a queued task falls due: the normal interval from its last send, stretched by any backoff, jittered. */
  private plannedDue(entry: Entry): number {
    const now = this.clock.now();
    // A last check "in the future" means the wall clock was set back: count from now, not from then.
    const sentAt = Math.min(entry.lastCheckAt ?? now, now);
    const ageMs = sentAt - entry.addedAt;
    const model = modelFor(this.schedule, this.durationModels(), entry.kind);
    // The pace: from the user's history of this kind when the schedule uses it and there is some, else by age.
    const learned = pacesFrom(model);
    const normal = learned
      ? durationAwareInterval(model, ageMs, this.share, this.policy)
      : this.policy(ageMs, this.share);
    // Backoff never makes a check come sooner than the normal schedule would.
    const wait = Math.max(normal, backoffDelayMs(entry.strikes, this.backoff));
    const jittered = applyJitter(wait, entry.jitter, this.maxJitter);
    // The duration-aware pace promises never to check a job more often than every 3 s, jitter included.
    return sentAt + (learned ? Math.max(MIN_INTERVAL_MS, jittered) : jittered);
  }

  private requeue(entry: Entry): number {
    entry.phase = 'queued';
    entry.jitter = this.random();
    const dueAt = this.plannedDue(entry);
    this.queue.set(entry.key, dueAt);
    return dueAt;
  }

  private expedite(entry: Entry): void {
    const now = this.clock.now();
    const dueAt = this.queue.dueAt(entry.key);
    if (dueAt === null || dueAt > now) this.queue.set(entry.key, now);
    entry.expedited = true;
  }

  private expediteAll(): void {
    for (const entry of this.entries.values()) if (entry.phase === 'queued') this.expedite(entry);
  }

  private get blocked(): boolean {
    return this.disposed || this.paused || !this.online || this.auth.active;
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
    if (this.rateLimitedUntil !== null) {
      if (now < this.rateLimitedUntil) return;
      this.rateLimitedUntil = null;
    }
    if (this.keyCheckWanted && this.inFlight < this.maxConcurrent && this.budget.canSend(now))
      this.sendKeyCheck(now);
    // Probes and due polls take turns for the budget's slots: under a budget kept full by polling a probe
    // still goes out, and a poll (or a check the user asked for) waits at most one slot for a probe.
    while (this.inFlight < this.maxConcurrent && this.budget.canSend(now)) {
      const next = this.nextToSend(now);
      const probe = this.probes[0];
      if (probe !== undefined && (next === undefined || !this.lastSlotWasProbe)) {
        this.probes.shift();
        this.lastSlotWasProbe = true;
        this.sendProbe(probe, now);
        continue;
      }
      if (next === undefined) return;
      this.queue.delete(next.key);
      this.lastSlotWasProbe = false;
      const entry = this.entries.get(next.key);
      if (entry !== undefined) this.send(entry, next.dueAt, now);
    }
  }

  /** Which due task gets the next request: the most overdue, unless the duration-aware schedule has history. */
  /**
   * A due check the user asked for (Check now, a task just added): it goes before the most overdue, since
   * someone is waiting for its answer.
   */
  private askedForDue(now: number): DueItem<TaskKey> | undefined {
    for (const key of this.urgentKeys) {
      const dueAt = this.queue.dueAt(key);
      if (dueAt !== null && dueAt <= now) return { key, dueAt };
    }
    return undefined;
  }

  private nextToSend(now: number): DueItem<TaskKey> | undefined {
    const first = this.queue.peek();
    if (first === undefined || first.dueAt > now) return undefined;
    const models = this.durationModels();
    if (this.schedule !== 'duration-aware' || !anyHistory(models)) return this.askedForDue(now) ?? first;
    const candidates: DueCandidate[] = [];
    for (const item of this.queue.dueBy(now)) {
      const entry = this.entries.get(item.key);
      if (entry === undefined) continue;
      const { kind, addedAt, lastCheckAt, urgent } = entry;
      candidates.push({ item, kind, addedAt, lastCheckAt, urgent });
    }
    return candidates.length <= 1
      ? first
      : chooseNextCheck(candidates, now, this.starvationLimitMs(), models);
  }

  /**
   * How long a task may wait since its last check before it goes ahead of likelier ones: a minute when the
   * budget can check every task that often, else STARVATION_ROUNDS times what the budget takes to check
   * every task once, so that a job the history says is far from done (it may have failed early) still gets
   * a turn.
   */
  private starvationLimitMs(): number {
    return Math.max(MAX_INTERVAL_MS, STARVATION_ROUNDS * this.entries.size * this.budget.spacingMs);
  }

  private nextWakeAt(): number | null {
    if (this.blocked || this.inFlight >= this.maxConcurrent) return null;
    const now = this.clock.now();
    const dueAt = this.keyCheckWanted || this.probes.length > 0 ? now : this.queue.peek()?.dueAt;
    if (dueAt === undefined) return null;
    return Math.max(now, dueAt, this.budget.nextSlotAt(now), this.rateLimitedUntil ?? now);
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

  // --- requests and answers ---------------------------------------------------------------------------

  private stamp(): Sent {
    return {
      seq: ++this.sequence,
      authStamp: this.auth.stamp(),
      connectivityStamp: this.connectivity.stamp(),
    };
  }

  /** `retried` marks a request retryNow() sent through a hold, and hears its answer. */
  private send(entry: Entry, dueAt: number, now: number, retried?: (outcome: StatusOutcome) => void): void {
    entry.phase = 'in-flight';
    entry.expedited = false;
    entry.urgent = false;
    this.urgentKeys.delete(entry.key);
    this.inFlight++;
    this.budget.spend(now);
    const request: Request = { ...this.stamp(), entry, sentAt: now, dueAt, retry: retried !== undefined };
    const task: ScheduledTask = {
      key: entry.key,
      kind: entry.kind,
      taskId: entry.taskId,
      addedAt: entry.addedAt,
      lastCheckAt: entry.lastCheckAt,
      status: entry.status,
    };
    this.ask(
      () => this.check(task),
      (outcome) => {
        this.onAnswer(request, outcome);
        retried?.(outcome);
      },
    );
  }

  /** Calls CAMB through `question`, which should not throw or reject; if it does, that is a malformed answer. */
  private ask(question: () => Promise<StatusOutcome>, onAnswer: (outcome: StatusOutcome) => void): void {
    let answer: Promise<StatusOutcome>;
    try {
      answer = question();
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer.then(onAnswer, (error: unknown) => onAnswer(this.unexpectedFailure(error)));
  }

  private onAnswer(request: Request, outcome: StatusOutcome): void {
    if (this.disposed) return;
    this.inFlight--;
    const { entry } = request;
    if (this.entries.get(entry.key) !== entry) {
      this.pump();
      return;
    }
    const now = this.clock.now();
    entry.lastCheckAt = request.sentAt;
    // Episode news goes out before 'checked' and status news after it, so a listener reacting to the check
    // already knows whether CAMB is reachable and the key accepted (e.g. the tray never shows a fresh
    // answer under a stale "offline" icon).
    const episodeEvents: (() => void)[] = [];
    const statusEvents: (() => void)[] = [];
    this.noteReachability(request, outcome, episodeEvents);
    if (request.retry === true) this.retryAnswered(outcome, episodeEvents);

    let nextCheckAt: number | null;
    let stopCause: StopCause | null = null;
    switch (outcome.type) {
      case 'status':
        nextCheckAt = this.onStatus(entry, outcome, now, statusEvents);
        break;
      case 'server-error':
      case 'malformed':
      case 'network':
        entry.strikes++;
        nextCheckAt = this.requeue(entry);
        break;
      case 'rate-limited':
        nextCheckAt = this.onRateLimited(request, outcome, now, episodeEvents);
        break;
      case 'auth-rejected': {
        const verdict = this.onAuthRejected(request, outcome, episodeEvents);
        if (verdict === 'awaiting-key-check') {
          // Told once the key check answers; episode news (e.g. connectivity back) goes out now.
          for (const emit of episodeEvents) emit();
          this.pump();
          return;
        }
        ({ nextCheckAt, stopCause } = verdict);
        break;
      }
      case 'not-found':
      case 'invalid':
        // Asking again will not change the answer; checkNow(key) restarts it if the user says so.
        entry.phase = 'stopped';
        nextCheckAt = null;
        stopCause = outcome.type;
        break;
    }
    this.announce(episodeEvents, [{ request, outcome, nextCheckAt, stopCause }], statusEvents);
  }

  /** Emits one answer's news in its order (episodes, checks, statuses), then sends what may go next. */
  private announce(
    episodeEvents: readonly (() => void)[],
    checks: readonly Checked[],
    statusEvents: readonly (() => void)[] = [],
  ): void {
    for (const emit of episodeEvents) emit();
    for (const { request, outcome, nextCheckAt, stopCause } of checks)
      this.emitter.emit('checked', {
        key: request.entry.key,
        outcome,
        checkedAt: request.sentAt,
        nextCheckAt,
        stopCause,
      });
    for (const emit of statusEvents) emit();
    this.pump();
  }

  /** What any answer says of the connection: failures in a row make CAMB unreachable; an answer ends it. */
  private noteReachability(sent: Sent, outcome: StatusOutcome, episodeEvents: (() => void)[]): void {
    if (outcome.type !== 'rate-limited') this.rateLimitStrikes = 0;
    if (outcome.type === 'network') {
      if (this.networkFailures.fail(this.sequence) && this.connectivity.begin(sent.connectivityStamp))
        episodeEvents.push(() => this.emitter.emit('connectivityProblem', { outcome }));
    } else if (this.networkFailures.answer(sent.seq) && this.connectivity.end()) {
      episodeEvents.push(() => this.emitter.emit('connectivityRestored', {}));
    }
  }

  /**
   * A 401 means the key is invalid: everything waits for a new one. A 403 may be this task's alone (another
   * account's job): with a key check at hand, the task waits for it, unless one sent later already found the
   * key working, and then the task alone stops.
   */
  private onAuthRejected(
    request: Request,
    outcome: AuthRejected,
    episodeEvents: (() => void)[],
  ): 'awaiting-key-check' | { nextCheckAt: number | null; stopCause: StopCause | null } {
    const current = request.authStamp === this.auth.stamp() && !this.auth.active;
    if (outcome.httpStatus === 403 && this.checkKey !== undefined && current) {
      const worked = this.keyWorked;
      if (worked !== null && worked.authStamp === request.authStamp && worked.seq > request.seq) {
        request.entry.phase = 'stopped';
        return { nextCheckAt: null, stopCause: 'forbidden' };
      }
      request.entry.phase = 'awaiting-key-check';
      this.refusals.set(request.entry.key, { request, outcome });
      return 'awaiting-key-check';
    }
    this.returnToQueue(request);
    if (this.auth.begin(request.authStamp))
      episodeEvents.push(() => this.emitter.emit('authProblem', { outcome }));
    return { nextCheckAt: this.auth.active ? null : request.dueAt, stopCause: null };
  }

  private get keyCheckWanted(): boolean {
    return this.refusals.size > 0 && !this.keyCheckInFlight;
  }

  /** One request for a task that cannot exist, for every 403 held: 404 means the key itself works. */
  private sendKeyCheck(now: number): void {
    const checkKey = this.checkKey;
    if (checkKey === undefined) return;
    this.keyCheckInFlight = true;
    this.inFlight++;
    this.budget.spend(now);
    const sent = this.stamp();
    this.ask(checkKey, (outcome) => this.onKeyCheck(sent, outcome));
  }

  private onKeyCheck(sent: Sent, outcome: StatusOutcome): void {
    if (this.disposed) return;
    this.inFlight--;
    this.keyCheckInFlight = false;
    const now = this.clock.now();
    const episodeEvents: (() => void)[] = [];
    this.noteReachability(sent, outcome, episodeEvents);
    if (outcome.type === 'rate-limited') this.rateLimit(outcome, now, episodeEvents);
    // A new key since the check was sent: its 403s went back to the queue, to be asked with the new key.
    if (sent.authStamp !== this.auth.stamp()) {
      this.announce(episodeEvents, []);
      return;
    }
    const checks = this.takeRefusals().map(({ request, outcome: refusal }): Checked => {
      const { entry } = request;
      switch (outcome.type) {
        case 'status':
        case 'not-found':
          entry.phase = 'stopped';
          return { request, outcome: refusal, nextCheckAt: null, stopCause: 'forbidden' };
        case 'auth-rejected':
          this.returnToQueue(request);
          return { request, outcome: refusal, nextCheckAt: null, stopCause: null };
        case 'rate-limited':
          this.returnToQueue(request);
          return {
            request,
            outcome: refusal,
            nextCheckAt: Math.max(request.dueAt, this.rateLimitedUntil ?? now),
            stopCause: null,
          };
        default:
          // The check could not tell: ask for the task again later, as after any failed answer.
          entry.strikes++;
          return { request, outcome: refusal, nextCheckAt: this.requeue(entry), stopCause: null };
      }
    });
    if (outcome.type === 'status' || outcome.type === 'not-found') this.keyWorked = sent;
    if (outcome.type === 'auth-rejected' && this.auth.begin(sent.authStamp))
      episodeEvents.push(() => this.emitter.emit('authProblem', { outcome }));
    this.announce(episodeEvents, checks);
  }

  /** A probe spends the budget like a poll and counts for reachability and rate limits like one. */
  private sendProbe(probe: Probe, now: number): void {
    this.inFlight++;
    this.budget.spend(now);
    const sent = this.stamp();
    const task: ScheduledTask = {
      key: `${probe.kind}:${probe.taskId}`,
      kind: probe.kind,
      taskId: probe.taskId,
      addedAt: now,
      lastCheckAt: null,
      status: null,
    };
    this.ask(
      () => this.check(task),
      (outcome) => {
        if (this.disposed) return;
        this.inFlight--;
        const episodeEvents: (() => void)[] = [];
        this.noteReachability(sent, outcome, episodeEvents);
        if (outcome.type === 'rate-limited') this.rateLimit(outcome, this.clock.now(), episodeEvents);
        probe.resolve(outcome);
        this.announce(episodeEvents, []);
      },
    );
  }

  /** The held 403s of tasks still tracked, forgotten here. */
  private takeRefusals(): Refusal[] {
    const refusals = [...this.refusals.values()].filter(
      ({ request }) => this.entries.get(request.entry.key) === request.entry,
    );
    this.refusals.clear();
    return refusals;
  }

  private onStatus(
    entry: Entry,
    report: StatusReport,
    now: number,
    statusEvents: (() => void)[],
  ): number | null {
    const from = entry.status;
    entry.status = report.status;
    if (from !== report.status)
      statusEvents.push(() =>
        this.emitter.emit('statusChanged', { key: entry.key, from, to: report.status, at: now, report }),
      );
    if (isTerminalStatus(report.status)) {
      this.entries.delete(entry.key);
      statusEvents.push(() => this.emitter.emit('finished', { key: entry.key, report, at: now }));
      return null;
    }
    // An undocumented status may mean trouble on CAMB's side: keep asking, but less and less often.
    entry.strikes = statusPhase(report.status) === 'pending' ? 0 : entry.strikes + 1;
    return this.requeue(entry);
  }

  private onRateLimited(
    request: Request,
    outcome: RateLimited,
    now: number,
    episodeEvents: (() => void)[],
  ): number {
    const until = this.rateLimit(outcome, now, episodeEvents);
    this.returnToQueue(request);
    return Math.max(request.dueAt, until);
  }

  /**
   * A retry through a rate limit that CAMB answered ends the hold; one it turned away again starts a
   * new, longer one (below) that is announced like the first.
   */
  private retryAnswered(outcome: StatusOutcome, episodeEvents: (() => void)[]): void {
    if (this.rateLimitedUntil === null) return;
    if (outcome.type === 'rate-limited') {
      this.rateLimitedUntil = null;
      return;
    }
    if (outcome.type === 'network') return;
    this.rateLimitedUntil = null;
    this.retryAfterUntil = null;
    episodeEvents.push(() => this.emitter.emit('rateLimitEnded', {}));
  }

  /** Holds every request until CAMB's wait is over; returns when that is. */
  private rateLimit(outcome: RateLimited, now: number, episodeEvents: (() => void)[]): number {
    // Answers to requests already in flight when the wait began only extend it, silently.
    const newEpisode = this.rateLimitedUntil === null;
    if (newEpisode) this.rateLimitStrikes++;
    // A Retry-After shorter than the backoff ("0", a past date) is no advice: never faster than the backoff.
    const wait = atLeastBackoff(
      outcome.retryAfterMs,
      backoffDelayMs(Math.max(1, this.rateLimitStrikes), this.backoff),
    );
    const until = Math.max(this.rateLimitedUntil ?? now, now + wait);
    this.rateLimitedUntil = until;
    if (outcome.retryAfterMs !== null)
      this.retryAfterUntil = Math.max(this.retryAfterUntil ?? now, now + outcome.retryAfterMs);
    if (newEpisode) episodeEvents.push(() => this.emitter.emit('rateLimited', { until, outcome }));
    return until;
  }

  /** Puts a task the server turned away back where it stood, so it goes first once requests may flow again. */
  private returnToQueue(request: Request): void {
    request.entry.phase = 'queued';
    this.queue.set(request.entry.key, request.dueAt);
  }

  private unexpectedFailure(error: unknown): Malformed {
    this.logger.warn('A status check failed unexpectedly', { error: describeError(error) });
    return { type: 'malformed', message: 'The status check failed unexpectedly; it will be retried.' };
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
}
