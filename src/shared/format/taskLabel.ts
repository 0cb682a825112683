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

/** How much of a label's end stays visible after a middle cut: "… gravel 3", "… take 12". */
export const LABEL_TAIL_LENGTH = 10;
/** How far back from that a word's start is looked for, so the tail starts at a word. */
const LABEL_TAIL_WORD_SLACK = 8;
/** A search match starting this close to the end is kept whole in the tail, where it stays visible. */
const LABEL_TAIL_MATCH_ROOM = 24;

/**
 * A label cut in two for a middle ellipsis, as `splitForMiddleEllipsis` does for ids: the end that tells
 * "Foley: footsteps on gravel 3" from "… gravel 4" stays, starting at a word; a search match near the end
 * (at `matchAt`) starts the tail, so what was searched for is not the part cut away.
 */
export function splitLabelForMiddleEllipsis(
  label: string,
  matchAt: number | null = null,
): { readonly head: string; readonly tail: string } {
  if (label.length <= LABEL_TAIL_LENGTH * 2) return { head: label, tail: '' };
  let cut = label.length - LABEL_TAIL_LENGTH;
  if (matchAt !== null && matchAt > 0 && matchAt < cut && label.length - matchAt <= LABEL_TAIL_MATCH_ROOM) {
    cut = matchAt;
  } else {
    const space = label.lastIndexOf(' ', cut);
    if (space >= 0 && cut - space <= LABEL_TAIL_WORD_SLACK) cut = space + 1;
  }
  // Never inside a surrogate pair: an emoji is kept whole on one side.
  const unit = label.charCodeAt(cut);
  if (unit >= 0xdc00 && unit <= 0xdfff) cut -= 1;
  return { head: label.slice(0, cut), tail: label.slice(cut) };
}

/** A label as one line: runs of white space (line breaks, tabs) read as one space. */
export function labelAsOneLine(label: string): string {
  return label.replace(/\s+/gu, ' ').trim();
}
