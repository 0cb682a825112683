/**
 * Start-up and the end: the tray exists (saying "starting") before the keychain answers, Quit works from
 * then on, and a log-off or shutdown saves before the app ends — on Windows without any window opened.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { appControl, calls, keychain, powerMonitor, windows } from './support/wiredApp';
import { privilegedSchemes, standInEvent } from './support/electronStandIn';
import { API_KEY, returningProfile, wiringSuite } from './support/wiringSuite';

const suite = wiringSuite();

/** What the app has saved on this profile: the watch list file, read back by a restart. */
async function watchedAfterRestart(profile: string): Promise<unknown[]> {
  const restarted = await suite.launch({ profile, apiKey: API_KEY, args: ['--hidden'] });
  await restarted.started();
  const listed = (await restarted.invoke('listTasks', {})) as { ok: boolean; value: { tasks: unknown[] } };
  return listed.value.tasks;
}

describe('start-up', () => {
  it('shows the tray, saying it is starting, while the keychain is still being read', async () => {
    const wired = await suite.launch({ profile: returningProfile(), holdKeychain: true });
    await expect.poll(() => calls.includes('new Tray')).toBe(true);
    expect(wired.tray().tooltip).toBe('CAMB Watch — starting');
    expect(wired.tray().menu?.labels).toEqual(['Starting…', '(separator)', 'Quit']);
    expect(wired.window()).toBeUndefined();
    keychain.release();
    await wired.started();
    expect(wired.tray().menu?.labels).toContain('Open CAMB Watch');
  });

  it('quits from the tray while the keychain is still being read, and starts nothing after', async () => {
    const wired = await suite.launch({ profile: returningProfile(), holdKeychain: true });
    await expect.poll(() => calls.includes('new Tray')).toBe(true);
    wired.tray().menu?.click('Quit');
    // app.quit() returns at once; the app ends on a later turn, as Electron's does.
    await appControl.quitting;
    expect(appControl.exited).toBe(0);
    expect(wired.tray().destroyed).toBe(true);
    keychain.release();
    await expect.poll(() => keychain.answered).toBeGreaterThan(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(wired.window()).toBeUndefined();
    expect(suite.server().requests).toHaveLength(0);
  });
});

describe('the page', () => {
  it('comes over app:// (registered before ready: standard, secure, with V8’s code cache) and the window loads it', async () => {
    const wired = await suite.launch({ apiKey: API_KEY });
    await wired.started();
    expect(privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }),
      },
    ]);
    await expect.poll(() => wired.window()?.loaded).toBe(true);
    expect(wired.window()?.page).toMatch(/<script type="module"/u);
  });
});

describe('the end of the session', () => {
  it.each([
    ['win32', 'a hidden window hears session-end'],
    ['linux', 'powerMonitor says shutdown'],
  ] as const)('%s: %s, and the watch list is saved before the app ends', async (platform, _how) => {
    const id = randomUUID();
    suite.server().addTask('story', id, step.pending({ untilMs: 600_000 }));
    const wired = await suite.launch({
      profile: returningProfile(),
      apiKey: API_KEY,
      platform,
      args: ['--hidden'],
    });
    await wired.started();
    wired.secondLaunch(['--watch', `story:${id}`]);
    expect(wired.window()).toBeUndefined();
    if (platform === 'win32') {
      const listener = windows.find((window) => window.options.show === false && !window.options.title);
      expect(listener?.listenerCount('session-end')).toBe(1);
      listener?.emit('session-end', standInEvent({ reasons: ['logoff'] }));
    } else {
      powerMonitor.emit('shutdown', standInEvent());
    }
    // app.quit() returns at once; the app ends on a later turn, as Electron's does.
    await appControl.quitting;
    expect(appControl.exited).toBe(0);
    expect(await watchedAfterRestart(wired.profile)).toEqual([expect.objectContaining({ taskId: id })]);
  });
});

describe('the network as Electron reports it', () => {
  it('CAMB.AI refusing connections (net::ERR_CONNECTION_REFUSED from net.fetch) is said in words', async () => {
    const closed = await import('node:net').then(
      ({ createServer }) =>
        new Promise<number>((resolve) => {
          const server = createServer();
          server.listen(0, '127.0.0.1', () => {
            const { port } = server.address() as { port: number };
            server.close(() => resolve(port));
          });
        }),
    );
    const wired = await suite.launch({
      profile: returningProfile(),
      apiKey: API_KEY,
      args: ['--hidden'],
      env: { CAMB_API_BASE: `http://127.0.0.1:${closed}/apis` },
    });
    await wired.started();
    const tested = (await wired.invoke('testApiKey', {})) as { value: { message: string } };
    expect(tested.value.message).toMatch(
      /^The key could not be tested\. Could not reach 127\.0\.0\.1:\d+: the connection was refused/u,
    );
    expect(tested.value.message).not.toMatch(/net::|fetch failed/u);
  });
});
