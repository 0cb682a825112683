import type { CheckNowOutcome, PlannedCheck } from '../../../shared/contract/payloads';
import type { DurationModels, FinishedRun } from '../../../shared/durations';
import type { Settings } from '../../../shared/settings';
import type { KeyCheck, ServiceState } from '../../../shared/serviceState';
import type { TaskKind } from '../../../shared/taskKinds';
import type { TaskKey, WatchedTask } from '../../../shared/watchedTask';
import type { CambFetch, GetResultOptions } from '../camb';
import type { ResultOutcome } from '../camb';
import type { Clock } from '../clock';
import type { Listener } from '../events';
import type { Logger } from '../logging';
import type { DoNotDisturbChoice } from '../notifications';
import type { NotificationModel } from '../notifications';
import type { DocumentStore } from '../persistence';
import type { StoreRecovery } from '../persistence';
import type { SchedulerOptions } from '../scheduler';
import type { ClearKeyOutcome, KeyDescription, SecretStore, SetKeyOutcome } from '../secrets';
import type { TrayModel } from '../tray';
import type { ImportReport, KindChange, RestoreOutcome, WatchListEvents } from '../watchList';

export interface WatchServiceOptions {
  readonly clock: Clock;
  /** Node's fetch in the CLI and tests; Electron's net.fetch in the shell (system proxy settings). */
  readonly fetch: CambFetch;
  /** Default https://client.camb.ai/apis. */
  readonly baseUrl?: string;
  readonly store: DocumentStore;
  /** What opening the store had to repair, reported as a `storeRecovered` event. */
  readonly recovery?: StoreRecovery | null;
  /** Where the API key lives: keychain, environment override, or the shell's encrypted fallback. */
  readonly secrets: SecretStore;
  readonly logger: Logger;
  readonly random?: () => number;
  readonly scheduler?: Pick<SchedulerOptions, 'maxConcurrent' | 'ratePerSecond' | 'backoff' | 'maxJitter'>;
  /** Tasks finishing within this window of each other make one round, grouped into one notification. */
  readonly roundWindowMs?: number;
  readonly userAgent?: string;
}

export type AddTaskOutcome =
  | { readonly ok: true; readonly task: WatchedTask; readonly added: boolean }
  | { readonly ok: false; readonly error: string };

export type ChangeKindOutcome =
  ({ readonly ok: true } & KindChange) | { readonly ok: false; readonly error: string };

/** What "Test key" found: a status request for a task that cannot exist answers 404 when the key works. */
export type KeyTestOutcome =
  | { readonly verdict: 'works'; readonly message: string }
  | { readonly verdict: 'rejected'; readonly message: string }
  | { readonly verdict: 'inconclusive'; readonly message: string };

/** Saving a key: it is tried first, and one CAMB.AI rejects is saved only when the user insists. */
export type SaveKeyOutcome =
  | (Extract<SetKeyOutcome, { ok: true }> & { readonly check: KeyCheck })
  | Extract<SetKeyOutcome, { ok: false }>
  | { readonly ok: false; readonly problem: 'rejected-by-camb'; readonly message: string };

/** The watch list's news a listener of the service hears, straight from the list. */
export const LIST_EVENTS = ['taskChanged', 'tasksRemoved', 'settingsChanged', 'storeRecovered'] as const;

/** What the service itself tells. */
export interface ServiceOwnEvents {
  /** A desktop notification to show: a finished task, a group of them, or a key/connection problem. */
  notification: { readonly notification: NotificationModel };
  trayChanged: { readonly tray: TrayModel };
  stateChanged: { readonly state: ServiceState };
  /** A job finished while watched and its run was recorded: every kind's model, rebuilt. */
  durationsChanged: { readonly durations: DurationModels };
  /** Next checks the scheduler moved: once per turn of the event loop, only the tasks that moved. */
  nextChecksChanged: { readonly planned: readonly PlannedCheck[] };
}

/**
 * Everything the service tells: its own news, and the watch list's (a task changed or went, the settings
 * changed, the saved list was damaged and moved aside — sticky: late listeners hear it too).
 */
export type WatchServiceEvents = ServiceOwnEvents & Pick<WatchListEvents, (typeof LIST_EVENTS)[number]>;

/** The watch list's own news, which listeners of the service hear straight from the list. */
export function isListEvent(name: keyof WatchServiceEvents): name is (typeof LIST_EVENTS)[number] {
  return (LIST_EVENTS as readonly string[]).includes(name);
}

