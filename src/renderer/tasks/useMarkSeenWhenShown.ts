import { useEffect } from 'react';
import type { TaskKey } from '../../shared/watchedTask';
import { useBridge } from '../app/bridgeContext';
import { useTask } from '../app/useTaskStore';

/**
 * The task whose details are on screen is seen: an ending not yet looked at stops counting as new (in the
 * list and the tray) once its details are shown, and one that ends while they are shown never does.
 */
export function useMarkSeenWhenShown(shownKey: TaskKey | null): void {
  const bridge = useBridge();
  const task = useTask(shownKey);
  const unseen = task?.unseen === true;
  useEffect(() => {
    if (shownKey === null || !unseen) return;
    void bridge.markSeen({ keys: [shownKey] }).catch(() => undefined);
  }, [bridge, shownKey, unseen]);
}
