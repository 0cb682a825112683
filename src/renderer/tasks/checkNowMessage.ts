import { statusPhase } from '../../shared/taskStatus';
import type { WatchedTask } from '../../shared/watchedTask';

/** What "Check now" found, once the task's check has come back: replaces "Checking now.". */
export function checkedNowMessage(task: Pick<WatchedTask, 'status' | 'lastProblem'>): string {
  if (task.lastProblem !== null) return `Checked just now: ${task.lastProblem}.`;
  if (task.status === null) return 'Checked just now: no answer from CAMB.AI yet.';
  switch (statusPhase(task.status)) {
    case 'pending':
      return 'Checked just now: still running.';
    case 'succeeded':
      return 'Checked just now: it has finished.';
    case 'failed':
      return 'Checked just now: it has failed.';
    case 'unknown':
      return `Checked just now: CAMB.AI says "${task.status}".`;
  }
}
