import { describe, expect, it } from 'vitest';
import { checkExternalUrl, isLocalApiBase } from '../../../src/main/core/appHost';

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
