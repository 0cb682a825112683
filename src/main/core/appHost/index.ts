export { createAppHost, type AppHostOptions } from './createAppHost';
export type { AppHost, HostPlatform } from './appHostTypes';
export { checkExternalUrl, isLoopbackHost } from './externalUrl';
export type { NoticeLevel } from './notices';
