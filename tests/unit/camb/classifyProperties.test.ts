import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HeaderLookup } from '../../../src/main/core/camb/answerBody';
import { classifyNetworkError } from '../../../src/main/core/camb/classifyNetworkError';
import { classifyResultResponse } from '../../../src/main/core/camb/classifyResultResponse';
import { classifyStatusResponse } from '../../../src/main/core/camb/classifyStatusResponse';
import type { StatusOutcome } from '../../../src/main/core/camb/outcomes';
import { redactSecret } from '../../../src/main/core/camb/redactSecret';
import { parseRetryAfter } from '../../../src/main/core/camb/retryAfter';
import { clipText } from '../../../src/shared/format/clipText';
import { TEXT_LIMIT } from '../../../src/shared/watchedTask';

/** Headers as a plain lookup, so names and values the Headers class would refuse are tried too. */
function lookup(entries: Record<string, string>): HeaderLookup {
  const lower = new Map(Object.entries(entries).map(([name, value]) => [name.toLowerCase(), value]));
  return { get: (name) => lower.get(name.toLowerCase()) ?? null };
}

const httpStatus = fc.oneof(fc.integer({ min: 100, max: 599 }), fc.integer({ min: -10, max: 1000 }));
const body = fc.oneof(
  fc.string(),
  fc.json(),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.record({ status: fc.anything(), run_id: fc.anything(), message: fc.anything() }).map((value) => {
    try {
      return JSON.stringify(value) ?? '';
    } catch {
      return '';
    }
  }),
  fc.constantFrom(
    '<html><head><title>502 Bad Gateway</title></head></html>',
    '{"detail": [{"loc": 1, "msg": {}, "type": null}]}',
    '{"error": {"nested": true}, "status": "x"}',
    '{"detail": null}',
    'fLaC\u0000\u0000',
  ),
);
const headers = fc.dictionary(
  fc.constantFrom('content-type', 'retry-after', 'location', 'content-length', 'x-other'),
  fc.oneof(
    fc.string(),
    fc.constantFrom('text/html', 'audio/flac', '30', 'Thu, 01 Jan 2026 12:01:00 GMT', '-1'),
  ),
);
const receivedAt = fc.integer({ min: 0, max: 4_102_444_800_000 });

/** The invariants every outcome holds, whatever it is. */
function expectWellFormed(outcome: StatusOutcome): void {
  expect(typeof outcome).toBe('object');
  if (outcome.type === 'status') {
    expect(outcome.status.length).toBeGreaterThan(0);
    expect(outcome.runId === null || Number.isInteger(outcome.runId)).toBe(true);
    return;
  }
  expect(outcome.message.length).toBeGreaterThan(0);
  expect(outcome.message.length).toBeLessThan(400);
  expect(outcome.message).not.toMatch(/[\r\n]/);
  if (outcome.type === 'rate-limited') {
    expect(
      outcome.retryAfterMs === null || (Number.isFinite(outcome.retryAfterMs) && outcome.retryAfterMs >= 0),
    ).toBe(true);
  }
  if (outcome.type === 'invalid') {
    for (const detail of outcome.details) {
      expect(typeof detail.msg).toBe('string');
      expect(typeof detail.type).toBe('string');
      expect(detail.loc.every((part) => typeof part === 'string' || typeof part === 'number')).toBe(true);
    }
  }
}

function expectedFamily(code: number): readonly StatusOutcome['type'][] {
  if (code >= 200 && code < 300) return ['status', 'malformed'];
  if (code === 401 || code === 403) return ['auth-rejected'];
  if (code === 404 || code === 410) return ['not-found'];
  if (code === 429) return ['rate-limited'];
  if (code >= 500 || code === 408 || code === 425) return ['server-error'];
  if (code >= 400) return ['invalid'];
  return ['malformed'];
}

describe('classification properties', () => {
  it('classifyStatusResponse never throws and always returns a well-formed outcome of the right family', () => {
    fc.assert(
      fc.property(httpStatus, body, headers, receivedAt, (code, bodyText, headerMap, at) => {
        const outcome = classifyStatusResponse({
          httpStatus: code,
          headers: lookup(headerMap),
          bodyText,
          receivedAt: at,
        });
        expectWellFormed(outcome);
        expect(expectedFamily(code)).toContain(outcome.type);
      }),
      { numRuns: 2000 },
    );
  });

  it('classifyResultResponse never throws, for any endpoint', () => {
    const endpoint = fc.oneof(
      fc.constantFrom(
        'story-result',
        'dub-result',
        'tts-result',
        'translation-result',
        'transcription-result',
      ),
      fc.string(),
    );
    fc.assert(
      fc.property(httpStatus, body, headers, receivedAt, endpoint, (code, bodyText, headerMap, at, name) => {
        const outcome = classifyResultResponse(
          { httpStatus: code, headers: lookup(headerMap), bodyText, receivedAt: at },
          name,
        );
        if (outcome.type === 'result-part') {
          expect(outcome.links.every((link) => typeof link.url === 'string' && link.url !== '')).toBe(true);
        } else {
          expectWellFormed(outcome);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a valid status JSON round-trips', () => {
    const report = fc.record(
      {
        status: fc.string({ minLength: 1 }),
        run_id: fc.option(fc.integer({ min: 0 })),
        exception_reason: fc.option(fc.string()),
        message: fc.option(fc.oneof(fc.string(), fc.dictionary(fc.string(), fc.jsonValue()))),
      },
      { requiredKeys: ['status'] },
    );
    fc.assert(
      fc.property(report, fc.integer({ min: 200, max: 299 }), (sent, code) => {
        const outcome = classifyStatusResponse({
          httpStatus: code,
          headers: lookup({}),
          bodyText: JSON.stringify(sent),
          receivedAt: 0,
        });
        const text = (value: unknown): string | null =>
          value === undefined || value === null || value === ''
            ? null
            : clipText(typeof value === 'string' ? value : JSON.stringify(value), TEXT_LIMIT);
        expect(outcome).toEqual({
          type: 'status',
          status: clipText(sent.status, TEXT_LIMIT),
          runId: sent.run_id ?? null,
          exceptionReason: text(sent.exception_reason),
          message: text(sent.message),
        });
      }),
    );
  });

  it('Retry-After in seconds and as an HTTP date agree', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 3_000_000_000_000 }),
        (seconds, at) => {
          const now = Math.floor(at / 1000) * 1000; // HTTP dates have whole seconds
          expect(parseRetryAfter(String(seconds), now)).toBe(seconds * 1000);
          expect(parseRetryAfter(new Date(now + seconds * 1000).toUTCString(), now)).toBe(seconds * 1000);
          expect(parseRetryAfter(new Date(now - seconds * 1000).toUTCString(), now)).toBeNull();
        },
      ),
    );
  });

  it('classifyNetworkError never throws for anything thrown', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true }),
        (thrown) => {
          expect(classifyNetworkError(thrown)).toMatchObject({
            type: 'network',
            reason: expect.stringMatching(/^(timeout|refused|reset|dns|other)$/),
          });
        },
      ),
    );
  });

  it('redactSecret leaves no trace of a key-like secret', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9-]{12,48}$/);
    fc.assert(
      fc.property(secret, fc.array(fc.string()), (key, parts) => {
        const message = parts.join(key);
        const masked = redactSecret({ message, nested: [{ text: `${key}${message}` }] }, key);
        expect(JSON.stringify(masked)).not.toContain(key);
      }),
    );
  });
});
