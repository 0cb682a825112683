import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../../src/webHost/browser/httpTransport';
import { createBridge } from '../../../src/shared/contract';
import { CONTENT_SECURITY_POLICY, pagePolicy } from '../../../src/webHost/server/securityHeaders';
import {
  FIXTURE_BRIDGE,
  FIXTURE_SCRIPT,
  OUTSIDE_SECRET,
  createWebHostHarness,
  type WebHostHarness,
} from './webHostHarness';

let h: WebHostHarness;
beforeEach(async () => {
  h = await createWebHostHarness();
});
afterEach(async () => {
  await h.close();
});

const json = { 'content-type': 'application/json' };

describe('web host: who may talk to the core', () => {
  it('refuses actions and the event stream without the token, or with a wrong one', async () => {
    const attempts = [
      { path: '/__camb-watch/invoke/listTasks', method: 'POST', headers: json, body: '{}' },
      {
        path: '/__camb-watch/invoke/listTasks',
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${h.web.token.slice(0, -1)}x` },
        body: '{}',
      },
      {
        path: '/__camb-watch/invoke/listTasks',
        method: 'POST',
        headers: { ...json, authorization: h.web.token },
        body: '{}',
      },
      { path: '/__camb-watch/events', headers: { authorization: 'Bearer nope' } },
      { path: `/__camb-watch/events?token=${h.web.token}` },
    ];
    for (const attempt of attempts) {
      const answer = await h.raw(attempt);
      expect(answer.status, attempt.path).toBe(403);
      expect(JSON.parse(answer.body)).toEqual({
        ok: false,
        error: 'The web host did not accept this page: open the address it printed (it carries a token).',
      });
    }
    const withToken = await h.raw({
      path: '/__camb-watch/invoke/listTasks',
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${h.web.token}` },
      body: '{}',
    });
    expect(withToken.status).toBe(200);
    expect(JSON.parse(withToken.body)).toMatchObject({ ok: true, value: { tasks: [] } });
  });

  it('a page without the token gets a bridge whose every action says how to get one', async () => {
    const transport = createHttpTransport({ origin: h.web.origin, token: null, fetch });
    const bridge = createBridge(transport);
    await expect(bridge.listTasks()).rejects.toThrow(
      'Open the address the web host printed (it carries a token).',
    );
    expect(typeof bridge.onTaskChanged(() => {})).toBe('function');
  });

  it('answers only requests addressed to 127.0.0.1 or localhost on its port (DNS rebinding)', async () => {
    const authorization = `Bearer ${h.web.token}`;
    for (const host of [
      'evil.example',
      `evil.example:${h.web.port}`,
      `127.0.0.1:${h.web.port + 1}`,
      'localhost',
    ]) {
      const page = await h.raw({ path: '/', headers: { host } });
      expect(page.status, host).toBe(403);
      expect(page.body).not.toContain('<script');
      const action = await h.raw({
        path: '/__camb-watch/invoke/listTasks',
        method: 'POST',
        headers: { ...json, host, authorization },
        body: '{}',
      });
      expect(action.status, host).toBe(403);
    }
    expect((await h.raw({ path: '/', headers: { host: `localhost:${h.web.port}` } })).status).toBe(200);
  });

  it('refuses actions sent from another origin, even with the token', async () => {
    const answer = await h.raw({
      path: '/__camb-watch/invoke/listTasks',
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${h.web.token}`, origin: 'https://evil.example' },
      body: '{}',
    });
    expect(answer.status).toBe(403);
  });
});

describe('web host: serving the renderer', () => {
  it('serves index.html with a strict CSP and the bridge script before the app module', async () => {
    const page = await h.raw({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    // The desktop app's policy, with the local simulator's origin among the media sources (its files play).
    const simulator = new URL(h.server.baseUrl).origin;
    expect(page.headers['content-security-policy']).toBe(pagePolicy(simulator));
    expect(page.headers['content-security-policy']).toContain(`media-src https://*.camb.ai ${simulator};`);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const bridgeAt = page.body.indexOf('<script src="/__camb-watch/bridge.js"></script>');
    const moduleAt = page.body.indexOf('<script type="module"');
    expect(bridgeAt).toBeGreaterThan(-1);
    expect(bridgeAt).toBeLessThan(moduleAt);
    expect((await h.raw({ path: '/index.html' })).body).toBe(page.body);
  });

  it('serves assets and the bridge with their content types, the bridge without a token', async () => {
    const script = await h.raw({ path: '/assets/app.js' });
    expect(script).toMatchObject({ status: 200, body: FIXTURE_SCRIPT });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['content-security-policy']).toBe(pagePolicy(new URL(h.server.baseUrl).origin));
    const bridge = await h.raw({ path: '/__camb-watch/bridge.js' });
    expect(bridge).toMatchObject({ status: 200, body: FIXTURE_BRIDGE });
    expect(bridge.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/../../secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
      '//etc/passwd',
      '/..%00/secret.txt',
      '/%E0%A4%A',
    ]) {
      const answer = await h.raw({ path: attempt });
      expect(answer.status, attempt).toBe(404);
      expect(answer.body).not.toContain(OUTSIDE_SECRET);
    }
    expect((await h.raw({ path: '/assets' })).status).toBe(404);
    expect((await h.raw({ path: '/missing.js' })).status).toBe(404);
    expect((await h.raw({ path: '/', method: 'POST' })).status).toBe(405);
  });

  it('refuses a body over the size limit with a clear error', async () => {
    const answer = await h.raw({
      path: '/__camb-watch/invoke/importWatchList',
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${h.web.token}` },
      body: JSON.stringify({ json: 'x'.repeat(26 * 1024 * 1024) }),
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      ok: false,
      error: 'The request is larger than 25 MB, the most the web host accepts.',
    });
  });
});
