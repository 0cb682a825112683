import { describe, expect, it } from 'vitest';
import { checkExternalUrl, isLocalApiBase } from '../../../src/main/core/links';
import { checkDownloadUrl } from '../../../src/main/core/links/externalUrl';

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

describe('download links (checked again at every redirect)', () => {
  it('never reach this computer or a private network from the real CAMB.AI', () => {
    const hosts = [
      'https://127.0.0.1/a.mp4',
      'https://localhost/a.mp4',
      'https://x.localhost/a.mp4',
      'https://10.1.2.3/a.mp4',
      'https://172.20.0.1/a.mp4',
      'https://192.168.1.1/a.mp4',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/a.mp4',
      'https://0.0.0.0/a.mp4',
      'https://[::1]/a.mp4',
      'https://[fd00::1]/a.mp4',
      'https://[fe80::1]/a.mp4',
      'https://[::ffff:127.0.0.1]/a.mp4',
      'https://2130706433/a.mp4',
    ];
    for (const url of hosts)
      expect(checkDownloadUrl(url, false)).toEqual({
        ok: false,
        message: 'Links to this computer or a private network are not downloaded.',
      });
    expect(checkDownloadUrl('https://storage.googleapis.com/a.mp4', false)).toMatchObject({ ok: true });
    expect(checkDownloadUrl('https://172.32.0.1/a.mp4', false)).toMatchObject({ ok: true });
  });

  it('may reach this computer when the API itself is a local simulator', () => {
    expect(checkDownloadUrl('https://127.0.0.1/a.mp4', true)).toMatchObject({ ok: true });
  });
});
