/** Why Electron says a notification closed (NotificationCloseEventParams.reason; Windows only). */
export type NotificationCloseReason = 'userCanceled' | 'applicationHidden' | 'timedOut' | undefined;

/**
 * Whether a closed notification can be let go of. On Windows a toast that times out (or is hidden) moves
 * to the Action Center and can still be clicked there, which needs its Notification object: only the
 * user's dismissal ends it. Elsewhere 'close' means it is gone.
 */
export function releasesOnClose(platform: NodeJS.Platform, reason: NotificationCloseReason): boolean {
  return platform !== 'win32' || reason === 'userCanceled';
}

/** Notifications kept for Action Center clicks, at most: the oldest are let go of first. */
export const MAX_KEPT_NOTIFICATIONS = 50;
