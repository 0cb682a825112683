import type { Responsiveness, Schedule } from '../../../shared/settings';
import type { TaskKind } from '../../../shared/taskKinds';
import type { StopCause, TaskKey } from '../../../shared/watchedTask';
import type { Clock } from '../clock';
import type { Listener } from '../events';
import type { Logger } from '../logging';
import type { AuthRejected, NetworkFailure, RateLimited, StatusOutcome, StatusReport } from '../camb';
import type { BackoffPolicy } from './backoff';
import type { DurationModelSource } from './durationAware';
import type { IntervalPolicy } from './pollInterval';

/** What the scheduler needs to know about a watched task (a subset of WatchedTask, plus its key). */
export interface ScheduledTask {
  readonly key: TaskKey;
  readonly kind: TaskKind;
  readonly taskId: string;
  /** When watching began; the task's age, and so its interval, counts from here. */
  readonly addedAt: number;
  /** When the last check was sent, or null if never: a restored task resumes from here. */
  readonly lastCheckAt: number | null;
  /** The last status seen, or null; `statusChanged.from` starts from it. */
  readonly status: string | null;
}

/** Asks CAMB for one task's status: the CAMB client's getStatus, bound by the caller. Should not throw. */
export type CheckStatus = (task: ScheduledTask) => Promise<StatusOutcome>;

/** Asks CAMB for a task that cannot exist: a 404 (or any status) means the key works. Should not throw. */
export type CheckKey = () => Promise<StatusOutcome>;

export interface SchedulerOptions {
  readonly clock: Clock;
  readonly check: CheckStatus;
  /**
   * With it, a 403 for one task is weighed against the key: if the key works (one check, shared by every
   * 403 meanwhile), that task alone stops with stopCause 'forbidden'; if the key is refused too, all polling
   * waits as after a 401. Without it, a 403 pauses everything like a 401.
   */
  readonly checkKey?: CheckKey;
  /** Source of jitter in [0, 1); default Math.random. */
  readonly random?: () => number;
  /** Default 'balanced' (10 % of age). */
  readonly responsiveness?: Responsiveness;
  /** Default adaptiveInterval: min(60 s, max(3 s, share × age)). */
  readonly intervalPolicy?: IntervalPolicy;
  /** Largest share by which jitter shortens an interval; default 0.05. */
  readonly maxJitter?: number;
  /** Requests in flight at once, across all tasks; default 4. */
  readonly maxConcurrent?: number;
  /** Requests in any rolling second, across all tasks, paced evenly (a whole number, or Infinity); default 5. */
  readonly ratePerSecond?: number;
  /**
   * How far the network may shift requests' arrival against each other; requests are spaced by
   * (1 s + this) / ratePerSecond so the budget holds where they arrive. Default 100 ms.
   */
  readonly arrivalJitterMs?: number;
  /** Per-task backoff on server errors, network failures, malformed answers and unknown statuses; also the global backoff after a 429 without Retry-After. Default 2 s doubling up to 5 min. */
  readonly backoff?: BackoffPolicy;
  /** Hears of listeners that throw; default silent. */
  readonly logger?: Logger;
  /**
   * 'duration-aware' paces each kind from `durationModels` once the user's history knows it, and under a
   * tight budget checks first the job most likely to have finished; 'adaptive' (the default) paces by
   * `intervalPolicy` and checks the most overdue first.
   */
  readonly schedule?: Schedule;
  /** How long the user's jobs of each kind took, as the watch list learned; read at every decision. */
  readonly durationModels?: DurationModelSource;
}

/**
 * The scheduler's events. Times are epoch milliseconds on the injected clock. For one answer, episode
 * events (authProblem, connectivityProblem, connectivityRestored, rateLimited) come first, then `checked`,
 * then statusChanged and finished.
 */