/**
 * The whole app behind one object, with no Electron in it: the shell, the web host and tests wire it to
 * their world (IPC, tray, notifications) and add no behaviour of their own.
 */
export interface WatchService {
  /** Loads the key and resumes polling every unfinished task. Call once. */
  start(): Promise<void>;
  /** Validates a pasted id (bare, or the JSON a create call returns) and starts watching it. */
  add(kind: TaskKind, rawTaskId: string, label?: string | null): AddTaskOutcome;
  remove(key: TaskKey): boolean;
  /**
   * Watches the task as another kind (a wrong kind chosen when adding it): it is checked afresh under its
   * new key; when that kind and id are already watched, this task goes and that one stays (`merged`).
   */
  changeKind(key: TaskKey, kind: TaskKind): ChangeKindOutcome;
  rename(key: TaskKey, label: string | null): WatchedTask | undefined;
  setMuted(key: TaskKey, muted: boolean): WatchedTask | undefined;
  clearFinished(): readonly TaskKey[];
  /** Removes several tasks in one write and hands back their records, so an undo can put them back. */
  removeMany(keys: readonly TaskKey[]): WatchedTask[];
  /** Clears finished and stopped tasks (unseen endings only if `includeUnseen`), handing back their records. */
  clearFinishedTasks(includeUnseen?: boolean): WatchedTask[];
  /** Puts removed records back exactly as they were (undo); running jobs are polled again. */
  restore(records: readonly unknown[]): RestoreOutcome;
  /** The user looked at these tasks (or at all of them): they no longer count as unseen. */
  markSeen(keys: readonly TaskKey[]): WatchedTask[];
  markAllSeen(): WatchedTask[];
  /**
   * Checks one task (restarting a stopped one), or every watched task, at once within the rate budget;
   * says what it did, or why nothing can be checked now (no key, paused, asleep, offline, rate limited).
   */
  checkNow(key?: TaskKey): CheckNowOutcome;
  /**
   * "Retry now" on the offline and rate-limited banners: one request for the most overdue task at once,
   * even while the system says offline or inside CAMB Watch's own back-off after a rate limit, but never
   * before a Retry-After CAMB.AI gave, nor over the request budget. Answers once that request is answered,
   * with what it found; an answer from CAMB.AI ends the offline state and the rate limit.
   */
  retryNow(): Promise<CheckNowOutcome>;
  list(): WatchedTask[];
  get(key: TaskKey): WatchedTask | undefined;
  exportJson(): string;
  importJson(text: string): ImportReport;
  getSettings(): Settings;
  updateSettings(changes: Partial<Settings>): Settings;
  /** Holds notifications for an hour or until tomorrow morning (then one summary), or ends that now. */
  setDoNotDisturb(choice: DoNotDisturbChoice): Settings;
  /** From the system's network status (Electron: net.isOnline, online/offline events). */
  setOnline(online: boolean): void;
  /** Sleep or screen lock: true holds polling, false resumes it with an immediate round. */
  setSuspended(suspended: boolean): void;
  /** Tries the key with CAMB.AI, then saves it (unless rejected and not insisted on). */
  setApiKey(key: string, options?: { readonly saveEvenIfRejected?: boolean }): Promise<SaveKeyOutcome>;
  clearApiKey(): Promise<ClearKeyOutcome>;
  describeKey(): Promise<KeyDescription>;
  /** Tests the stored key, or a candidate key before it is saved. */
  testApiKey(candidate?: string): Promise<KeyTestOutcome>;
  /** The result of a finished task, fetched now (links expire after about a day, so never cached). */
  fetchResult(
    key: TaskKey,
    options?: GetResultOptions,
  ): Promise<ResultOutcome | { type: 'not-ready'; message: string }>;
  state(): ServiceState;
  /** Every task with a check planned, and when (the scheduler's plan; never saved). */
  nextChecks(): PlannedCheck[];
  trayModel(): TrayModel;
  /** What the app has learned of how long each kind of job takes (the prior where nothing is known yet). */
  durations(): DurationModels;
  /** The recorded runs, oldest first: kept on this computer only, never sent anywhere. */
  finishedRuns(): readonly FinishedRun[];
  on<K extends keyof WatchServiceEvents>(name: K, listener: Listener<WatchServiceEvents[K]>): () => void;
  /**
   * Resolves once no status check is in flight and none can start before time passes or the state
   * changes. For tests and the web host, which drive the service on a virtual clock while real HTTP
   * answers arrive in real time.
   */
  whenIdle(): Promise<void>;
  /** Writes what is pending and stops every timer; nothing is sent afterwards. */
  dispose(): void;
}
