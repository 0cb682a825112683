import type { TaskKey } from '../../../shared/watchedTask';
import type { Clock, TimerHandle } from '../clock';
import { soundOfGroup } from './groupNotifications';
import { doNotDisturbActive } from '../../../shared/format/doNotDisturb';
import type { GroupNotification, NotificationModel, TaskNotification } from './notificationModel';
import { HOUR_MS } from '../../../shared/time';
import { plural } from '../../../shared/format/sentence';
import { nextQuietHoursChange, quietHoursActive, type QuietHours } from '../../../shared/quietHours';

/** How long "Do not disturb" lasts, as the tray menu and Settings offer it. */
export type DoNotDisturbChoice = 'hour' | 'tomorrow' | 'off';

const LONGEST_WAIT_MS = 12 * HOUR_MS;
/** "Tomorrow" ends in the local morning, at this hour. */
export const MORNING_HOUR = 8;
/** Before this hour the night is not over: "until tomorrow" means this morning, not the next one. */
const NIGHT_ENDS_HOUR = 4;

/**
 * When Do not disturb ends if turned on now: in an hour, or at 08:00 local time on the next day (at 02:00,
 * still the same night, at 08:00 that morning). Null for 'off'.
 */
export function doNotDisturbEnd(choice: DoNotDisturbChoice, now: number): number | null {
  if (choice === 'off') return null;
  if (choice === 'hour') return now + HOUR_MS;
  const morning = new Date(now);
  if (morning.getHours() >= NIGHT_ENDS_HOUR) morning.setDate(morning.getDate() + 1);
  morning.setHours(MORNING_HOUR, 0, 0, 0);
  return morning.getTime();
}

/** What held the notifications back: the summary says which, in the words the person chose it by. */
export type QuietReason = 'do-not-disturb' | 'quiet-hours';

const WHILE: Readonly<Record<QuietReason, string>> = {
  'do-not-disturb': 'while Do not disturb was on',
  'quiet-hours': 'during quiet hours',
};

/** The one notification that sums up what was held: "3 jobs finished while Do not disturb was on". */
export function doNotDisturbSummary(
  held: readonly TaskNotification[],
  reason: QuietReason = 'do-not-disturb',
): GroupNotification | null {
  if (held.length === 0) return null;
  const during = WHILE[reason];
  const succeeded = held.filter((n) => n.outcome === 'succeeded').length;
  const failed = held.length - succeeded;
  const counts = [succeeded > 0 ? `${succeeded} succeeded` : '', failed > 0 ? `${failed} failed` : ''];
  return {
    type: 'group',
    taskKeys: held.map((n) => n.taskKey),
    failedKeys: held.filter((n) => n.outcome === 'failed').map((n) => n.taskKey),
    title: `${during.charAt(0).toUpperCase()}${during.slice(1)}`,
    body: `${plural(held.length, 'job')} finished ${during}: ${counts.filter((c) => c !== '').join(', ')}.`,
    sound: soundOfGroup(held),
  };
}

/** A grouped notification held as the task notifications it stands for, so the summary counts jobs. */
function heldTasks(notification: NotificationModel): TaskNotification[] {
  if (notification.type === 'task') return [notification];
  if (notification.type === 'problem' || notification.type === 'late') return [];
  return notification.taskKeys.map((taskKey: TaskKey): TaskNotification => ({
    type: 'task',
    taskKey,
    taskName: '',
    outcome: notification.failedKeys.includes(taskKey) ? 'failed' : 'succeeded',
    title: notification.title,
    body: notification.body,
    sound: notification.sound,
  }));
}

export interface DoNotDisturbOptions {
  readonly clock: Clock;
  /** The saved end time (a setting, so it survives restarts); null when off. */
  readonly until: () => number | null;
  /** The recurring quiet hours (a setting); absent: none. */
  readonly quietHours?: () => QuietHours;
  /** Called once the end time has passed: the setting goes back to off. */
  readonly ended: () => void;
  readonly deliver: (notification: NotificationModel) => void;
}

