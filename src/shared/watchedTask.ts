import { z } from 'zod';
import { isTaskKind, taskKindSchema, type TaskKind } from './taskKinds';
import { isTerminalStatus, statusPhase } from './taskStatus';

/** Stable identity of a watched task: the same id under two kinds is two different jobs. */
export type TaskKey = `${TaskKind}:${string}`;

export function taskKey(kind: TaskKind, taskId: string): TaskKey {
  return `${kind}:${taskId}`;
}

/**
 * The inverse of taskKey: the kind before the first colon and the id after it, or null when `text` does not
 * start with a known kind and a colon, or no id follows. The one reading of `kind:id` (keys, `--watch`,
 * what is pasted: see splitKindPrefix). Kinds hold no colon, so one in the id stays in the id.
 */
export function parseTaskKey(text: string): { readonly kind: TaskKind; readonly taskId: string } | null {
  const colon = text.indexOf(':');
  const kind = text.slice(0, colon);
  if (colon <= 0 || !isTaskKind(kind) || colon === text.length - 1) return null;
  return { kind, taskId: text.slice(colon + 1) };
}

const epochMs = z.number().int().nonnegative();

/** Far above any status, reason or message CAMB.AI sends; a bound, so one answer cannot swell the store. */
export const TEXT_LIMIT = 2_000;
/** The longest label: the contract's label schema (payloads.ts), a link's label and salvage all keep to it. */
export const LABEL_LIMIT = 200;

const boundedText = z.string().max(TEXT_LIMIT);

/** A run id is a whole number held exactly: zod's int() keeps to JavaScript's safe integers (below 2^53). */
export const runIdSchema = z
  .number()
  .int({ error: `should be a whole number no larger than ${Number.MAX_SAFE_INTEGER}` });

export const statusChangeSchema = z.object({
  status: boundedText,
  at: epochMs,
});

export type StatusChange = z.infer<typeof statusChangeSchema>;

export const STOP_CAUSES = ['not-found', 'invalid', 'forbidden'] as const;
export const stopCauseSchema = z.enum(STOP_CAUSES);
export type StopCause = z.infer<typeof stopCauseSchema>;

/**
 * One watched task as the watch list keeps, persists and shows it. Times are epoch milliseconds;
 * `status` is null until the first answer arrives. When it is next checked is the scheduler's alone (see
 * `plannedCheckSchema`): files written when tasks held a `nextCheckAt` still load, the field dropped.
 */
export const watchedTaskSchema = z.object({
  kind: taskKindSchema,
  taskId: z.string().min(1),
  label: z.string().max(LABEL_LIMIT).nullable(),
  addedAt: epochMs,
  lastCheckAt: epochMs.nullable(),
  status: boundedText.nullable(),
  runId: runIdSchema.nullable(),
  exceptionReason: boundedText.nullable(),
  /** CAMB's `message`; an object message is kept as its JSON text. */
  message: boundedText.nullable(),
  /** The last transient problem met while checking (server error, rate limit, ...), cleared by a good answer. */
  lastProblem: boundedText.nullable(),
  /**
   * Why polling stopped although the task has not finished: CAMB.AI does not know it (404) or refused the
   * id (422). Asking again would get the same answer, so it waits for "check now"; a status answer clears it.
   */
  stoppedReason: boundedText.nullable(),
  /**
   * What stopped polling, so the UI can say what to check: an unknown task (404), a refused id (422), or a
   * task this key may not see (403 while the same key works for other tasks). Null while polling goes on.
   * Files written before it existed lack it: it reads as null there.
   */
  stopCause: stopCauseSchema.nullable().default(null),
  history: z.array(statusChangeSchema),
  finishedAt: epochMs.nullable(),
  /** Whether the outcome was already notified: survives restarts so no notification ever repeats. */
  notified: z.boolean(),
  muted: z.boolean(),
  /**
   * The one other kind CAMB.AI knows this id as, found by asking the other kinds once after the watched
   * kind answered 404 ("This id is a dub task — switch?"). Null otherwise, and in files written before it.
   */
  suggestedKind: taskKindSchema.nullable().default(null),
  /**
   * The job reached an ending (succeeded, failed, stopped) while watched and its details have not been
   * opened since: the list shows it first and the tray counts it. Older files lack it: it reads as seen.
   */
  unseen: z.boolean().default(false),
});

export type WatchedTask = z.infer<typeof watchedTaskSchema>;

/** Every field a task starts with, before anything is known of it beyond its kind and id. */
export const NEW_TASK_FIELDS = {
  label: null,
  lastCheckAt: null,
  status: null,
  runId: null,
  exceptionReason: null,
  message: null,
  lastProblem: null,
  stoppedReason: null,
  stopCause: null,
  history: [],
  finishedAt: null,
  notified: false,
  muted: false,
  suggestedKind: null,
  unseen: false,
} as const satisfies Partial<WatchedTask>;

/** A task just added to the watch list. */
export function newWatchedTask(
  kind: TaskKind,
  taskId: string,
  label: string | null,
  addedAt: number,
): WatchedTask {
  return { ...NEW_TASK_FIELDS, history: [], kind, taskId, label, addedAt };
}

type PollingFacts = Pick<WatchedTask, 'status' | 'stoppedReason'>;

/** Not finished, but not polled either: CAMB.AI does not know the task or refused its id. */
export function isStopped(task: PollingFacts): boolean {
  return !isTerminalStatus(task.status) && task.stoppedReason !== null;
}

/** CAMB.AI ended the job badly: an error, a timeout, or no credits left. */
export function hasFailed(task: Pick<WatchedTask, 'status'>): boolean {
  return task.status !== null && statusPhase(task.status) === 'failed';
}

/**
 * What needs the user's attention, the one rule for the list order ("Needs me first"), the Failed filter
 * and the tray's icon: a job that failed, or one the app stopped checking (CAMB.AI does not know it or
 * refused it). Nothing more will happen to either without the user. The tray lets a failure's attention
 * fade after a day (trayModel's ATTENTION_WINDOW_MS); a stop keeps it until the task is removed.
 */
export function wantsAttention(task: PollingFacts): boolean {
  return isStopped(task) || hasFailed(task);
}

/** Whether the app is still polling the task: not finished, and not stopped by a 404 or 422. */
export function isWatching(task: PollingFacts): boolean {
  return !isTerminalStatus(task.status) && task.stoppedReason === null;
}
