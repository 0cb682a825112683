/**
 * What to call a task on screen. Task ids are UUIDs, too long for a menu or a notification, so an
 * unlabelled task shows the start of its id: enough to tell tasks apart and to find it in CAMB's logs.
 */

import { clipText } from './clipText';

const SHORT_ID_LENGTH = 8;

export function shortTaskId(taskId: string): string {
  // Cutting 8 characters off an id of 9 saves nothing: only shorten when it really gets shorter.
  return taskId.length <= SHORT_ID_LENGTH + 2 ? taskId : clipText(taskId, SHORT_ID_LENGTH + 1);
}

/** The user's label when there is one (blank counts as none), else the shortened id. */
export function taskDisplayName(task: { readonly label: string | null; readonly taskId: string }): string {
  const label = task.label?.trim() ?? '';
  return label !== '' ? label : shortTaskId(task.taskId);
}

/** How many characters of an id stay visible after a middle ellipsis: ids that differ at the end stay apart. */
export const ID_TAIL_LENGTH = 6;

/**
 * An id cut in two for a middle ellipsis: the window shows as much of `head` as fits, then "…", then the
 * whole `tail`, so "8c1f6a52-3e0b…7a6e41" and "8c1f6a52-3e0b…7a6e42" still read as two tasks. A short id
 * has no tail (nothing to keep apart).
 */
export function splitForMiddleEllipsis(
  text: string,
  tailLength = ID_TAIL_LENGTH,
): { readonly head: string; readonly tail: string } {
  const chars = Array.from(text);
  if (chars.length <= tailLength * 2) return { head: text, tail: '' };
  return { head: chars.slice(0, -tailLength).join(''), tail: chars.slice(-tailLength).join('') };
}
