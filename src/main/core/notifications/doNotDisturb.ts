import type { TaskKey } from '../../../shared/watchedTask';
import type { Clock, TimerHandle } from '../clock';
import { soundOfGroup } from './groupNotifications';
import { doNotDisturbActive } from '../../../shared/format/doNotDisturb';
import type { GroupNotification, NotificationModel, TaskNotification } from './notificationModel';
import { HOUR_MS } from '../../../shared/time';
import { plural } from '../../../shared/format/sentence';

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

/** The one notification that sums up what was held: "3 jobs finished while Do not disturb was on". */
export function doNotDisturbSummary(held: readonly TaskNotification[]): GroupNotification | null {
  if (held.length === 0) return null;
  const succeeded = held.filter((n) => n.outcome === 'succeeded').length;
  const failed = held.length - succeeded;
  const counts = [succeeded > 0 ? `${succeeded} succeeded` : '', failed > 0 ? `${failed} failed` : ''];
  return {
    type: 'group',
    taskKeys: held.map((n) => n.taskKey),
    failedKeys: held.filter((n) => n.outcome === 'failed').map((n) => n.taskKey),
    title: 'While Do not disturb was on',
    body: `${plural(held.length, 'job')} finished while Do not disturb was on: ${counts.filter((c) => c !== '').join(', ')}.`,
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
  /** Called once the end time has passed: the setting goes back to off. */
  readonly ended: () => void;
  readonly deliver: (notification: NotificationModel) => void;
}

/**
 * Holds notifications while Do not disturb is on and, when it ends (by itself or turned off), delivers one
 * summary of the jobs that finished meanwhile. Key and connection problems are not held back for later:
 * the window's banners say them, and by morning they are old news.
 */
export function createDoNotDisturb(options: DoNotDisturbOptions) {
  let held: TaskNotification[] = [];
  let timer: TimerHandle | null = null;
  let armedFor: number | null = null;

  function release(): void {
    const summary = doNotDisturbSummary(held);
    held = [];
    if (summary !== null) options.deliver(summary);
  }

  function disarm(): void {
    if (timer !== null) options.clock.clearTimer(timer);
    timer = null;
    armedFor = null;
  }

  /** Follows the setting: arms the end, or releases what was held when it was turned off. */
  function refresh(): void {
    const until = options.until();
    const now = options.clock.now();
    if (!doNotDisturbActive(until, now)) {
      disarm();
      release();
      if (until !== null) options.ended();
      return;
    }
    if (armedFor === until) return;
    disarm();
    armedFor = until;
    // Looked at again at least twice a day: a far end (a hand-edited file) never overflows a timer.
    timer = options.clock.setTimer(
      () => {
        timer = null;
        armedFor = null;
        refresh();
      },
      Math.min((until as number) - now, LONGEST_WAIT_MS),
    );
  }

  return {
    refresh,
    /** Shows `notification` now, or holds it while Do not disturb is on. */
    offer(notification: NotificationModel): void {
      if (!doNotDisturbActive(options.until(), options.clock.now())) {
        options.deliver(notification);
        return;
      }
      held.push(...heldTasks(notification));
    },
    /** Whether Do not disturb is on now. */
    isOn: () => doNotDisturbActive(options.until(), options.clock.now()),
    /** How many jobs' notifications are held now. */
    heldCount: () => held.length,
    dispose(): void {
      disarm();
      held = [];
    },
  };
}

export type DoNotDisturb = ReturnType<typeof createDoNotDisturb>;
