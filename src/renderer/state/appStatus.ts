import type { AppSnapshot, EventPayload, KeyStatus, StoreRecoveryView } from '../../shared/contract';
import type { ServiceState } from '../../shared/serviceState';
import type { Settings } from '../../shared/settings';
import type { UpdateState } from '../../shared/updateState';
import type { TaskKey } from '../../shared/watchedTask';

export type DownloadProgress = EventPayload<'downloadProgress'>;
export type TaskDownloads = ReadonlyMap<string, DownloadProgress>;

/** Everything the window shows about the app as a whole (the tasks live in the TaskStore). */
export interface AppStatus {
  readonly state: ServiceState;
  readonly settings: Settings;
  readonly keyStatus: KeyStatus;
  readonly storeRecovery: StoreRecoveryView | null;
  readonly host: AppSnapshot['host'];
  /** The app's own update, as the core reports it. */
  readonly updates: UpdateState;
  /** Each task's downloads (and saved texts) of this session, by download id: progress, then outcome. */
  readonly downloads: ReadonlyMap<TaskKey, TaskDownloads>;
}

export type AppStatusAction =
  | { readonly type: 'snapshot'; readonly snapshot: AppSnapshot }
  | { readonly type: 'state'; readonly payload: ServiceState }
  | { readonly type: 'keyStatus'; readonly payload: KeyStatus }
  | { readonly type: 'settings'; readonly payload: Settings }
  | { readonly type: 'download'; readonly payload: DownloadProgress }
  | { readonly type: 'updates'; readonly payload: UpdateState }
  | { readonly type: 'dismissRecovery' };

export function statusFromSnapshot(snapshot: AppSnapshot): AppStatus {
  return {
    state: snapshot.state,
    settings: snapshot.settings,
    keyStatus: snapshot.keyStatus,
    storeRecovery: snapshot.storeRecovery,
    host: snapshot.host,
    updates: snapshot.updates,
    downloads: new Map(),
  };
}

export function appStatusReducer(status: AppStatus, action: AppStatusAction): AppStatus {
  switch (action.type) {
    case 'snapshot':
      return { ...statusFromSnapshot(action.snapshot), downloads: status.downloads };
    case 'state':
      // The app's state as the core sent it, whole: nothing here derives it from other events.
      return { ...status, state: action.payload };
    case 'keyStatus':
      return { ...status, keyStatus: action.payload };
    case 'settings':
      return { ...status, settings: action.payload };
    case 'download': {
      const downloads = new Map(status.downloads);
      const ofTask = new Map(downloads.get(action.payload.key));
      ofTask.set(action.payload.downloadId, action.payload);
      downloads.set(action.payload.key, ofTask);
      return { ...status, downloads };
    }
    case 'updates':
      return { ...status, updates: action.payload };
    case 'dismissRecovery':
      return { ...status, storeRecovery: null };
  }
}
