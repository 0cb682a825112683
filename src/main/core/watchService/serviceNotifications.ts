import type { TaskKey } from '../../../shared/watchedTask';
import type { Clock } from '../clock';
import type { Logger } from '../logging';
import { createDoNotDisturb } from '../notifications';
import type { NotificationModel } from '../notifications';
import { createProblemNotifier, type ProblemSignal } from '../notifications';
import type { WatchList } from '../watchList';
import { createNotificationRound } from './notificationRound';

export interface ServiceNotifications {
  /** A task's status changed: it may join the round of endings told together. */
  statusChanged(key: TaskKey, previousStatus: string | null): void;
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
  readonly deliver: (notification: NotificationModel) => void;
}): ServiceNotifications {
  const { clock, logger, watchList, deliver } = options;
  const problems = createProblemNotifier();
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
