import { useCallback } from 'react';
import { taskDisplayName } from '../../shared/format/taskLabel';
import { taskKey, type TaskKey, type WatchedTask } from '../../shared/watchedTask';
import { useBridge } from '../app/bridgeContext';
import { errorMessage } from '../app/errorMessage';
import { useTaskStore } from '../app/useTaskStore';
import { useAddNotice } from '../notices/noticeContext';

/** How long Undo is offered: long enough to notice a slip, short enough not to linger. */
export const UNDO_MS = 10_000;

const keyOf = (task: WatchedTask): TaskKey => taskKey(task.kind, task.taskId);

/** "Removed “Menu in French”", or "Removed 3 tasks". */
export function removedText(tasks: readonly WatchedTask[], verb = 'Removed'): string {
  const [only] = tasks;
  if (tasks.length === 1 && only !== undefined) return `${verb} “${taskDisplayName(only)}”`;
  return `${verb} ${tasks.length} tasks`;
}

/**
 * Removal without a confirmation: done at once, with Undo for a few seconds that puts back the exact
 * records (history, label, status, unseen). Returns `offerUndo` for removals made elsewhere (Clear
 * finished) and `remove` for the list and the details.
 */
export function useRemoveWithUndo() {
  const bridge = useBridge();
  const store = useTaskStore();
  const addNotice = useAddNotice();

  const offerUndo = useCallback(
    (tasks: readonly WatchedTask[], text: string) => {
      if (tasks.length === 0) return;
      const undo = async () => {
        try {
          await bridge.restoreTasks({ tasks: [...tasks] });
        } catch (error) {
          addNotice({ level: 'error', text: `Could not put it back: ${errorMessage(error)}`, key: null });
        }
      };
      addNotice({
        level: 'info',
        text,
        key: null,
        durationMs: UNDO_MS,
        action: { label: 'Undo', run: () => void undo() },
      });
    },
    [bridge, addNotice],
  );

  /** Removes the tasks; resolves to the keys removed (none when it failed, which is said). */
  const remove = useCallback(
    async (keys: readonly TaskKey[]): Promise<TaskKey[]> => {
      try {
        const { removed } = await bridge.removeTasks({ keys: [...keys] });
        const gone = removed.map(keyOf);
        // The event follows; the list must not show a removed task until then.
        store.remove(gone);
        offerUndo(removed, removedText(removed));
        return gone;
      } catch (error) {
        addNotice({ level: 'error', text: errorMessage(error), key: null });
        return [];
      }
    },
    [bridge, store, offerUndo, addNotice],
  );

  return { remove, offerUndo };
}
