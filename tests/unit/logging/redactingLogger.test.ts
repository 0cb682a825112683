import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../src/main/core/logging/logger';
import { redactingLogger } from '../../../src/main/core/logging/redactingLogger';
import { createRedactor } from '../../../src/main/core/logging/redactor';

const KEY = 'key-0123456789abcdef';

function recordingLogger() {
  const entries: { level: string; message: string; details: unknown }[] = [];
  const record =
    (level: string) =>
    (message: string, details?: Record<string, unknown>): void => {
      entries.push({ level, message, details });
    };
  const logger: Logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  return { logger, entries };
}

describe('redactingLogger', () => {
  const redactor = createRedactor(() => [KEY]);

  it('redacts the message at every level', () => {
    const { logger, entries } = recordingLogger();
    const log = redactingLogger(logger, redactor);
    log.debug(`d ${KEY}`);
    log.info(`i ${KEY}`);
    log.warn(`w ${KEY}`);
    log.error(`e ${KEY}`);
    expect(entries.map((e) => `${e.level}|${e.message}`)).toEqual([
      'debug|d [redacted]',
      'info|i [redacted]',
      'warn|w [redacted]',
      'error|e [redacted]',
    ]);
  });

  it('redacts details deeply: nested values, keys, arrays, maps, sets, URLs and errors with causes', () => {
    const { logger, entries } = recordingLogger();
    const error = new Error(`rejected ${KEY}`, { cause: new Error(`because ${KEY}`) });
    redactingLogger(logger, redactor).error('request failed', {
      headers: { 'x-api-key': KEY },
      [KEY]: 'as a key',
      list: [1, KEY, { deeper: [KEY] }],
      map: new Map([['k', KEY]]),
      set: new Set([KEY]),
      url: new URL(`https://example.test/x?key=${KEY}`),
      error,
      big: 10n,
      none: null,
    });
    const printed = JSON.stringify(entries);
    expect(printed).not.toContain(KEY);
    const details = entries[0]?.details as Record<string, unknown>;
    expect(details.headers).toEqual({ 'x-api-key': '[redacted]' });
    expect(details.list).toEqual([1, '[redacted]', { deeper: ['[redacted]'] }]);
    expect(details.url).toBe('https://example.test/x?key=[redacted]');
    expect(details.error).toMatchObject({ name: 'Error', message: 'rejected [redacted]' });
    expect((details.error as { cause: unknown }).cause).toMatchObject({ message: 'because [redacted]' });
    expect(details.big).toBe('10');
    expect(details.none).toBeNull();
  });

  it('survives circular details and passes "no details" through as undefined', () => {
    const { logger, entries } = recordingLogger();
    const loop: Record<string, unknown> = { secret: KEY };
    loop.self = loop;
    const log = redactingLogger(logger, redactor);
    log.info('loop', { loop });
    log.info('plain');
    expect(entries[0]?.details).toEqual({ loop: { secret: '[redacted]', self: '[circular]' } });
    expect(entries[1]?.details).toBeUndefined();
  });

  it('does not change the caller’s objects', () => {
    const { logger } = recordingLogger();
    const details = { key: KEY };
    redactingLogger(logger, redactor).info('x', details);
    expect(details.key).toBe(KEY);
  });
});
