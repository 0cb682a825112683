import type { PlannedCheck } from '../../../shared/contract/payloads';
import type { TaskKey } from '../../../shared/watchedTask';
import { onceThisTurn } from './onceThisTurn';

export interface NextCheckPlan {
  /** The scheduler moved a task's next check (null: none planned). */
  planned(key: TaskKey, nextCheckAt: number | null): void;
  /** Every task with a check planned, and when. */
  current(): PlannedCheck[];
  dispose(): void;
}

/**
 * The scheduler's plan as the outside sees it: followed from its 'planned' events, and told onwards once
 * per turn of the event loop with only the tasks that moved, so a replan of 1,000 tasks (a change of
 * responsiveness) is one message, and a task's next check is never older than that turn.
 */
export function createNextCheckPlan(publish: (planned: readonly PlannedCheck[]) => void): NextCheckPlan {
  const plan = new Map<TaskKey, number>();
  const moved = new Map<TaskKey, number | null>();
  const tell = onceThisTurn(() => {
    const planned = [...moved].map(([key, nextCheckAt]) => ({ key, nextCheckAt }));
    moved.clear();
    publish(planned);
  });

  return {
    planned(key, nextCheckAt) {
      if (nextCheckAt === null) plan.delete(key);
      else plan.set(key, nextCheckAt);
      moved.set(key, nextCheckAt);
      tell.request();
    },
    current: () => [...plan].map(([key, nextCheckAt]) => ({ key, nextCheckAt })),
    dispose: () => tell.cancel(),
  };
}
