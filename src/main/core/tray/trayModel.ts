import { newestFirst } from '../../../shared/taskOrder';
import { taskEstimate, type DurationModels, type RemainingEstimate } from '../../../shared/durations';
import { formatDuration } from '../../../shared/format/duration';
import { soonestFinishText } from '../../../shared/format/estimateText';
import { clipText } from '../../../shared/format/clipText';
import { taskDisplayName } from '../../../shared/format/taskLabel';
import { outcomeHeadline, taskOutcome } from '../../../shared/format/taskOutcome';
import { TASK_KIND_TABLE } from '../../../shared/taskKinds';
import { statusPhase, type StatusPhase } from '../../../shared/taskStatus';
import {
  hasFailed,
  isStopped,
  isWatching,
  taskKey,
  type TaskKey,
  type WatchedTask,
} from '../../../shared/watchedTask';
import { DAY_MS, MINUTE_MS } from '../../../shared/time';

export type TrayIcon = 'idle' | 'active' | 'attention' | 'offline';

export interface TrayConditions {
  readonly connectivity: 'online' | 'offline';
  /** CAMB.AI rejected the key in use. */
  readonly authProblem: boolean;
  /** No key is set, or the keychain cannot be read: nothing is polled, but nothing was rejected either. */
  readonly keyMissing?: boolean;
  readonly paused: boolean;
  /** Saving the watch list fails, in a few words ("the disk is full"); null or absent while it works. */
  readonly notSaving?: string | null;
}

/** 'checking': added, no answer yet; 'stopped': CAMB.AI does not know the task (or refused its id). */
export type TrayItemPhase = StatusPhase | 'checking' | 'stopped';

export interface TrayMenuItem {
  readonly taskKey: TaskKey;
  /** The user's label, or the start of the task id. */
  readonly label: string;
  readonly kindTitle: string;
  /** "Pending · 4 min", "Ready", "Timed out", "Failed: harmful content detected". */
  readonly statusText: string;
  readonly phase: TrayItemPhase;
  readonly muted: boolean;
}

export interface TrayModel {
  readonly icon: TrayIcon;
  readonly tooltip: string;
  /** Tasks still polled: not finished (an unrecognised status counts) and not stopped by a 404 or 422. */
  readonly pendingCount: number;
  /**
   * Jobs that ended (succeeded, failed, stopped) since the user last looked: what the tray counts, beside
   * the icon on macOS and in the tooltip everywhere.
   */
  readonly unseenCount: number;
  /** The most recently added tasks, newest first. */
  readonly menuItems: readonly TrayMenuItem[];
  /** Tasks left out of the menu, for a "12 more…" entry. */
  readonly hiddenCount: number;
  /**
   * "Soonest finish: Dub “Trailer” in about 3 min": the watched job expected to end first (by its
   * median remaining time), or null with none watched or no durations known.
   */
  readonly soonestFinish: string | null;
  /**
   * "Not saving changes: the disk is full", while saving the watch list fails: first in the tooltip and
   * in the menu (Linux tray hosts often show no tooltip). Null while saving works.
   */
  readonly notSaving: string | null;
}

export const TRAY_MENU_LIMIT = 10;

/**
 * A failure keeps the icon in "attention" for a day after it ended: long enough to be seen after a
 * night away, and it clears by itself without an "acknowledge" step the watch list does not have.
 */
export const ATTENTION_WINDOW_MS = DAY_MS;

const LABEL_MAX_CHARS = 40;

/** When a failed task stops asking for attention, or null for a task that did not fail. */
function attentionEndsAtFor(task: WatchedTask): number | null {
  if (!hasFailed(task)) return null;
  return (task.finishedAt ?? task.lastCheckAt ?? task.addedAt) + ATTENTION_WINDOW_MS;
}

function failedRecently(task: WatchedTask, now: number): boolean {
  const endsAt = attentionEndsAtFor(task);
  return endsAt !== null && now < endsAt;
}

/**
 * The next time the tray changes by time alone (a failure leaving the attention window), or null. The
 * model is pure, so whoever shows it recomputes it then: no poll or other event may come to do it.
 */
export function trayAttentionEndsAt(tasks: readonly WatchedTask[], now: number): number | null {
  let next: number | null = null;
  for (const task of tasks) {
    const endsAt = attentionEndsAtFor(task);
    if (endsAt !== null && endsAt > now && (next === null || endsAt < next)) next = endsAt;
  }
  return next;
}

/**
 * A job's age in whole minutes: the tray's menu is a snapshot (it does not tick while open), and text that
 * changed every few seconds would rebuild the icon's menu at every poll of a young job.
 */
function trayAge(ms: number): string {
  return ms < MINUTE_MS ? '< 1 min' : formatDuration(ms, { units: 1 });
}

function statusText(task: WatchedTask, now: number): string {
  const outcome = taskOutcome(task);
  const age = trayAge(now - task.addedAt);
  const retrying = task.lastProblem === null ? '' : ' · retrying';
  switch (outcome.kind) {
    case 'checking':
      return `${outcome.word}${retrying}`;
    case 'pending':
      return `${outcome.word} · ${age}${retrying}`;
    case 'unknown':
      // Shown verbatim, as the API sent it, so the user can report it.
      return `${clipText(task.status ?? '', 24)} (unknown status) · ${age}${retrying}`;
    case 'stopped':
      return `${outcome.word}: ${clipText(outcome.summary, 60)}`;
    default:
      return clipText(outcomeHeadline(outcome), 60);
  }
}

