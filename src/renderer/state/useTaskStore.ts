import { createContext, useContext, useSyncExternalStore } from 'react';
import type { TaskKey, WatchedTask } from '../../shared/watchedTask';
import type { TaskStore } from './taskStore';

export const TaskStoreContext = createContext<TaskStore | null>(null);

export function useTaskStore(): TaskStore {
  const store = useContext(TaskStoreContext);
  if (store === null) throw new Error('useTaskStore is used outside <App>');
  return store;
}

/** One task, re-rendering only when that task changes. */
export function useTask(key: TaskKey | null): WatchedTask | undefined {
  const store = useTaskStore();
  return useSyncExternalStore(
    (listener) => (key === null ? () => undefined : store.subscribeRow(key, listener)),
    () => (key === null ? undefined : store.get(key)),
  );
}

/** A number that changes whenever the list's order, counts or searchable text changed. */
export function useTaskListVersion(): number {
  const store = useTaskStore();
  return useSyncExternalStore(
    (listener) => store.subscribeList(listener),
    () => store.listVersion(),
  );
}

/** When the task is next checked (the core's live plan), re-rendering only when that changes. */
export function useNextCheck(key: TaskKey): number | null {
  const store = useTaskStore();
  return useSyncExternalStore(
    (listener) => store.subscribeRow(key, listener),
    () => store.nextCheckAt(key),
  );
}
