import type { TaskKind } from '../../../shared/taskKinds';
import type { TaskKey } from '../../../shared/watchedTask';

/** `awaiting-key-check`: answered 403, waiting to learn whether the key works for other tasks. */
export type Phase = 'queued' | 'in-flight' | 'awaiting-key-check' | 'stopped';

/** What the scheduler keeps of one tracked task; its due time lives in the DueQueue alone. */
export interface Entry {
  readonly key: TaskKey;
  readonly kind: TaskKind;
  readonly taskId: string;
  readonly addedAt: number;
  lastCheckAt: number | null;
  status: string | null;
  /** Change it to or from 'stopped' through TrackedTasks, which counts the tasks still polled. */
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
export interface Sent {
  /** Order of sending, across all requests. */
  readonly seq: number;
  readonly authStamp: number;
  readonly connectivityStamp: number;
}

/** A task's status request. */
export interface Request extends Sent {
  readonly entry: Entry;
  readonly sentAt: number;
  /** When it was due: a request the server turned away goes back to the queue in its old place. */
  readonly dueAt: number;
  /** Sent by retryNow() through a hold: its answer tells whether the hold can end. */
  readonly retry?: boolean;
}

/**
 * The tracked tasks by key, with how many are still polled (not stopped) kept as they change: the state
 * is read after every add, and counting over every task there made adding n tasks cost n².
 */
export class TrackedTasks {
  private readonly entries = new Map<TaskKey, Entry>();
  private stopped = 0;

  get size(): number {
    return this.entries.size;
  }

  /** Tracked tasks not stopped (404, 422, 403) until the user asks to check them. */
  get polled(): number {
    return this.entries.size - this.stopped;
  }

  get(key: TaskKey): Entry | undefined {
    return this.entries.get(key);
  }

  has(key: TaskKey): boolean {
    return this.entries.has(key);
  }

  /** Whether `entry` is still the one tracked under its key (not untracked, or replaced, since). */
  holds(entry: Entry): boolean {
    return this.entries.get(entry.key) === entry;
  }

  values(): IterableIterator<Entry> {
    return this.entries.values();
  }

  add(entry: Entry): void {
    this.entries.set(entry.key, entry);
    if (entry.phase === 'stopped') this.stopped++;
  }

  delete(key: TaskKey): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (entry.phase === 'stopped') this.stopped--;
    return entry;
  }

  /** Moves a task to `phase`, keeping the count of stopped tasks. */
  setPhase(entry: Entry, phase: Phase): void {
    if (this.holds(entry)) this.stopped += Number(phase === 'stopped') - Number(entry.phase === 'stopped');
    entry.phase = phase;
  }
}