function phaseOf(task: WatchedTask): TrayItemPhase {
  if (isStopped(task)) return 'stopped';
  return task.status === null ? 'checking' : statusPhase(task.status);
}

function menuItem(task: WatchedTask, now: number): TrayMenuItem {
  return {
    taskKey: taskKey(task.kind, task.taskId),
    label: clipText(taskDisplayName(task), LABEL_MAX_CHARS),
    kindTitle: TASK_KIND_TABLE[task.kind].title,
    statusText: statusText(task, now),
    phase: phaseOf(task),
    muted: task.muted,
  };
}

/**
 * The `limit` newest tasks, newest first: one pass keeping a short sorted list, instead of sorting every
 * task at each change. The watch list already hands tasks over newest first, so most are passed over.
 */
function newestTasks(tasks: readonly WatchedTask[], limit: number): WatchedTask[] {
  const kept: WatchedTask[] = [];
  for (const task of tasks) {
    const last = kept.at(-1);
    if (kept.length >= limit && last !== undefined && newestFirst(task, last) >= 0) continue;
    let at = kept.length;
    while (at > 0 && newestFirst(task, kept[at - 1] as WatchedTask) < 0) at--;
    kept.splice(at, 0, task);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}

/** Most urgent first, like Gitify: a dead connection hides everything else, then problems, then work. */
function chooseIcon(
  conditions: TrayConditions,
  pending: number,
  failures: number,
  stopped: number,
): TrayIcon {
  if (conditions.connectivity === 'offline') return 'offline';
  const notSaving = (conditions.notSaving ?? null) !== null;
  if (notSaving || conditions.authProblem || conditions.keyMissing === true || failures > 0 || stopped > 0)
    return 'attention';
  // Paused tasks are not being watched, so the icon must not claim activity.
  if (pending > 0 && !conditions.paused) return 'active';
  return 'idle';
}

function tooltipText(
  conditions: TrayConditions,
  total: number,
  pending: number,
  failures: number,
  stopped: number,
  unseen: number,
): string {
  const situation = [
    // First: the one problem that loses what the user did if they quit now.
    (conditions.notSaving ?? null) !== null ? 'not saving changes' : '',
    conditions.authProblem ? 'API key rejected' : '',
    conditions.keyMissing === true && !conditions.authProblem ? 'no API key set' : '',
    conditions.connectivity === 'offline' ? 'offline, will retry' : '',
    conditions.paused ? 'paused' : '',
  ].filter((part) => part !== '');
  // While nothing is polled, pending tasks are waiting rather than running (a failing save stops no poll).
  const polling = !conditions.authProblem && conditions.keyMissing !== true && !conditions.paused;
  const pendingWord = polling && conditions.connectivity === 'online' ? 'running' : 'waiting';
  const counts = [
    unseen > 0 ? `${unseen} new` : '',
    pending > 0 ? `${pending} ${pendingWord}` : '',
    failures > 0 ? `${failures} failed` : '',
    stopped > 0 ? `${stopped} stopped` : '',
  ].filter((part) => part !== '');

  let text: string;
  if (situation.length > 0)
    text = counts.length > 0 ? `${situation.join(', ')} (${counts.join(', ')})` : situation.join(', ');
  else if (counts.length > 0) text = counts.join(', ');
  else text = total === 0 ? 'no jobs watched' : 'all jobs finished';
  return `CAMB Watch — ${text}`;
}

/** The sentence for the watched job expected to end first, or null. */
function soonestFinish(tasks: readonly WatchedTask[], durations: DurationModels, now: number): string | null {
  let best: { task: WatchedTask; estimate: RemainingEstimate } | null = null;
  for (const task of tasks) {
    const estimate = taskEstimate(task, durations, now);
    if (estimate !== null && (best === null || estimate.medianMs < best.estimate.medianMs))
      best = { task, estimate };
  }
  return best === null ? null : soonestFinishText(best.task.kind, taskDisplayName(best.task), best.estimate);
}

/**
 * Everything the tray shows, from the watch list and what the app knows about key and connection (and,
 * given `durations`, how long jobs usually take).
 */
export function trayModel(
  tasks: readonly WatchedTask[],
  conditions: TrayConditions,
  now: number,
  durations?: DurationModels,
): TrayModel {
  const pending = tasks.filter(isWatching).length;
  // Stopped tasks want attention until removed, as failed ones do for a day: CAMB.AI will not report on them.
  const stopped = tasks.filter(isStopped).length;
  const failures = tasks.filter((task) => failedRecently(task, now)).length;
  const unseen = tasks.filter((task) => task.unseen).length;
  const shown = newestTasks(tasks, TRAY_MENU_LIMIT);
  const soonest = durations === undefined ? null : soonestFinish(tasks, durations, now);
  const tooltip = tooltipText(conditions, tasks.length, pending, failures, stopped, unseen);
  return {
    icon: chooseIcon(conditions, pending, failures, stopped),
    tooltip: soonest === null ? tooltip : `${tooltip}\n${soonest}`,
    pendingCount: pending,
    unseenCount: unseen,
    menuItems: shown.map((task) => menuItem(task, now)),
    hiddenCount: tasks.length - shown.length,
    soonestFinish: soonest,
    notSaving:
      conditions.notSaving === undefined || conditions.notSaving === null
        ? null
        : `Not saving changes: ${conditions.notSaving}`,
  };
}
