export {
  createFreedesktopNotifier,
  type FreedesktopNotifier,
  type FreedesktopNotifierOptions,
} from './freedesktopNotifier';
export { escapeBodyMarkup, notifyArguments, type FreedesktopNotice } from './notifyRequest';
export { reachableAddress } from './notificationsBus';
