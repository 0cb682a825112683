export { describeSaveFailure } from './saveProblemText';
export {
  createWatchList,
  WatchListError,
  type CheckResult,
  type ImportReport,
  type KindChange,
  type RestoreOutcome,
  type WatchList,
  type WatchListEvents,
} from './watchList';
