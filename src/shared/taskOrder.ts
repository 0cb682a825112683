import { z } from 'zod';
import { taskDisplayName } from './format/taskLabel';
import { taskKindInfo } from './taskKinds';
import { isWatching, taskKey, wantsAttention, type WatchedTask } from './watchedTask';

export const LIST_ORDERS = ['attention', 'added', 'name', 'kind'] as const;
export const listOrderSchema = z.enum(LIST_ORDERS);
export type ListOrder = z.infer<typeof listOrderSchema>;

export const LIST_GROUPINGS = ['none', 'kind', 'day'] as const;
export const listGroupingSchema = z.enum(LIST_GROUPINGS);
export type ListGrouping = z.infer<typeof listGroupingSchema>;

/**
 * When a running job is expected to end (epoch ms), or null when nothing is known yet. The seam for the
 * learned-durations estimate: without one, running jobs go most recent first.
 */
export type ExpectedFinish = (task: WatchedTask) => number | null;

type OrderFacts = Pick<
  WatchedTask,
  'unseen' | 'status' | 'stoppedReason' | 'addedAt' | 'finishedAt' | 'kind' | 'taskId' | 'label'
>;

type KeyFacts = Pick<WatchedTask, 'kind' | 'taskId'>;

/**
 * Where a task stands in "what needs me first": 0 an ending not yet seen, 1 a failure (or a stop) that
 * waits for the user, 2 a job still running, 3 the rest (finished well and seen).
 */
export function attentionRank(task: OrderFacts): 0 | 1 | 2 | 3 {
  if (task.unseen) return 0;
  if (wantsAttention(task)) return 1;
  if (isWatching(task)) return 2;
  return 3;
}

/** The facts the order depends on, as one string: the list re-sorts only when this changes. */
export function orderSignature(task: OrderFacts): string {
  return `${attentionRank(task)}|${task.finishedAt ?? ''}`;
}

/** When the task last did something the user cares about: it ended, or else it was added. */
const recency = (task: OrderFacts): number => task.finishedAt ?? task.addedAt;

const byKey = (a: KeyFacts, b: KeyFacts): number => {
  const left = taskKey(a.kind, a.taskId);
  const right = taskKey(b.kind, b.taskId);
  return left < right ? -1 : left > right ? 1 : 0;
};

/**
 * "Newest first", the one definition the watch list, the tray menu and the window's list all sort by: the
 * most recently added first; tasks added in the same millisecond (an import, a pasted batch) by their key
 * (kind:id), compared code unit by code unit: a total order, the same on every machine and in every
 * locale, never depending on the order tasks arrived in.
 */
export function newestFirst(a: Pick<OrderFacts, 'addedAt' | 'kind' | 'taskId'>, b: typeof a): number {
  return b.addedAt - a.addedAt || byKey(a, b);
}

/** Soonest expected finish first; jobs without an estimate after them, most recent first. */
function runningOrder(expectedFinish: ExpectedFinish | undefined) {
  // Asked once per task for a whole sort, not once per comparison: an estimate searches its kind's model.
  const known = new Map<OrderFacts, number | null>();
  const finishOf = (task: OrderFacts): number | null => {
    if (expectedFinish === undefined) return null;
    if (!known.has(task)) known.set(task, expectedFinish(task as WatchedTask));
    return known.get(task) ?? null;
  };
  return (a: OrderFacts, b: OrderFacts): number => {
    const left = finishOf(a);
    const right = finishOf(b);
    if (left !== null && right !== null && left !== right) return left - right;
    if (left !== null && right === null) return -1;
    if (left === null && right !== null) return 1;
    return newestFirst(a, b);
  };
}

/**
 * How two tasks compare in the chosen order. "attention" (the default): unseen endings, then failures
 * that wait for the user, then running jobs (soonest expected finish first, once `expectedFinish` is
 * given), then the rest, most recent first.
 */
export function compareTasks(order: ListOrder, expectedFinish?: ExpectedFinish) {
  const running = runningOrder(expectedFinish);
  switch (order) {
    case 'added':
      return newestFirst;
    case 'name':
      return (a: OrderFacts, b: OrderFacts) =>
        taskDisplayName(a).localeCompare(taskDisplayName(b), undefined, { sensitivity: 'base' }) ||
        newestFirst(a, b);
    case 'kind':
      return (a: OrderFacts, b: OrderFacts) =>
        taskKindInfo(a.kind).title.localeCompare(taskKindInfo(b.kind).title) || newestFirst(a, b);
    case 'attention':
      return (a: OrderFacts, b: OrderFacts) => {
        const rank = attentionRank(a) - attentionRank(b);
        if (rank !== 0) return rank;
        if (attentionRank(a) === 2) return running(a, b);
        return recency(b) - recency(a) || byKey(a, b);
      };
  }
}
