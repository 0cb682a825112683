import type { CambWatchBridge, InvokeResponse } from '../../shared/contract';
import { taskDisplayName } from '../../shared/format/taskLabel';
import { taskKindInWords } from '../../shared/format/taskOutcome';
import { taskKey } from '../../shared/watchedTask';
import { errorMessage } from '../state/errorMessage';
import type { LocalNotice } from '../notices/useNotices';
import { notRestoredText, UNDO_MS } from './removeWithUndo';

/** A change of kind the app made: the task now, and the records as they were before, for an Undo. */
export type KindChange = Extract<InvokeResponse<'changeTaskKind'>, { ok: true }>;

/**
 * Puts things back as they were before the change of kind: the task under its old kind (its history and
 * status with it), and, when it was merged into one already watched, that one's own label and mute.
 * Resolves to what could not be put back, in words, or null.
 */
async function undoKindChange(change: KindChange, bridge: CambWatchBridge): Promise<string | null> {
  const key = taskKey(change.task.kind, change.task.taskId);
  const { replaced } = change;
  if (replaced === null) await bridge.removeTasks({ keys: [key] });
  else {
    if (replaced.label !== change.task.label) await bridge.renameTask({ key, label: replaced.label });
    if (replaced.muted !== change.task.muted) await bridge.setMuted({ key, muted: replaced.muted });
  }
  return notRestoredText([change.removed], await bridge.restoreTasks({ tasks: [change.removed] }));
}

/**
 * The notice after a change of kind, with Undo: the old kind's status and history go with it, and a merge
 * gives the task already watched this one's label and mute, so it is as undoable as a removal.
 */
export function kindChangeNotice(
  change: KindChange,
  bridge: CambWatchBridge,
  addNotice: (notice: LocalNotice) => void,
): LocalNotice {
  const kind = taskKindInWords(change.task.kind);
  const text = change.merged
    ? `Already watched as ${kind}: showing that one, with this task’s label and mute.`
    : `“${taskDisplayName(change.task)}” is now watched as ${kind}.`;
  const undo = async () => {
    try {
      const missing = await undoKindChange(change, bridge);
      if (missing !== null) addNotice({ level: 'warning', text: missing, key: null });
    } catch (error) {
      addNotice({
        level: 'error',
        text: `Could not undo the change of kind: ${errorMessage(error)}`,
        key: null,
      });
    }
  };
  // No Show: the details of the task are what is on screen already.
  return {
    level: 'info',
    text,
    key: null,
    durationMs: UNDO_MS,
    action: { label: 'Undo', run: () => void undo() },
  };
}
