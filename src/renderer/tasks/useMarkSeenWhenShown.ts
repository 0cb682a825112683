import { useEffect, useSyncExternalStore } from 'react';
import type { TaskKey } from '../../shared/watchedTask';
import { useBridge } from '../state/bridgeContext';
import { useTask, useTaskStore } from '../state/useTaskStore';

function subscribeVisibility(listener: () => void): () => void {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}

const pageVisible = () => document.visibilityState === 'visible';

/**
 * The task whose details are on screen is seen: an ending not yet looked at stops counting as new (in the
 * list and the tray) once its details are shown. Only while the window is on screen: a hidden window
 * (a closed tray popover) still has a selected task, but nobody is looking at it. A task seen here keeps
 * its place in the list while it is shown, so the row being read does not move away.
 */
export function useMarkSeenWhenShown(shownKey: TaskKey | null): void {
  const bridge = useBridge();
  const store = useTaskStore();
  const task = useTask(shownKey);
  const visible = useSyncExternalStore(subscribeVisibility, pageVisible);
  const unseen = task?.unseen === true;
  useEffect(() => {
    if (shownKey === null || !visible) {
      store.holdPlace(null);
      return;
    }
    if (!store.holdsPlace(shownKey)) store.holdPlace(unseen ? shownKey : null);
    if (unseen) void bridge.markSeen({ keys: [shownKey] }).catch(() => undefined);
  }, [bridge, store, shownKey, unseen, visible]);
}
