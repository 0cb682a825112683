/**
 * The one way CAMB Watch shortens text: cut at a whole character (a grapheme: an emoji with its skin tone
 * or family joiners, a letter with its combining marks, a flag) and mark the cut with "…".
 *
 * Lengths are counted as JavaScript and the schemas count them (UTF-16 code units, `string.length`), so a
 * clipped text always fits a `z.string().max(limit)` it is clipped for; a text of plain letters keeps
 * exactly `limit` characters.
 */

const ELLIPSIS = '…';

// One segmenter for every call: creating one loads the locale's break rules. Grapheme breaks do not
// depend on the locale.
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` when it is at most `limit` long, else as many whole graphemes as fit before "…" within `limit`.
 * A single grapheme longer than the room left (a thousand combining marks on one letter) is dropped whole,
 * never split. White space just before the cut is dropped. A limit below 1 leaves nothing.
 */
export function clipText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  if (limit < ELLIPSIS.length) return '';
  const room = limit - ELLIPSIS.length;
  let end = 0;
  // Segments only up to the cut: a 10 MB body costs what the limit costs.
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > room) break;
    end = index + segment.length;
  }
  // "first line…", not "first line …": a space before the mark only widens the cut.
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

/** Every run of white space (line breaks, tabs) as one space, trimmed: text for one line of a menu or log. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** `text` as one line (collapseWhitespace), clipped to `limit` (clipText). */
export function clipLine(text: string, limit: number): string {
  return clipText(collapseWhitespace(text), limit);
}
