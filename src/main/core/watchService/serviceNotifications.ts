import type { DurationModels } from '../../../shared/durations';
import type { TaskKey, WatchedTask } from '../../../shared/watchedTask';
import type { Clock } from '../clock';
import type { Logger } from '../logging';
import { createDoNotDisturb, createLateAlerts } from '../notifications';
import type { NotificationModel } from '../notifications';
import { createProblemNotifier, type ProblemSignal } from '../notifications';
import type { WatchList } from '../watchList';
import { createNotificationRound } from './notificationRound';

export interface ServiceNotifications {
  /** A task's status changed: it may join the round of endings told together. */
  statusChanged(key: TaskKey, previousStatus: string | null): void;
  /** A task was checked: a job still running may now be longer than usual (told once). */
  checked(task: WatchedTask): void;
  /** A notification that waits while Do not disturb is on (then one summary). */
  offer(notification: NotificationModel): void;
  /** What the key and the connection did: a problem is told at once or not at all. */
  observeProblem(signal: ProblemSignal): void;
  /** The settings changed: Do not disturb may have begun or ended. */
  settingsChanged(): void;
  dispose(): void;
}

/**
 * Every notification the service shows passes here: endings grouped in rounds, held while Do not disturb
 * is on, and key or connection problems told once per episode.
 */
export function createServiceNotifications(options: {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly watchList: WatchList;
  readonly roundWindowMs: number;
  /** What finished runs taught of each kind: what "longer than usual" means. */
  readonly durations: () => DurationModels;
  readonly deliver: (notification: NotificationModel) => void;
}): ServiceNotifications {
  const { clock, logger, watchList, deliver } = options;
  const problems = createProblemNotifier();
  const late = createLateAlerts();
  const quiet = createDoNotDisturb({
    clock,
    until: () => watchList.getSettings().doNotDisturbUntil,
    quietHours: () => watchList.getSettings().quietHours,
    ended: () => {
      // Not the user's action, so nobody to refuse: the end time has passed either way, and the next
      // save that works clears it.
      try {
        watchList.updateSettings({ doNotDisturbUntil: null });
      } catch (error) {
        logger.warn('The end of Do not disturb could not be saved', { error: String(error) });
      }
    },
    deliver,
  });
  const round = createNotificationRound({
    clock,
    windowMs: options.roundWindowMs,
    currentTask: (key) => watchList.get(key),
    settings: () => watchList.getSettings(),
    markHandled: (key) => watchList.markNotified(key),
    deliver: (notification) => quiet.offer(notification),
  });

  return {
    statusChanged: (key, previousStatus) => round.add(key, previousStatus),
    checked(task) {
      // Not held for Do not disturb's summary (by then it is old news), and not spent while it is on: a
      // job still late afterwards is told at its next answer.
      if (quiet.isOn()) return;
      const notification = late.check(task, options.durations(), clock.now(), watchList.getSettings());
      if (notification !== null) deliver(notification);
    },
    offer: (notification) => quiet.offer(notification),
    observeProblem(signal) {
      const notification = problems.observe(signal);
      // Problems are told now or not at all (the banners keep saying them): never held for a summary.
      if (notification === null || quiet.isOn()) return;
      deliver({ ...notification, sound: watchList.getSettings().soundOnFailure });
    },
    settingsChanged: () => quiet.refresh(),
    dispose() {
      round.dispose();
      quiet.dispose();
    },
  };
}