export interface SchedulerEvents {
  /**
   * A task's next planned check moved (queued, answered, replanned, stopped or removed): null = none
   * planned (also while its check is in flight). The only way a task's next check leaves the scheduler.
   */
  planned: { readonly key: TaskKey; readonly nextCheckAt: number | null };
  /** One per answered request, whatever the answer. `checkedAt` is when the request was sent; `nextCheckAt` is null when polling of this task stopped or waits for new credentials. */
  checked: {
    readonly key: TaskKey;
    readonly outcome: StatusOutcome;
    readonly checkedAt: number;
    readonly nextCheckAt: number | null;
    /** Why polling of this task stopped until checkNow(key): unknown task, refused id, or no access with a working key. */
    readonly stopCause: StopCause | null;
  };
  /** The status differs from the last one seen (`from` is null for the first answer). `at` is when the answer arrived. */
  statusChanged: {
    readonly key: TaskKey;
    readonly from: string | null;
    readonly to: string;
    readonly at: number;
    readonly report: StatusReport;
  };
  /** The task reached SUCCESS, ERROR, TIMEOUT or PAYMENT_REQUIRED and is no longer polled. */
  finished: { readonly key: TaskKey; readonly report: StatusReport; readonly at: number };
  /** The API key was rejected (401, or 403 for the key check too): all polling waits for credentialsChanged(). Once per episode. */
  authProblem: { readonly outcome: AuthRejected };
  /** Several requests in a row failed to reach CAMB, with no answer in between. Once per episode; connectivityRestored ends it. */
  connectivityProblem: { readonly outcome: NetworkFailure };
  /** CAMB answered again after a connectivityProblem. */
  connectivityRestored: Record<string, never>;
  /** CAMB asked us to slow down: no request is sent before `until`. */
  rateLimited: { readonly until: number; readonly outcome: RateLimited };
  /** A retryNow() request was answered before the rate limit ran out: requests flow again. */
  rateLimitEnded: Record<string, never>;
}

/**
 * What retryNow() did: sent one request (its answer comes with it), or why not. `wait`: CAMB's own
 * Retry-After, or the request budget, has not run out; `busy`: as many requests as allowed are out.
 */
export type RetryNowVerdict =
  | { readonly type: 'sent'; readonly answer: Promise<StatusOutcome> }
  | { readonly type: 'wait'; readonly until: number; readonly why: 'retry-after' | 'budget' }
  | { readonly type: 'busy' }
  | { readonly type: 'nothing' }
  | { readonly type: 'held' };

/** A snapshot for status displays (tray icon, CLI). */
export interface SchedulerState {
  readonly tracked: number;
  readonly inFlight: number;
  readonly paused: boolean;
  readonly online: boolean;
  readonly authBlocked: boolean;
  readonly connectivityProblem: boolean;
  /** No request before this time, or null when not rate limited. */
  readonly rateLimitedUntil: number | null;
  /** The least time between two requests the budget allows; 0 without a budget. */
  readonly requestSpacingMs: number;
  /** Tracked tasks still polled: not stopped (404, 422, 403) until the user asks to check them. */
  readonly polled: number;
}

export interface Scheduler {
  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends keyof SchedulerEvents>(name: K, listener: Listener<SchedulerEvents[K]>): () => void;
  /**
   * Starts polling a task: at once if never checked, else at lastCheckAt + interval (at once if overdue).
   * Terminal statuses are ignored; tracking a key twice is a no-op.
   */
  track(task: ScheduledTask): void;
  /** Stops polling a task; an answer still in flight for it is ignored. */
  untrack(key: TaskKey): void;
  isTracked(key: TaskKey): boolean;
  /**
   * Checks one task (restarting it if polling stopped after not-found / invalid / forbidden) or every polled task, as
   * soon as the rate budget, concurrency limit, pause, connectivity and auth state allow.
   */
  checkNow(key?: TaskKey): void;
  /**
   * "Retry now" on a hold: one request for the most overdue task goes out at once, even while offline or
   * inside a rate limit of our own back-off; never before a Retry-After CAMB gave, over the request budget,
   * or while paused or the key is rejected. An answer from CAMB ends the rate limit.
   */
  retryNow(): RetryNowVerdict;
  /** Stops sending requests (answers in flight are still handled). */
  pause(): void;
  /** Undoes pause() with an immediate round. */
  resume(): void;
  /** Offline: no requests at all. Back online: an immediate round. */
  setOnline(online: boolean): void;
  /** The API key changed: ends an auth pause with an immediate round. */
  credentialsChanged(): void;
  /** Rescales every pending interval. */
  setResponsiveness(responsiveness: Responsiveness): void;
  /** Switches between the duration-aware and the adaptive schedule; every pending interval is recomputed. */
  setSchedule(schedule: Schedule): void;
  /**
   * Asks once for a task id under a kind that is not watched (is this id known as another kind?), within
   * the same request budget, concurrency limit and holds (paused, offline, rejected key, rate limited) as
   * polling; resolves with the answer.
   */
  probe(kind: TaskKind, taskId: string): Promise<StatusOutcome>;
  state(): SchedulerState;
  /** Resolves once no request is in flight and none can start before time passes or the state changes. */
  whenIdle(): Promise<void>;
  /** Clears the timer; later answers are ignored and nothing more is sent. */
  dispose(): void;
}
