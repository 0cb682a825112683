export { createAppHost, type AppHostOptions } from './createAppHost';
export type { AppHost, HostPlatform, NoticeLevel, NotificationActionOutcome } from './appHostTypes';
