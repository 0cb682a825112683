import { useEffect, useReducer, useRef, useState } from 'react';
import type { CambWatchBridge, EventPayload } from '../../shared/contract';
import type { TaskKey } from '../../shared/watchedTask';
import { appStatusReducer, statusFromSnapshot, type AppStatus, type AppStatusAction } from './appStatus';
import { CoreClock } from './coreClock';
import { errorMessage } from './errorMessage';
import { TaskStore } from './taskStore';

export interface ConnectionListeners {
  readonly onNotice: (notice: EventPayload<'notice'>) => void;
  readonly onShowTask: (key: TaskKey) => void;
}

export type ConnectionPhase =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly message: string }
  | { readonly phase: 'ready'; readonly status: AppStatus };

export interface AppConnection {
  readonly connection: ConnectionPhase;
  readonly store: TaskStore;
  readonly clock: CoreClock;
  readonly dispatch: (action: AppStatusAction) => void;
  readonly retry: () => void;
}

function reduce(status: AppStatus | null, action: AppStatusAction): AppStatus | null {
  if (action.type === 'snapshot')
    return appStatusReducer(status ?? statusFromSnapshot(action.snapshot), action);
  return status === null ? null : appStatusReducer(status, action);
}

/**
 * Draws from one snapshot, then follows the events. Listening starts before the snapshot is asked for and
 * events are held until it arrives, so nothing that happens in between is lost.
 */
export function useAppConnection(bridge: CambWatchBridge, listeners: ConnectionListeners): AppConnection {
  const [store] = useState(() => new TaskStore());
  const [clock] = useState(() => new CoreClock());
  const [status, dispatch] = useReducer(reduce, null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const listenersRef = useRef(listeners);
  useEffect(() => {
    listenersRef.current = listeners;
  });

  useEffect(() => {
    let ready = false;
    let cancelled = false;
    const held: (() => void)[] = [];
    const whenReady = (apply: () => void) => (ready ? apply() : held.push(apply));
    const unsubscribe = [
      bridge.onTaskChanged(({ task }) =>
        whenReady(() => {
          clock.observe(task.lastCheckAt);
          store.upsert(task);
        }),
      ),
      bridge.onTasksRemoved(({ keys }) => whenReady(() => store.remove(keys))),
      bridge.onServiceState((payload) => whenReady(() => dispatch({ type: 'state', payload }))),
      bridge.onNextChecks(({ planned }) => whenReady(() => store.planChecks(planned))),
      bridge.onKeyStatus((payload) => whenReady(() => dispatch({ type: 'keyStatus', payload }))),
      bridge.onSettingsChanged((payload) => whenReady(() => dispatch({ type: 'settings', payload }))),
      bridge.onDownloadProgress((payload) => whenReady(() => dispatch({ type: 'download', payload }))),
      bridge.onUpdateState((payload) => whenReady(() => dispatch({ type: 'updates', payload }))),
      bridge.onDurationsChanged(({ durations }) => whenReady(() => store.durations.replace(durations))),
      bridge.onNotice((notice) => listenersRef.current.onNotice(notice)),
      bridge.onShowTask(({ key }) => whenReady(() => listenersRef.current.onShowTask(key))),
    ];
    bridge.getSnapshot().then(
      (snapshot) => {
        if (cancelled) return;
        store.replaceAll(snapshot.tasks, snapshot.nextChecks);
        store.durations.replace(snapshot.durations);
        clock.syncTo(snapshot.now);
        dispatch({ type: 'snapshot', snapshot });
        ready = true;
        for (const apply of held.splice(0)) apply();
      },
      (error: unknown) => {
        if (!cancelled) setFailure(errorMessage(error));
      },
    );
    return () => {
      cancelled = true;
      for (const stop of unsubscribe) stop();
    };
  }, [bridge, store, clock, attempt]);

  // A retry clears the failure where it is asked for, not inside the connecting effect (no extra render).
  const retry = () => {
    setFailure(null);
    setAttempt((n) => n + 1);
  };
  const connection: ConnectionPhase =
    failure !== null
      ? { phase: 'failed', message: failure }
      : status === null
        ? { phase: 'loading' }
        : { phase: 'ready', status };
  return { connection, store, clock, dispatch, retry };
}
