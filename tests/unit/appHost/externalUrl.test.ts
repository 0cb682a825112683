import { describe, expect, it } from 'vitest';
import { checkExternalUrl, isLocalApiBase } from '../../../src/main/core/appHost';
import { checkDownloadUrl } from '../../../src/main/core/appHost/externalUrl';

describe('which links and APIs the app trusts', () => {
  it('counts only an API on this computer as a local simulator', () => {
    expect(isLocalApiBase('http://127.0.0.1:8765/apis')).toBe(true);
    expect(isLocalApiBase('http://localhost:8765/apis')).toBe(true);
    expect(isLocalApiBase('https://client.camb.ai/apis')).toBe(false);
    expect(isLocalApiBase('http://127.0.0.1.evil.example/apis')).toBe(false);
    expect(isLocalApiBase('not a url')).toBe(false);
    expect(isLocalApiBase(undefined)).toBe(false);
  });

  it('opens only https links without credentials', () => {
    expect(checkExternalUrl('https://camb.ai/docs')).toEqual({ ok: true, url: 'https://camb.ai/docs' });
    expect(checkExternalUrl('javascript:alert(1)')).toMatchObject({ ok: false });
    expect(checkExternalUrl('https://user:pass@camb.ai/')).toMatchObject({ ok: false });
  });
});

describe('loopback http result links', () => {
  it('are opened and downloaded only when the API is a local simulator', () => {
    const demo = 'http://127.0.0.1:43125/files/launch-es.wav';
    expect(checkExternalUrl(demo, true)).toEqual({ ok: true, url: demo });
    expect(checkDownloadUrl(demo, true)).toEqual({ ok: true, url: demo });
    expect(checkExternalUrl(demo)).toEqual({ ok: false, message: 'Only secure (https) links are opened.' });
    expect(checkDownloadUrl(demo, false)).toEqual({
      ok: false,
      message: 'Only secure (https) links are downloaded.',
    });
  });

  it('never from another computer, and never with credentials', () => {
    expect(checkExternalUrl('http://storage.example/a.wav', true)).toMatchObject({ ok: false });
    expect(checkExternalUrl('http://127.0.0.1.evil.example/a.wav', true)).toMatchObject({ ok: false });
    expect(checkExternalUrl('http://user:pw@127.0.0.1/a.wav', true)).toMatchObject({ ok: false });
    expect(checkExternalUrl('file:///etc/passwd', true)).toMatchObject({ ok: false });
  });
});
