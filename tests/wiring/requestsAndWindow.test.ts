/**
 * What reaches the running app from outside — a second launch, a link, a notification click — and the
 * window getting its page back after the page's process died.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventChannelId } from '../../src/shared/contract';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import {
  activateToast,
  app,
  standInEvent,
  type StandInNotification,
  type StandInWindow,
} from './support/electronStandIn';
import { calls, notifications } from './support/wiredApp';
import { API_KEY, returningProfile, wiringSuite } from './support/wiringSuite';

const suite = wiringSuite();

const startedAtLogin = async (platform: NodeJS.Platform = 'linux') => {
  const wired = await suite.launch({
    profile: returningProfile(),
    apiKey: API_KEY,
    args: ['--hidden'],
    platform,
  });
  await wired.started();
  return wired;
};

/** The page asks for its first snapshot, as the real one does once loaded. */
async function pageLoads(
  wired: Awaited<ReturnType<typeof startedAtLogin>>,
  window: StandInWindow | undefined,
) {
  await expect.poll(() => window?.visible).toBe(true);
  await wired.invoke('getSnapshot', {});
  await new Promise((resolve) => setImmediate(resolve));
}

/** Closes the latest notification as the OS does, and leaves only the app (and a weak reference) holding it. */
function closeLatestNotification(
  reason: 'timedOut' | 'userCanceled' | undefined,
): WeakRef<StandInNotification> {
  const toast = notifications.at(-1);
  if (toast === undefined) throw new Error('No notification was shown');
  toast.emit('close', standInEvent({ reason }));
  notifications.length = 0;
  return new WeakRef(toast);
}

describe('requests from outside the window', () => {
  it('a second launch with --watch adds the task and confirms it, without opening the window', async () => {
    const id = randomUUID();
    suite.server().addTask('story', id, step.pending({ untilMs: 600_000 }));
    const wired = await startedAtLogin();
    wired.secondLaunch(['--watch', `story:${id}`]);
    expect(notifications.map((shown) => shown.title)).toEqual(['Watching story']);
    await expect.poll(() => suite.server().requestCount('story', id)).toBeGreaterThan(0);
    expect(wired.window()).toBeUndefined();

    wired.secondLaunch([]);
    await expect.poll(() => wired.window()?.visible).toBe(true);
  });

  it('a camb-watch:// link adds the task: as an argument (Windows, Linux) and as open-url (macOS)', async () => {
    const viaArgument = randomUUID();
    let wired = await startedAtLogin();
    wired.secondLaunch([`camb-watch://watch/dub/${viaArgument}?label=Intro`]);
    expect(notifications.at(-1)?.body).toBe('Intro: you will be told when it finishes.');

    const viaOpenUrl = randomUUID();
    wired = await startedAtLogin('darwin');
    app.emit('open-url', standInEvent(), `camb-watch://watch/tts/${viaOpenUrl}?label=Trailer`);
    expect(notifications.at(-1)?.body).toBe('Trailer: you will be told when it finishes.');
    const listed = (await wired.invoke('listTasks', {})) as { value: { tasks: { taskId: string }[] } };
    expect(listed.value.tasks.map((task) => task.taskId)).toEqual([viaOpenUrl]);
  });

  it('clicking a notification opens the window on its task', async () => {
    const id = randomUUID();
    const wired = await startedAtLogin();
    wired.secondLaunch(['--watch', `transcribe:${id}`]);
    notifications.at(-1)?.emit('click', standInEvent());
    const window = wired.window();
    await pageLoads(wired, window);
    expect(window?.webContents.sent).toContainEqual({
      channel: eventChannelId('showTask'),
      payload: { key: `transcribe:${id}` },
    });
  });

  it.each([
    { platform: 'darwin', reason: undefined },
    { platform: 'linux', reason: undefined },
  ] as const)('$platform: a closed notification is let go of', async ({ platform, reason }) => {
    const wired = await startedAtLogin(platform);
    wired.secondLaunch(['--watch', `dub:${randomUUID()}`]);
    const held = closeLatestNotification(reason);
    await new Promise((resolve) => setImmediate(resolve));
    (globalThis as { gc?: () => void }).gc?.();
    expect(held.deref()).toBeUndefined();
  });

  it('Windows: a click on a toast in the Action Center opens its task: in the run that showed it, after a restart, and when the click starts the app', async () => {
    const id = randomUUID();
    /** The window comes up, and its page is told to show the toast's task. */
    const opensOnTheTask = async (wired: Awaited<ReturnType<typeof startedAtLogin>>) => {
      await pageLoads(wired, wired.window());
      await expect
        .poll(() => wired.window()?.webContents.sent)
        .toContainEqual({ channel: eventChannelId('showTask'), payload: { key: `dub:${id}` } });
    };
    const first = await startedAtLogin('win32');
    first.secondLaunch(['--watch', `dub:${id}`]);
    const toast = notifications.at(-1)?.toastXml;
    // While the run that showed it goes on, the click comes as the notification's own event.
    activateToast(toast);
    await opensOnTheTask(first);
    await first.quit();

    // The app runs again; the toast from its earlier run is clicked in the Action Center.
    const again = { profile: first.profile, apiKey: API_KEY, platform: 'win32' } as const;
    const restarted = await suite.launch({ ...again, args: ['--hidden'] });
    await restarted.started();
    expect(restarted.window()).toBeUndefined();
    activateToast(toast);
    await opensOnTheTask(restarted);
    await restarted.quit();

    // The app is not running: Windows starts it for the click (the activation waits for the app).
    const startedByClick = await suite.launch({ ...again, toastClicked: toast });
    await startedByClick.started();
    await opensOnTheTask(startedByClick);
  });

  it('Windows: a click on a toast that is not the app’s, or damaged, opens nothing', async () => {
    const wired = await startedAtLogin('win32');
    activateToast('<toast launch="type=click&amp;app=camb-watch&amp;task=%E0%A4%A"><visual/></toast>');
    activateToast('<toast launch="type=click&amp;app=another-app&amp;task=dub%3A1"><visual/></toast>');
    activateToast('<toast launch="type=click&amp;app=camb-watch&amp;task=nokind%3A1"><visual/></toast>');
    await new Promise((resolve) => setImmediate(resolve));
    expect(wired.window()).toBeUndefined();
  });
});

describe('the window', () => {
  it('reloads its page when the page’s process is gone, but not for ever, and not after a clean exit', async () => {
    const wired = await startedAtLogin();
    wired.tray().menu?.click('Open CAMB Watch');
    const window = wired.window();
    await pageLoads(wired, window);
    const gone = (reason: string) =>
      window?.webContents.emit('render-process-gone', standInEvent(), { reason, exitCode: 1 });

    gone('crashed');
    expect(window?.webContents.reloads).toBe(1);
    gone('clean-exit');
    expect(window?.webContents.reloads).toBe(1);
    gone('oom');
    gone('killed');
    gone('crashed');
    expect(window?.webContents.reloads).toBe(3);
    expect(calls).not.toContain('app.quit');
  });
});
