import { useCallback } from 'react';
import type { InvokeResponse } from '../../shared/contract';
import { taskDisplayName } from '../../shared/format/taskLabel';
import { taskKey, type TaskKey, type WatchedTask } from '../../shared/watchedTask';
import { useBridge } from '../state/bridgeContext';
import { useFocusRequests } from '../state/focusRequest';
import { errorMessage } from '../state/errorMessage';
import type { TaskStore } from '../state/taskStore';
import { useTaskStore } from '../state/useTaskStore';
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

export type RestoreOutcome = InvokeResponse<'restoreTasks'>;

/**
 * What an Undo could not put back, in words (null when everything came back): a task watched again since
 * keeps its newer entry, and a record refused says why. An Undo is never silently partial.
 */
export function notRestoredText(tasks: readonly WatchedTask[], outcome: RestoreOutcome): string | null {
  const parts: string[] = [];
  const newer = tasks.filter((task) => outcome.keptNewer.includes(keyOf(task)));
  const [only] = newer;
  if (newer.length === 1 && only !== undefined)
    parts.push(
      `“${taskDisplayName(only)}” was not put back: it is in the watch list again, added since, and that newer entry was kept.`,
    );
  else if (newer.length > 1)
    parts.push(
      `${newer.length} tasks were not put back: they are in the watch list again, added since, and the newer entries were kept.`,
    );
  parts.push(...outcome.rejected);
  return parts.length === 0 ? null : parts.join(' ');
}

/**
 * Runs `then` once the list holds any of `keys`: the reply to a restore can come before its tasks do, and
 * a list not drawn yet cannot take the cursor.
 */
function whenListed(store: TaskStore, keys: readonly TaskKey[], then: () => void): void {
  if (keys.length === 0) return;
  const listed = () => keys.some((key) => store.get(key) !== undefined);
  if (listed()) {
    then();
    return;
  }
  const stop = store.subscribeList(() => {
    if (!listed()) return;
    stop();
    then();
  });
}

/**
 * Removal with Undo for a few seconds (the notice's button, or Ctrl/Cmd+Z) that puts back the exact
 * records (history, label, status, unseen). Asking first, when a removal takes many or unseen endings, is
 * the caller's (removalQuestion). Returns `offerUndo` for removals made elsewhere (Clear finished) and
 * `remove` for the list and the details.
 */
export function useRemoveWithUndo() {
  const bridge = useBridge();
  const store = useTaskStore();
  const addNotice = useAddNotice();
  const { focusOn } = useFocusRequests();

  const offerUndo = useCallback(
    (tasks: readonly WatchedTask[], text: string) => {
      if (tasks.length === 0) return;
      const undo = async () => {
        try {
          const outcome = await bridge.restoreTasks({ tasks: [...tasks] });
          // The Undo button left with its notice: the cursor goes to the list the tasks came back to.
          whenListed(store, outcome.restored, () => focusOn('list'));
          const missing = notRestoredText(tasks, outcome);
          if (missing !== null) addNotice({ level: 'warning', text: missing, key: null });
        } catch (error) {
          addNotice({ level: 'error', text: `Could not put it back: ${errorMessage(error)}`, key: null });
        }
      };
      addNotice({
        level: 'info',
        text,
        key: null,
        durationMs: UNDO_MS,
        action: { label: 'Undo', run: () => void undo(), undoes: true },
      });
    },
    [bridge, store, addNotice, focusOn],
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
