export { createDoNotDisturb, doNotDisturbEnd, type DoNotDisturbChoice } from './doNotDisturb';
export { notificationsForRound } from './groupNotifications';
export { notificationClickTarget } from './notificationClickTarget';
export { createLateAlerts, lateNotification } from './lateNotification';
export {
  type GroupNotification,
  type LateAlertAction,
  type LateNotification,
  type NotificationModel,
  type TaskNotification,
} from './notificationModel';
export { MAX_KEPT_NOTIFICATIONS, releasesOnClose } from './notificationRelease';
export { chimePlayers, soundPlan, type PlayerCommand } from './notificationSound';
export { createProblemNotifier, type ProblemSignal } from './problemNotifier';
export { notificationForStop, type NotificationSettings } from './taskNotification';
export { activationTarget, windowsToastXml } from './windowsToast';
export {
  notificationActionPlan,
  notificationActions,
  notificationActionsShown,
  type NotificationAction,
  type NotificationActionId,
  type NotificationActionPlan,
} from './notificationActions';
