export { createWatchService } from './watchService';
export { type WatchService } from './watchServiceTypes';
