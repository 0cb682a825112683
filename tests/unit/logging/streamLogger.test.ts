import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/main/core/logging/redactor';
import { createStreamLogger, logLevelSchema } from '../../../src/main/core/logging/streamLogger';

const KEY = 'key-0123456789abcdef';

function memoryStream() {
  const chunks: string[] = [];
  return { stream: { write: (text: string) => chunks.push(text) }, text: () => chunks.join('') };
}

describe('createStreamLogger', () => {
  it('writes one redacted line per entry, details as JSON', () => {
    const { stream, text } = memoryStream();
    const log = createStreamLogger({
      stream,
      level: 'debug',
      redactor: createRedactor(() => [KEY]),
      prefix: 'camb-watch',
    });
    log.warn(`retrying with ${KEY}`, { attempt: 2, header: KEY });
    log.debug('no details');
    expect(text()).toBe(
      'camb-watch: warn: retrying with [redacted] {"attempt":2,"header":"[redacted]"}\ncamb-watch: debug: no details\n',
    );
  });

  it('drops entries below its level', () => {
    const { stream, text } = memoryStream();
    const log = createStreamLogger({ stream, level: 'warn', redactor: createRedactor(() => []) });
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(text()).toBe('warn: w\nerror: e\n');
  });

  it('reads a level from text and explains a wrong one', () => {
    expect(logLevelSchema.parse('info')).toBe('info');
    const parsed = logLevelSchema.safeParse('verbose');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('The log level must be one of debug, info, warn, error.');
  });
});
