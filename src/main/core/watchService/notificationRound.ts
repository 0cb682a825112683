import { isTerminalStatus } from '../../../shared/taskStatus';
import { taskKey, type TaskKey, type WatchedTask } from '../../../shared/watchedTask';
import type { Clock, TimerHandle } from '../clock';
import { notificationsForRound } from '../notifications';
import type { GroupNotification, TaskNotification } from '../notifications';
import type { NotificationSettings } from '../notifications';

export interface NotificationRoundOptions {
  readonly clock: Clock;
  readonly windowMs: number;
  /** The task as it is when the round closes: muted or removed meanwhile means no notification. */
  readonly currentTask: (key: TaskKey) => WatchedTask | undefined;
  readonly settings: () => NotificationSettings;
  /**
   * Records that a finished task's outcome was dealt with, shown or not: a task that finished while muted
   * must not be announced later, when it is unmuted and the app restarts.
   */
  readonly markHandled: (key: TaskKey) => void;
  readonly deliver: (notification: TaskNotification | GroupNotification) => void;
}

/**
 * Gathers the status changes of one poll round, so that several jobs finishing together become one
 * "3 jobs finished" notification instead of a burst. A round closes `windowMs` after its first change.
 */
export function createNotificationRound(options: NotificationRoundOptions) {
  let pending = new Map<TaskKey, string | null>();
  let timer: TimerHandle | null = null;

  function close(): void {
    timer = null;
    const changes = [...pending].flatMap(([key, previousStatus]) => {
      const task = options.currentTask(key);
      return task === undefined ? [] : [{ previousStatus, task }];
    });
    pending = new Map();
    const notifications = notificationsForRound(changes, options.settings());
    // Marked before showing: after a crash in between, a lost notification beats a repeated one.
    for (const { task } of changes) {
      if (isTerminalStatus(task.status) && !task.notified)
        options.markHandled(taskKey(task.kind, task.taskId));
    }
    for (const notification of notifications) options.deliver(notification);
  }

  return {
    /** Notes that `key` changed from `previousStatus`; the policy decides at the end of the round. */
    add(key: TaskKey, previousStatus: string | null): void {
      // The first status of the round counts: PENDING → (unknown) → SUCCESS is still a finish.
      if (!pending.has(key)) pending.set(key, previousStatus);
      timer ??= options.clock.setTimer(close, options.windowMs);
    },
    dispose(): void {
      if (timer !== null) options.clock.clearTimer(timer);
      timer = null;
      pending.clear();
    },
  };
}
