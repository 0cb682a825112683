/**
 * The tracked tasks and when each is next checked: the DueQueue is the one owner of every due time, set
 * here from the CheckPolicy's pace, stretched by back-off and jittered; and the policy's choice of which
 * due check the next free slot goes to. It knows nothing of the gates: the scheduler asks it what is due.
 */
import type { TaskKey } from '../../../shared/watchedTask';
import type { Clock } from '../clock';
import { backoffDelayMs } from './backoff';
import type { BackoffPolicy } from './backoff';
import type { DueCandidate } from './budgetChoice';
import type { CheckPolicy, DueChecks } from './checkPolicy';
import { DueQueue } from './dueQueue';
import type { DueChange, DueItem } from './dueQueue';
import { applyJitter } from './pollInterval';
import { budgetRoundMs } from './rateBudget';
import type { ScheduledTask } from './schedulerTypes';
import { TrackedTasks } from './trackedTask';
import type { Entry, Request } from './trackedTask';

export interface PollQueueOptions {
  readonly clock: Clock;
  /** Source of jitter draws in [0, 1). */
  readonly random: () => number;
  readonly backoff: BackoffPolicy;
  readonly maxJitter: number;
  /** The least time between two requests: a round of the budget is this per polled task. */
  readonly spacingMs: number;
  readonly policy: CheckPolicy;
  /** The responsiveness's share (of a job's age, for the adaptive pace). */
  readonly share: number;
  /** Told of every change of a task's due time (null: none planned), as the scheduler's 'planned'. */
  readonly planned: DueChange<TaskKey>;
}

export class PollQueue {
  readonly tasks = new TrackedTasks();
  private readonly queue: DueQueue<TaskKey>;
  /** Tasks with a check the user asked for still to send (`Entry.urgent`), to find them without a scan. */
  private readonly urgentKeys = new Set<TaskKey>();
  private policy: CheckPolicy;
  private share: number;

  constructor(private readonly options: PollQueueOptions) {
    this.policy = options.policy;
    this.share = options.share;
    this.queue = new DueQueue<TaskKey>(options.planned);
  }

  /** Starts tracking a task (false if it already was): at once if never checked, else when it falls due. */
  add(task: ScheduledTask): boolean {
    if (this.tasks.has(task.key)) return false;
    const { key, kind, taskId, addedAt, lastCheckAt, status } = task;
    const expedited = lastCheckAt === null;
    const jitter = this.options.random();
    const entry: Entry = {
      key,
      kind,
      taskId,
      addedAt,
      lastCheckAt,
      status,
      phase: 'queued',
      strikes: 0,
      jitter,
      expedited,
      urgent: false,
    };
    this.tasks.add(entry);
    // An overdue restored task keeps its past due time, so it goes before tasks that fell due later.
    this.queue.set(key, expedited ? this.options.clock.now() : this.plannedDue(entry));
    return true;
  }

  /** Stops tracking a task; false if it was not tracked. */
  remove(key: TaskKey): boolean {
    if (this.tasks.delete(key) === undefined) return false;
    this.queue.delete(key);
    this.urgentKeys.delete(key);
    return true;
  }

  /** The user asked for this task alone: restarted if stopped, and due now ahead of the rest. */
  askFor(key: TaskKey): void {
    const entry = this.tasks.get(key);
    if (entry === undefined) return;
    if (entry.phase === 'stopped') {
      this.tasks.setPhase(entry, 'queued');
      entry.strikes = 0;
    }
    if (entry.phase !== 'queued') return;
    this.expedite(entry);
    entry.urgent = true;
    this.urgentKeys.add(key);
  }

  /** An immediate round: every queued task due now (it stays so through a change of pace). */
  expediteAll(): void {
    for (const entry of this.tasks.values()) if (entry.phase === 'queued') this.expedite(entry);
  }

  /** A new pace (schedule or responsiveness): every pending interval is recomputed. */
  repace(change: { readonly policy?: CheckPolicy; readonly share?: number }): void {
    this.policy = change.policy ?? this.policy;
    this.share = change.share ?? this.share;
    // Tasks moved up stay where they are.
    for (const entry of this.tasks.values()) {
      if (entry.phase === 'queued' && !entry.expedited && entry.lastCheckAt !== null)
        this.queue.set(entry.key, this.plannedDue(entry));
    }
  }

  /** Queues a task again after an answer, at its next planned time (returned). */
  requeue(entry: Entry): number {
    this.tasks.setPhase(entry, 'queued');
    entry.jitter = this.options.random();
    const dueAt = this.plannedDue(entry);
    this.queue.set(entry.key, dueAt);
    return dueAt;
  }

  /** Puts a task the server turned away back where it stood, so it goes first once requests may flow again. */
  returnToQueue(request: Request): void {
    this.tasks.setPhase(request.entry, 'queued');
    this.queue.set(request.entry.key, request.dueAt);
  }

  /** The check due soonest (the most overdue), due or not. */
  peek(): DueItem<TaskKey> | undefined {
    return this.queue.peek();
  }

  /** Which due task gets the next request: the policy's choice, asked only when one is due. */
  nextDue(now: number): DueItem<TaskKey> | undefined {
    const first = this.queue.peek();
    if (first === undefined || first.dueAt > now) return undefined;
    return this.policy.next(this.dueChecks(first), now);
  }

  /** Takes a task out of the queue to send its request; undefined if it is no longer tracked. */
  takeForSending(key: TaskKey): Entry | undefined {
    this.queue.delete(key);
    const entry = this.tasks.get(key);
    if (entry === undefined) return undefined;
    this.tasks.setPhase(entry, 'in-flight');
    entry.expedited = false;
    entry.urgent = false;
    this.urgentKeys.delete(key);
    return entry;
  }

  /** When a queued task falls due: the normal interval from its last send, stretched by any backoff, jittered. */
  private plannedDue(entry: Entry): number {
    const now = this.options.clock.now();
    // A last check "in the future" means the wall clock was set back: count from now, not from then.
    const sentAt = Math.min(entry.lastCheckAt ?? now, now);
    const pace = this.policy.pace(entry.kind, sentAt - entry.addedAt, this.share);
    // Backoff never makes a check come sooner than the normal schedule would.
    const wait = Math.max(pace.intervalMs, backoffDelayMs(entry.strikes, this.options.backoff));
    return sentAt + Math.max(pace.atLeastMs, applyJitter(wait, entry.jitter, this.options.maxJitter));
  }

  private expedite(entry: Entry): void {
    const now = this.options.clock.now();
    const dueAt = this.queue.dueAt(entry.key);
    if (dueAt === null || dueAt > now) this.queue.set(entry.key, now);
    entry.expedited = true;
  }

  private dueChecks(first: DueItem<TaskKey>): DueChecks {
    return {
      first: () => first,
      askedFor: (now) => {
        for (const key of this.urgentKeys) {
          const dueAt = this.queue.dueAt(key);
          if (dueAt !== null && dueAt <= now) return { key, dueAt };
        }
        return undefined;
      },
      dueBy: (now) => this.dueCandidates(now),
      roundMs: () => budgetRoundMs(this.tasks.polled, this.options.spacingMs),
    };
  }

  private *dueCandidates(now: number): Generator<DueCandidate> {
    for (const item of this.queue.dueBy(now)) {
      const entry = this.tasks.get(item.key);
      if (entry === undefined) continue;
      const { kind, addedAt, lastCheckAt, urgent } = entry;
      yield { item, kind, addedAt, lastCheckAt, urgent };
    }
  }
}
