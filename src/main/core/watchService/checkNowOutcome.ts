import type { CheckNowOutcome } from '../../../shared/contract/payloads';
import type { ServiceState } from '../../../shared/serviceState';
import { isTerminalStatus } from '../../../shared/taskStatus';
import { isWatching, type WatchedTask } from '../../../shared/watchedTask';

/** What was asked to be checked: one task (undefined once removed), or the whole list. */
export type CheckTarget =
  | { readonly scope: 'one'; readonly task: WatchedTask | undefined }
  | { readonly scope: 'all'; readonly tasks: readonly WatchedTask[] };

export const said = (ok: boolean, message: string, resumesAt: number | null = null): CheckNowOutcome => ({
  ok,
  message,
  resumesAt,
});

function tasksWord(count: number): string {
  return count === 1 ? '1 task' : `${count} tasks`;
}

/** Why nothing in the target can be checked at all, whatever the app's state; null when something can. */
export function nothingToCheck(target: CheckTarget): string | null {
  if (target.scope === 'one') {
    if (target.task === undefined) return 'This task is no longer in the watch list.';
    return isTerminalStatus(target.task.status)
      ? 'This task has finished: there is nothing left to check.'
      : null;
  }
  if (target.tasks.length === 0) return 'Nothing to check: the watch list is empty.';
  if (target.tasks.some(isWatching)) return null;
  return target.tasks.every((task) => isTerminalStatus(task.status))
    ? 'Nothing to check: every task has finished.'
    : 'Nothing to check: every task has finished or was stopped. Use Check now on a stopped task to try it again.';
}

/** What holds checking back that only the user can end (a key, Resume, waking up), in words; else null. */
export function heldUntilTheUserActs(state: ServiceState): CheckNowOutcome | null {
  if (state.authProblem !== null)
    return said(false, 'CAMB.AI rejected the API key. Save a working key in Settings, then check again.');
  if (state.pollingPaused) return said(false, 'Polling is paused. Resume polling to check tasks.');
  if (state.suspended)
    return said(false, 'The computer is asleep or locked. Checking catches up as soon as you are back.');
  return null;
}

/** What the state holds checking back by, in words; null when requests may go out now. */
function heldBack(state: ServiceState, now: number): CheckNowOutcome | null {
  const held = heldUntilTheUserActs(state);
  if (held !== null) return held;
  if (state.connectivity === 'offline')
    return said(false, 'You are offline. Checking resumes by itself once the connection is back.');
  if (state.rateLimitedUntil !== null && state.rateLimitedUntil > now)
    return said(false, 'CAMB.AI asked CAMB Watch to slow down.', state.rateLimitedUntil);
  return null;
}

/** What "Check now" did, or why it could not, for the user to read next to the button. */
export function checkNowOutcome(target: CheckTarget, state: ServiceState, now: number): CheckNowOutcome {
  if (!state.key.present) return said(false, 'Add your API key in Settings first.');
  const nothing = nothingToCheck(target);
  if (nothing !== null) return said(false, nothing);
  const held = heldBack(state, now);
  if (held !== null) return held;
  if (target.scope === 'one') return said(true, 'Checking this task now.');
  return said(true, `Checking ${tasksWord(target.tasks.filter(isWatching).length)} now.`);
}
