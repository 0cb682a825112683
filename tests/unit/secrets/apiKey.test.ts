import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_KEY_MAX_LENGTH, parseApiKey } from '../../../src/main/core/secrets/apiKey';

const KEY = '4f2a9c7e-1b3d-4e5f-8a6b-9c0d1e2f3a4b';

describe('parseApiKey', () => {
  it('accepts a key and trims what surrounds it', () => {
    expect(parseApiKey(KEY)).toEqual({ ok: true, key: KEY });
    expect(parseApiKey(`  ${KEY}\r\n`)).toEqual({ ok: true, key: KEY });
  });

  it.each([
    ['empty', '', 'The API key is empty: paste the key from your CAMB.AI account settings.'],
    ['only blanks', ' \n\t ', 'The API key is empty: paste the key from your CAMB.AI account settings.'],
    [
      'too long',
      'k'.repeat(API_KEY_MAX_LENGTH + 1),
      `The API key is longer than ${API_KEY_MAX_LENGTH} characters: check that you pasted only the key.`,
    ],
    [
      'a space inside',
      'abcd efgh',
      'The API key contains a space or line break: paste only the key, on one line.',
    ],
    [
      'a line break inside',
      'abcd\nefgh',
      'The API key contains a space or line break: paste only the key, on one line.',
    ],
    [
      'a control character',
      'abcd\u0007efgh',
      'The API key contains a control character: paste it again as plain text.',
    ],
    [
      'an invisible character',
      'abcd\u200befgh',
      'The API key contains a character that is not plain visible ASCII (perhaps an invisible one from copying): type or paste it again.',
    ],
    ['not text', 42, 'The API key must be text.'],
  ])('rejects %s with a message that says so', (_case, raw, message) => {
    expect(parseApiKey(raw)).toEqual({ ok: false, problem: 'invalid-key', message });
  });

  it('accepts a key of exactly the maximum length', () => {
    expect(parseApiKey('k'.repeat(API_KEY_MAX_LENGTH)).ok).toBe(true);
  });

  it('never quotes the rejected key in its message (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), (raw) => {
        const outcome = parseApiKey(raw);
        if (!outcome.ok && raw.trim().length >= 4) expect(outcome.message).not.toContain(raw.trim());
      }),
    );
  });
});
