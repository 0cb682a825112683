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
    line: (text) => stdout.write(`${redactor.redact(text)}\n`),
    json: (value) => stdout.write(`${redactor.redact(JSON.stringify(value))}\n`),
    note: (text) => stderr.write(`${redactor.redact(text)}\n`),
  };
}
