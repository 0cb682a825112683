import { isWatching, type WatchedTask } from '../../shared/watchedTask';

/**
 * The passing trouble met while checking a task still watched (server error, rate limit…), or null. How a
 * task ended or why it stopped is its status view's sentence, not a problem.
 */
export function taskProblem(task: WatchedTask): string | null {
  return isWatching(task) ? task.lastProblem : null;
}
