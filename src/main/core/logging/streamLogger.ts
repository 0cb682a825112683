import { z } from 'zod';
import type { Logger } from './logger';
import type { Redactor } from './redactor';
import { redactingLogger } from './redactingLogger';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export const logLevelSchema = z.enum(LOG_LEVELS, {
  error: `The log level must be one of ${LOG_LEVELS.join(', ')}.`,
});
export type LogLevel = z.infer<typeof logLevelSchema>;

export interface StreamLoggerOptions {
  /** Where lines go, e.g. process.stderr. */
  readonly stream: { write(text: string): unknown };
  /** Lines below this level are dropped. */
  readonly level: LogLevel;
  /** Required: this logger never writes unredacted text. */
  readonly redactor: Redactor;
  /** Put before every line, e.g. 'camb-watch'. */
  readonly prefix?: string;
}

/** A line-per-entry logger for the CLI: "<prefix>: <level>: <message> <details as JSON>". */
export function createStreamLogger({ stream, level, redactor, prefix }: StreamLoggerOptions): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const writer =
    (entryLevel: LogLevel): Logger['info'] =>
    (message, details) => {
      if (LOG_LEVELS.indexOf(entryLevel) < threshold) return;
      const head = prefix === undefined ? '' : `${prefix}: `;
      const tail =
        details === undefined || Object.keys(details).length === 0 ? '' : ` ${JSON.stringify(details)}`;
      stream.write(`${head}${entryLevel}: ${message}${tail}\n`);
    };
  const plain: Logger = {
    debug: writer('debug'),
    info: writer('info'),
    warn: writer('warn'),
    error: writer('error'),
  };
  return redactingLogger(plain, redactor);
}
