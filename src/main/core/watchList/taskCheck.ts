import type { StatusOutcome } from '../camb';
import { isTerminalStatus } from '../../../shared/taskStatus';
import type { WatchedTask } from '../../../shared/watchedTask';
import { describeProblem, describeStop } from './problemText';
import type { CheckResult } from './watchListTypes';

/**
 * Status changes kept per task: enough to show how a job went, while an undocumented status that flaps
 * with PENDING at every check cannot make the task, and the store file rewritten each second, grow forever.
 */
export const HISTORY_LIMIT = 50;

/** Within the limit: past it the oldest changes go, except the first one (when the task was first seen). */
function boundHistory(history: WatchedTask['history']): WatchedTask['history'] {
  const [first] = history;
  if (history.length <= HISTORY_LIMIT || first === undefined) return history;
  return [first, ...history.slice(history.length - HISTORY_LIMIT + 1)];
}

/** Appends a change, keeping the history within its limit. */
function appendHistory(
  history: WatchedTask['history'],
  change: WatchedTask['history'][number],
): WatchedTask['history'] {
  return boundHistory([...history, change]);
}

/** A task that comes from outside (an import, an undo) holds no more history than the list keeps itself. */
export function withBoundedHistory(task: WatchedTask): WatchedTask {
  const history = boundHistory(task.history);
  return history === task.history ? task : { ...task, history };
}

function applyStatus(
  task: WatchedTask,
  outcome: Extract<StatusOutcome, { type: 'status' }>,
  at: number,
): WatchedTask {
  const changed = outcome.status !== task.status;
  const terminal = isTerminalStatus(outcome.status);
  return {
    ...task,
    status: outcome.status,
    // run_id only appears once a task has one; an answer without it does not take it away.
    runId: outcome.runId ?? task.runId,
    exceptionReason: outcome.exceptionReason,
    message: outcome.message,
    lastProblem: null,
    stoppedReason: null,
    stopCause: null,
    history: changed ? appendHistory(task.history, { status: outcome.status, at }) : task.history,
    finishedAt: terminal ? (task.finishedAt ?? at) : null,
    // Reaching an ending while watched is news until the user looks.
    unseen: task.unseen || (terminal && !isTerminalStatus(task.status)),
  };
}

/** The task as a check left it: what CAMB.AI answered (or why polling stopped), and when it was asked. */
export function checkedTask(task: WatchedTask, { outcome, checkedAt, stopCause }: CheckResult): WatchedTask {
  const cause =
    stopCause !== undefined
      ? stopCause
      : outcome.type === 'not-found' || outcome.type === 'invalid'
        ? outcome.type
        : null;
  const checked =
    outcome.type === 'status'
      ? applyStatus(task, outcome, checkedAt)
      : {
          ...task,
          lastProblem: cause === null ? describeProblem(outcome) : describeStop(outcome, cause),
          ...(cause === null
            ? {}
            : {
                stoppedReason: describeStop(outcome, cause),
                stopCause: cause,
                // Stopping is an ending too: news the first time it happens.
                unseen: task.unseen || task.stoppedReason === null,
              }),
        };
  return { ...checked, lastCheckAt: checkedAt };
}
