import { plural } from '../../shared/format/sentence';
import type { WatchedTask } from '../../shared/watchedTask';
import { commandKeyLabel } from '../keyboard/keymap';
import { onMac } from '../keyboard/onMac';

/** Removing more tasks than this at once asks first: a slip of Ctrl+A, Delete should not empty the list. */
export const ASK_FROM_MORE_THAN = 5;

export interface RemovalQuestion {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
}

/** "Ctrl+Z" here, "⌘Z" on a Mac: how an Undo is asked for from the keyboard. */
export function undoKeyLabel(mac = onMac): string {
  return commandKeyLabel('Z', mac);
}

/** "3 of them ended and you have not looked at them yet" (or the one task's version), or null. */
function unseenText(tasks: readonly WatchedTask[]): string | null {
  const unseen = tasks.filter((task) => task.unseen).length;
  if (unseen === 0) return null;
  if (tasks.length === 1) return 'It ended and you have not looked at it yet.';
  return unseen === tasks.length
    ? 'All of them ended and you have not looked at them yet.'
    : `${unseen} of them ended and you have not looked at ${unseen === 1 ? 'it' : 'them'} yet.`;
}

/**
 * The question a removal asks before it is done, or null when it is done at once (a few tasks, all seen):
 * how many go and how many of them are endings never looked at, and how to take it back.
 */
export function removalQuestion(tasks: readonly WatchedTask[], mac = onMac): RemovalQuestion | null {
  const unseen = unseenText(tasks);
  if (tasks.length <= ASK_FROM_MORE_THAN && unseen === null) return null;
  const what = plural(tasks.length, 'task');
  return {
    title: `Remove ${what}?`,
    message: [unseen, `${undoKeyLabel(mac)} or Undo puts ${tasks.length === 1 ? 'it' : 'them'} back.`]
      .filter((part) => part !== null)
      .join(' '),
    confirmLabel: `Remove ${what}`,
  };
}

/** What Clear finished would take: the finished tasks, without unseen endings unless asked. */
export interface ClearPlan {
  readonly seen: number;
  readonly unseen: number;
}

/** Whether Clear finished asks first: when it would take many, or when unseen endings are among them. */
export function clearFinishedAsks(plan: ClearPlan): boolean {
  return plan.seen > ASK_FROM_MORE_THAN || plan.unseen > 0;
}

/**
 * The question before Clear finished: how many go, and that endings not looked at yet stay in the list
 * unless the person ticks the box to take them too. Null when nothing is finished.
 */
export function clearFinishedQuestion(plan: ClearPlan, includeUnseen: boolean): RemovalQuestion | null {
  const total = plan.seen + plan.unseen;
  if (total === 0) return null;
  const going = includeUnseen ? total : plan.seen;
  const unseen = `${plural(plan.unseen, 'ending')} you have not looked at yet`;
  const parts = [`${plural(going, 'finished task')} will be removed.`];
  if (plan.unseen > 0)
    parts.push(
      includeUnseen
        ? `That includes ${unseen}.`
        : `${unseen} ${plan.unseen === 1 ? 'stays' : 'stay'} in the list.`,
    );
  if (going > 0) parts.push(`Undo puts ${going === 1 ? 'it' : 'them'} back.`);
  return {
    title: `Clear ${plural(going, 'finished task')}?`,
    message: parts.join(' '),
    confirmLabel: `Clear ${plural(going, 'task')}`,
  };
}
