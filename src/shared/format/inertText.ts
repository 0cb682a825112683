/**
 * Text someone else wrote (a CAMB.AI answer, an imported file), shown where it must not pass for more
 * than it is. Printed raw, a line break in a status reason starts what looks like another line of output,
 * a right-to-left override (U+202E) turns the rest of a line around, and zero-width or filler characters
 * hide what is there. Here each is made visible instead: line breaks as `\n` and `\r`, a tab as a space,
 * and every other control or invisible character (Unicode's Default_Ignorable_Code_Point: bidi marks,
 * overrides and isolates, zero-width characters, fillers, tags) as its code point, `<U+202E>`.
 */
const UNSAFE = /[\p{Cc}\p{Default_Ignorable_Code_Point}\u2028\u2029]/gu;

function visible(char: string): string {
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return ' ';
  const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `<U+${hex}>`;
}

/** `text` as one line with nothing hidden in it: safe to print as one field of a line. */
export function inertLine(text: string): string {
  return text.replace(UNSAFE, visible);
}
