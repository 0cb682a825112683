export { watchOnlineStatus } from './onlineWatcher';
export { createPollingHolds } from './pollingHolds';
