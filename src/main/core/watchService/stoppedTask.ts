import type { TaskKind } from '../../../shared/taskKinds';
import { isStopped, type TaskKey } from '../../../shared/watchedTask';
import type { StatusOutcome } from '../camb';
import { notificationForStop } from '../notifications';
import type { NotificationModel } from '../notifications';
import { probeOtherKinds } from '../smartIds';
import type { WatchList } from '../watchList';

/**
 * What happens once a task stops (CAMB.AI does not know it, refused its id, or this key may not see it):
 * a 404'd id is asked about under the other kinds, once per run, so the task can suggest its real kind;
 * then the stop is told once.
 */
export function createStoppedTaskFollowUp(options: {
  readonly watchList: Pick<WatchList, 'get' | 'suggestKind' | 'getSettings'>;
  readonly probe: (kind: TaskKind, taskId: string) => Promise<StatusOutcome>;
  readonly offer: (notification: NotificationModel) => void;
}): (key: TaskKey) => Promise<void> {
  const { watchList } = options;
  // Ids already asked about under the other kinds this run: the probe goes out once, not at every Check now.
  const probed = new Set<TaskKey>();
  return async (key) => {
    const task = watchList.get(key);
    if (task === undefined) return;
    if (task.stopCause === 'not-found' && !probed.has(key)) {
      probed.add(key);
      const verdict = await probeOtherKinds(task.taskId, task.kind, options.probe);
      const now = watchList.get(key);
      // Answered meanwhile, removed or switched: the finding is old news.
      if (now === undefined || !isStopped(now)) return;
      watchList.suggestKind(key, verdict.type === 'one' ? verdict.kind : null);
    }
    const stopped = watchList.get(key);
    const notification = stopped === undefined ? null : notificationForStop(stopped, watchList.getSettings());
    if (notification !== null) options.offer(notification);
  };
}