/** Whether a notification tells of a failed job (a group: of at least one). */
function toldFailure(notification: NotificationModel): boolean {
  if (notification.type === 'task') return notification.outcome === 'failed';
  return notification.type === 'group' && notification.failedKeys.length > 0;
}

/**
 * The notification gate. Holds notifications while Do not disturb is on or quiet hours hold, and, when
 * that ends (by itself or turned off), delivers one summary of the jobs that finished meanwhile. With
 * "always alert on failure", quiet hours let a failure through at once (a group holding one failure goes
 * through whole: it names the failed job, which is what the person asked to hear about). Key and
 * connection problems are not held back for later: the window's banners say them, and by morning they are
 * old news. Every decision reads the injected clock, so quiet hours are tested on virtual time.
 */
export function createDoNotDisturb(options: DoNotDisturbOptions) {
  let held: TaskNotification[] = [];
  let heldFor: QuietReason = 'quiet-hours';
  let timer: TimerHandle | null = null;
  let armedFor: number | null = null;
  const quietHours = () => options.quietHours?.() ?? null;

  const manualOn = (now: number) => doNotDisturbActive(options.until(), now);
  const quietHoursOn = (now: number) => {
    const quiet = quietHours();
    return quiet !== null && quietHoursActive(quiet, now);
  };

  function release(): void {
    const summary = doNotDisturbSummary(held, heldFor);
    held = [];
    heldFor = 'quiet-hours';
    if (summary !== null) options.deliver(summary);
  }

  function disarm(): void {
    if (timer !== null) options.clock.clearTimer(timer);
    timer = null;
    armedFor = null;
  }

  /** The next moment the gate may open or close: Do not disturb's end or a quiet-hours edge. */
  function nextChange(now: number): number | null {
    const until = options.until();
    const quiet = quietHours();
    const times = [
      doNotDisturbActive(until, now) ? until : null,
      quiet === null ? null : nextQuietHoursChange(quiet, now),
    ].filter((time): time is number => time !== null);
    return times.length === 0 ? null : Math.min(...times);
  }

  /** Follows the settings and the clock: arms the next change, and releases what was held once quiet ends. */
  function refresh(): void {
    const until = options.until();
    const now = options.clock.now();
    if (until !== null && !doNotDisturbActive(until, now)) options.ended();
    if (!manualOn(now) && !quietHoursOn(now)) release();
    const next = nextChange(now);
    if (next === armedFor) return;
    disarm();
    if (next === null) return;
    armedFor = next;
    // Looked at again at least twice a day: a far end (a hand-edited file) never overflows a timer.
    timer = options.clock.setTimer(
      () => {
        timer = null;
        armedFor = null;
        refresh();
      },
      Math.min(next - now, LONGEST_WAIT_MS),
    );
  }

  return {
    refresh,
    /** Shows `notification` now, or holds it while Do not disturb is on or quiet hours hold. */
    offer(notification: NotificationModel): void {
      const now = options.clock.now();
      const manual = manualOn(now);
      const quiet = !manual && quietHoursOn(now);
      const failureLetThrough =
        quiet && quietHours()?.alwaysAlertOnFailure === true && toldFailure(notification);
      if ((!manual && !quiet) || failureLetThrough) {
        options.deliver(notification);
        return;
      }
      if (manual) heldFor = 'do-not-disturb';
      held.push(...heldTasks(notification));
      // Quiet hours began on their own: make sure their end is watched for.
      refresh();
    },
    /** Whether notifications are held now (Do not disturb or quiet hours). */
    isOn: () => {
      const now = options.clock.now();
      return manualOn(now) || quietHoursOn(now);
    },
    /** How many jobs' notifications are held now. */
    heldCount: () => held.length,
    dispose(): void {
      disarm();
      held = [];
    },
  };
}

export type DoNotDisturb = ReturnType<typeof createDoNotDisturb>;
