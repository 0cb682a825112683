import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/main/core/logging/redactor';

const KEY = 'sk-4f2a9c7e-1b3d-4e5f-8a6b-9c0d1e2f3a4b';

describe('createRedactor', () => {
  it('masks every occurrence of the key', () => {
    const { redact } = createRedactor(() => [KEY]);
    expect(redact(`x-api-key: ${KEY} and again ${KEY}.`)).toBe('x-api-key: [redacted] and again [redacted].');
  });

  it('masks the URL-encoded form, in either case of hex digits', () => {
    const key = 'ab/cd+ef=gh';
    const { redact } = createRedactor(() => [key]);
    expect(redact(`GET /x?key=${encodeURIComponent(key)}`)).toBe('GET /x?key=[redacted]');
    expect(redact('GET /x?key=ab%2fcd%2bef%3dgh')).toBe('GET /x?key=[redacted]');
  });

  it('masks the JSON-escaped form', () => {
    const key = 'ab"cd\\ef';
    const { redact } = createRedactor(() => [key]);
    const json = JSON.stringify({ key });
    expect(json).not.toContain(key);
    expect(redact(json)).toBe('{"key":"[redacted]"}');
  });

  it('asks for the secrets on every call, so a replaced key is masked from then on', () => {
    let secrets = ['first-key'];
    const { redact } = createRedactor(() => secrets);
    expect(redact('first-key second-key')).toBe('[redacted] second-key');
    secrets = ['second-key'];
    expect(redact('first-key second-key')).toBe('first-key [redacted]');
  });

  it('ignores secrets too short to be keys, and leaves text without secrets alone', () => {
    const { redact } = createRedactor(() => ['', 'a', 'abc']);
    expect(redact('abc a b c')).toBe('abc a b c');
    expect(createRedactor(() => [KEY]).redact('nothing here')).toBe('nothing here');
  });

  it('masks overlapping occurrences and several secrets at once', () => {
    const { redact } = createRedactor(() => ['aaaa', 'secret-two']);
    expect(redact('xaaaaaay secret-two')).toBe('x[redacted]y [redacted]');
  });

  it('picks another mask when "[redacted]" could spell the secret with its neighbours', () => {
    const { redact } = createRedactor(() => ['ed]ab']);
    const out = redact('ed]abab');
    expect(out).not.toContain('ed]ab');
    expect(createRedactor(() => ['redacted']).redact('key=redacted')).not.toContain('redacted');
  });

  const keyChar = fc.constantFrom(
    ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~+/=:[]"\\%',
  );
  const realisticKey = fc.string({ unit: keyChar, minLength: 4, maxLength: 64 });

  it('never lets the key through, wherever and however often it is embedded (property)', () => {
    fc.assert(
      fc.property(
        realisticKey,
        fc.array(fc.string({ unit: fc.oneof(keyChar, fc.constantFrom(' ', '\n', '{', '}')) })),
        fc.array(fc.constantFrom('raw', 'url', 'json')),
        (key, pieces, forms) => {
          const spelled = { raw: key, url: encodeURIComponent(key), json: JSON.stringify(key).slice(1, -1) };
          const text = pieces.map((piece, i) => piece + spelled[forms[i] ?? 'raw']).join('');
          const out = createRedactor(() => [key]).redact(text);
          expect(out).not.toContain(key);
          expect(out).not.toContain(spelled.url);
          expect(out).not.toContain(spelled.json);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never lets any secret through for arbitrary text and secrets (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), fc.string(), fc.string(), fc.string(), (key, a, b, c) => {
        const out = createRedactor(() => [key]).redact(a + key + b + key + key + c);
        expect(out).not.toContain(key);
      }),
      { numRuns: 500 },
    );
  });
});
