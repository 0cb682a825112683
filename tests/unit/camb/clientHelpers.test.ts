import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CAMB_API_BASE,
  InvalidBaseUrlError,
  parseBaseUrl,
  resolveBaseUrl,
} from '../../../src/main/core/camb/baseUrl';
import { mergeResultParts } from '../../../src/main/core/camb/cambClient';
import { endpointName, fillPathTemplate } from '../../../src/main/core/camb/pathTemplate';
import { redactSecret } from '../../../src/main/core/camb/redactSecret';

describe('base URL', () => {
  it('defaults to CAMB.AI and reads CAMB_API_BASE', () => {
    expect(resolveBaseUrl({})).toBe(DEFAULT_CAMB_API_BASE);
    expect(resolveBaseUrl({ CAMB_API_BASE: '  ' })).toBe(DEFAULT_CAMB_API_BASE);
    expect(resolveBaseUrl({ CAMB_API_BASE: 'http://127.0.0.1:4000/apis/' })).toBe(
      'http://127.0.0.1:4000/apis',
    );
    expect(parseBaseUrl('https://proxy.example//')).toBe('https://proxy.example');
  });

  it('refuses anything but an http(s) URL, saying what is wrong', () => {
    for (const value of ['ftp://x.example', 'client.camb.ai/apis', 'not a url', 'file:///etc']) {
      expect(() => resolveBaseUrl({ CAMB_API_BASE: value })).toThrow(InvalidBaseUrlError);
    }
    expect(() => resolveBaseUrl({ CAMB_API_BASE: 'ftp://x' })).toThrow(
      /CAMB_API_BASE "ftp:\/\/x" must be an http:\/\/ or https:\/\/ URL/,
    );
  });

  it('refuses a query or fragment, which request paths would end up in', () => {
    for (const value of [
      'http://127.0.0.1:8799/apis?x=1',
      'https://proxy.example/apis?',
      'https://p.example/#a',
    ]) {
      expect(() => parseBaseUrl(value)).toThrow(/must not have a \?query or #fragment/);
    }
    expect(parseBaseUrl('https://proxy.example/camb/apis/')).toBe('https://proxy.example/camb/apis');
  });

  it('refuses credentials in the URL without repeating them', () => {
    let message = '';
    try {
      resolveBaseUrl({ CAMB_API_BASE: 'https://me:hunter22@proxy.example/apis' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /CAMB_API_BASE "https:\/\/…@proxy.example\/apis" must not contain a user name or password/,
    );
    expect(message).not.toContain('hunter22');
  });
});

describe('path templates', () => {
  it('URI-encodes every value', () => {
    expect(fillPathTemplate('/story/{task_id}', { task_id: 'a/../b c' })).toBe('/story/a%2F..%2Fb%20c');
    expect(
      fillPathTemplate('/x/{run_id}/{target_language}?q=1', { run_id: '7', target_language: 'fr' }),
    ).toBe('/x/7/fr?q=1');
    expect(() => fillPathTemplate('/x/{run_id}', {})).toThrow(/run_id/);
  });

  it('names endpoints', () => {
    expect(endpointName('/tts-result/{run_id}?output_type=file_url')).toBe('tts-result');
  });
});

describe('redactSecret', () => {
  it('masks the secret in every string, keys included', () => {
    const key = 'sk-123456';
    const masked = redactSecret({ message: `bad key ${key}`, list: [key, 1, null], [key]: true }, key);
    expect(JSON.stringify(masked)).not.toContain(key);
    expect(masked).toEqual({
      message: 'bad key [redacted]',
      list: ['[redacted]', 1, null],
      '[redacted]': true,
    });
  });
});

describe('mergeResultParts', () => {
  it('joins links and texts and keys details by endpoint', () => {
    const merged = mergeResultParts('translated-tts', 3, [
      {
        type: 'result-part',
        endpoint: 'tts-result',
        links: [{ name: 'file_url', url: 'u' }],
        body: { file_url: 'u' },
      },
      {
        type: 'result-part',
        endpoint: 'translation-result',
        links: [],
        texts: ['t'],
        body: { texts: ['t'] },
      },
    ]);
    expect(merged).toEqual({
      kind: 'translated-tts',
      runId: 3,
      links: [{ name: 'file_url', url: 'u' }],
      texts: ['t'],
      details: { 'tts-result': { file_url: 'u' }, 'translation-result': { texts: ['t'] } },
    });
  });
});
