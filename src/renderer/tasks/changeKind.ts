import { createContext, useContext } from 'react';
import type { TaskKind } from '../../shared/taskKinds';
import type { TaskKey } from '../../shared/watchedTask';
import { useBridge } from '../state/bridgeContext';
import { errorMessage } from '../state/errorMessage';
import type { KindChange } from './kindChangeUndo';

/** A task now watched as another kind: `change.task` under its new key (or the one already watched there). */
export type KindChanged = (from: TaskKey, change: KindChange) => void;

/**
 * What the window does once a task is watched as another kind (the details follow it, an Undo is offered):
 * for a switch made where no prop reaches, such as a row's failure button.
 */
export const KindChangedContext = createContext<KindChanged>(() => undefined);

export function useKindChanged(): KindChanged {
  return useContext(KindChangedContext);
}

/** Asks the app to watch the task as `kind`; resolves with an error sentence, or null once done. */
export function useChangeKind(taskKey: TaskKey, onChanged: KindChanged) {
  const bridge = useBridge();
  return async (kind: TaskKind): Promise<string | null> => {
    try {
      const outcome = await bridge.changeTaskKind({ key: taskKey, kind });
      if (!outcome.ok) return outcome.error;
      onChanged(taskKey, outcome);
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  };
}
