import type { Redactor } from '../main/core/logging/redactor';

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
 * Python's splitlines() break lines at U+0085 and the others. Escaped, each JSON object stays one inert line.
 */
function escapeLineSeparators(json: string): string {
  return json.replace(
    /[\u0080-\u009f\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Human lines quote what CAMB.AI sent (messages, reasons, statuses): control characters in them could move
 * the cursor, recolour or retitle the user's terminal. Line breaks and tabs are kept, the rest made visible.
 */
function printable(text: string): string {
  return text.replace(/\p{Cc}/gu, (char) => (char === '\n' || char === '\t' ? char : '\uFFFD'));
}
