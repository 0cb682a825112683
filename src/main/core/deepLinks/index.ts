export {
  parseClipboardTask,
  parseLaunchArguments,
  STARTED_AT_LOGIN_ARGUMENT,
  WATCH_LINK_SCHEME,
} from './parseWatchLink';
export { secondLaunchArguments, type SecondLaunchData } from './secondLaunchArguments';
export { confirmUnreadableRequest, confirmWatchRequest, type WatchConfirmation } from './watchRequestOutcome';
