import { createContext, useContext } from 'react';
import type { CambWatchBridge } from '../../shared/contract';
import { taskDisplayName } from '../../shared/format/taskLabel';
import { isWatching, taskKey, type TaskKey, type WatchedTask } from '../../shared/watchedTask';
import { errorMessage } from '../state/errorMessage';
import { copyText } from '../common/copyText';
import type { NoticePayload } from '../notices/useNotices';

/** What a row's buttons and the O / C / R keys do to one task. */
export type QuickAction = 'openResult' | 'copyId' | 'checkNow';

/** A result can be opened from the list once the job has succeeded. */
export function resultReady(task: Pick<WatchedTask, 'status'>): boolean {
  return task.status === 'SUCCESS';
}

function noResultYet(task: WatchedTask): string {
  const name = taskDisplayName(task);
  return isWatching(task)
    ? `“${name}” has no result to open yet: it is still running.`
    : `“${name}” has no result to open: it did not finish successfully.`;
}

async function openResult(task: WatchedTask, bridge: CambWatchBridge): Promise<NoticePayload> {
  if (!resultReady(task)) return { level: 'info', text: noResultYet(task), key: null };
  const key = taskKey(task.kind, task.taskId);
  const outcome = await bridge.openResult({ key });
  // Only the web host hands the link back (a browser page has no desktop to open it on); main checked it.
  if (outcome.ok && outcome.openInPage !== undefined)
    window.open(outcome.openInPage, '_blank', 'noopener,noreferrer');
  // A result that needs more (a language) is chosen in the details: the notice offers to show them.
  return { level: outcome.ok ? 'success' : 'warning', text: outcome.message, key: outcome.ok ? null : key };
}

async function copyId(task: WatchedTask): Promise<NoticePayload> {
  return (await copyText(task.taskId))
    ? { level: 'success', text: `Copied the id of “${taskDisplayName(task)}”.`, key: null }
    : {
        level: 'warning',
        text: 'Could not copy: select the id in the task’s details and copy it by hand.',
        key: taskKey(task.kind, task.taskId),
      };
}

async function checkNow(task: WatchedTask, bridge: CambWatchBridge): Promise<NoticePayload> {
  const outcome = await bridge.checkNow({ key: taskKey(task.kind, task.taskId) });
  return { level: outcome.ok ? 'info' : 'warning', text: outcome.message, key: null };
}

/** Runs one quick action and says what came of it, in a notice's words. */
export async function runQuickAction(
  action: QuickAction,
  task: WatchedTask,
  bridge: CambWatchBridge,
): Promise<NoticePayload> {
  try {
    if (action === 'openResult') return await openResult(task, bridge);
    if (action === 'copyId') return await copyId(task);
    return await checkNow(task, bridge);
  } catch (error) {
    return { level: 'error', text: errorMessage(error), key: null };
  }
}

/** Runs a quick action on a watched task and shows its notice; given by the window to every row. */
export type QuickActionRunner = (action: QuickAction, key: TaskKey) => void;

export const QuickActionsContext = createContext<QuickActionRunner>(() => undefined);

export function useQuickActions(): QuickActionRunner {
  return useContext(QuickActionsContext);
}
