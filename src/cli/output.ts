import type { Redactor } from '../main/core/logging';
import { inertLine } from '../shared/format/inertText';

export interface TextSink {
  write(text: string): unknown;
}

/**
 * Everything the CLI prints goes through here, and through the redactor, so the API key cannot reach the
 * terminal even if CAMB.AI or a proxy echoed it back in an error body.
 */
export interface Output {
  /** A result line on stdout. */
  line(text: string): void;
  /** One JSON object as one line on stdout. */
  json(value: unknown): void;
  /** A problem or progress note on stderr: never mixed into the data a script reads. */
  note(text: string): void;
}

export function createOutput(stdout: TextSink, stderr: TextSink, redactor: Redactor): Output {
  return {
    line: (text) => stdout.write(`${printable(redactor.redact(text))}\n`),
    json: (value) => stdout.write(`${escapeLineSeparators(redactor.redact(JSON.stringify(value)))}\n`),
    note: (text) => stderr.write(`${printable(redactor.redact(text))}\n`),
  };
}

/**
 * JSON.stringify escapes C0 controls (ESC, BEL) but leaves C1 controls (U+0080–U+009F, U+009B is a
 * terminal's CSI), U+2028 and U+2029 raw: a terminal would obey the first, and line readers such as
 * Python's splitlines() break lines at U+0085 and the others. Bidi overrides and other invisible characters
 * (U+202E turns the rest of a terminal line around) are escaped too. Escaped, each JSON object stays one
 * inert line, and parses back to the same text.
 */
function escapeLineSeparators(json: string): string {
  return json.replace(
    /[\u0080-\u009f\u2028\u2029\p{Default_Ignorable_Code_Point}]/gu,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Human lines quote what CAMB.AI sent (messages, reasons, statuses): control characters in them could move
 * the cursor, recolour or retitle the user's terminal, and invisible ones hide or reorder text. The CLI's own
 * line breaks are kept; within each line every other one is made visible (inertLine). A field CAMB.AI sent
 * is made one line where the line is composed (statusText, resultText), so it cannot pass for another line.
 */
function printable(text: string): string {
  return text.split('\n').map(inertLine).join('\n');
}
