export { createAppHost, type AppHostOptions } from './createAppHost';
export type { AppHost, HostPlatform, NoticeLevel } from './appHostTypes';
export type { NotificationActionOutcome } from './notificationActionRunner';
