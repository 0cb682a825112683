/**
 * Buttons in the desktop notification (issue 19, beyond the peers #2), per platform as Electron 45 shows
 * them: macOS through `actions` and the `action` event, Windows through the toast's own `<action>`
 * elements and the activation callback, Linux through the app's own D-Bus notification where the session
 * bus's daemon lists "actions" (a real dbus-daemon and a fake notification daemon here), and Electron's
 * without buttons elsewhere (Electron sends libnotify no buttons; a click opens the task where the daemon
 * has the "actions" capability, and Electron hears nothing where it has not). A
 * ready job offers Open result, Download, Copy link; a failure its one fix (Top up credits, Switch to dub);
 * pressing one does what it says, and a press on a job removed since does nothing and says so.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventChannelId } from '../../src/shared/contract';
import type { TaskKind } from '../../src/shared/taskKinds';
import { step, type TimelineStep } from '../../tools/fakeCamb/fakeCambServer';
import {
  clickNotification,
  clipboardControl,
  notificationControl,
  openedLinks,
  pressNotificationAction,
  type StandInNotification,
} from './support/electronStandIn';
import {
  READY_JOB_ACTIONS,
  startFakeNotificationDaemon,
  type FakeNotificationDaemon,
} from '../support/fakeNotificationDaemon';
import { hasDbusDaemon, startPrivateSessionBus, type PrivateSessionBus } from '../support/privateSessionBus';
import { notifications } from './support/wiredApp';
import { API_KEY, returningProfile, wiringSuite } from './support/wiringSuite';

const suite = wiringSuite();
const FINISH = { timeout: 8_000 };
const GONE = 'That job is no longer in your watch list, so nothing was done. Add it again to act on it.';

async function launched(platform: NodeJS.Platform, env?: Readonly<Record<string, string>>) {
  const wired = await suite.launch({
    profile: returningProfile(),
    apiKey: API_KEY,
    platform,
    args: ['--hidden'],
    ...(env === undefined ? {} : { env }),
  });
  await wired.started();
  const downloads = path.join(wired.profile, 'Downloads');
  fs.mkdirSync(downloads, { recursive: true });
  return { wired, downloads };
}

async function notificationTitled(title: string): Promise<StandInNotification> {
  await expect.poll(() => notifications.find((shown) => shown.title === title), FINISH).toBeDefined();
  const shown = notifications.find((candidate) => candidate.title === title);
  if (shown === undefined) throw new Error(`no "${title}" notification`);
  return shown;
}

/** A story that is already finished, with its audio on the fake storage, added to a launched app. */
async function finishedStory(platform: NodeJS.Platform, env?: Readonly<Record<string, string>>) {
  const id = randomUUID();
  const runId = Math.floor(Math.random() * 1e6);
  const fileName = `chapter-${runId}.wav`;
  const link = suite.server().addFile(fileName, Buffer.from('RIFF-chapter'), 'audio/wav');
  suite.server().addTask('story', id, step.success(runId));
  suite.server().addResult('story', runId, { audio_url: link, transcript: [] });
  const { wired, downloads } = await launched(platform, env);
  return { wired, link, downloads, fileName, id, key: `story:${id}` };
}

/** A finished story and its notification, once Electron shows it. */
async function storyNotification(platform: NodeJS.Platform, linuxCapabilities?: string[]) {
  const story = await finishedStory(platform);
  if (linuxCapabilities !== undefined) notificationControl.linuxCapabilities = linuxCapabilities;
  await story.wired.invoke('addTask', { kind: 'story', taskId: story.id, label: 'Chapter' });
  const shown = await notificationTitled('Story ready');
  return { ...story, shown };
}

/** A job CAMB.AI knows as `known` (kind, how it goes), watched as `watched`; its notification, once shown. */
async function failureNotification(
  platform: NodeJS.Platform,
  job: { known: [TaskKind, TimelineStep]; watched: TaskKind; title: string },
) {
  const id = randomUUID();
  suite.server().addTask(job.known[0], id, job.known[1]);
  const { wired } = await launched(platform);
  await wired.invoke('addTask', { kind: job.watched, taskId: id, label: 'Feature' });
  return { wired, id, shown: await notificationTitled(job.title) };
}

/** The buttons as the person sees them: macOS's `actions`, or the `<action>` elements of the Windows toast. */
function buttonsOf(shown: StandInNotification): string[] {
  if (shown.toastXml !== undefined)
    return [...shown.toastXml.matchAll(/<action content="([^"]*)"/gu)].map((match) => match[1] ?? '');
  return shown.actions.map((action) => action.text ?? '');
}

/** The sentence the app told after a press, as a notification of its own. */
async function toldAfterwards(text: string | RegExp): Promise<void> {
  await expect
    .poll(
      () => notifications.some((shown) => shown.title === 'CAMB Watch' && new RegExp(text).test(shown.body)),
      FINISH,
    )
    .toBe(true);
}

describe.each(['darwin', 'win32'] as const)('%s: buttons in the notification', (platform) => {
  it('a ready job: Open result opens it, Download saves it, Copy link puts its link on the clipboard', async () => {
    const { shown, link, downloads, fileName } = await storyNotification(platform);
    expect(buttonsOf(shown)).toEqual(['Open result', 'Download', 'Copy link']);

    expect(pressNotificationAction(shown, 0)).toBe(true);
    await expect.poll(() => openedLinks, FINISH).toContain(link);

    expect(pressNotificationAction(shown, 1)).toBe(true);
    await expect.poll(() => fs.existsSync(path.join(downloads, fileName)), FINISH).toBe(true);
    await toldAfterwards(`Downloading ${fileName} into your Downloads folder.`);

    expect(pressNotificationAction(shown, 2)).toBe(true);
    await expect.poll(() => clipboardControl.text, FINISH).toBe(link);
    expect(clipboardControl.text).not.toContain(API_KEY);
    await toldAfterwards('Copied the link to the story audio. It works for about a day.');
  });

  it('a dub id watched as a story: "Switch to dub" watches it as a dub', async () => {
    const { wired, shown, id } = await failureNotification(platform, {
      known: ['dub', step.pending()],
      watched: 'story',
      title: 'Story stopped',
    });
    expect(buttonsOf(shown)).toEqual(['Switch to dub']);

    expect(pressNotificationAction(shown, 0)).toBe(true);
    const keys = async () => {
      const listed = (await wired.invoke('listTasks', {})) as {
        value: { tasks: { kind: string; taskId: string }[] };
      };
      return listed.value.tasks.map((task) => `${task.kind}:${task.taskId}`);
    };
    await expect.poll(keys, FINISH).toEqual([`dub:${id}`]);
    await toldAfterwards('Now watched as a dub task: CAMB Watch checks it again.');
  });

  it('out of credits: "Top up credits" opens the studio’s billing page', async () => {
    const { shown } = await failureNotification(platform, {
      known: ['dub', step.paymentRequired()],
      watched: 'dub',
      title: 'Dub ran out of credits',
    });
    expect(buttonsOf(shown)).toEqual(['Top up credits']);
    expect(pressNotificationAction(shown, 0)).toBe(true);
    await expect.poll(() => openedLinks, FINISH).toContain('https://studio.camb.ai/billing');
  });

  it('a press after the job was removed does nothing and says so', async () => {
    const { wired, shown, downloads, fileName, key } = await storyNotification(platform);
    await wired.invoke('removeTask', { key });
    expect(pressNotificationAction(shown, 1)).toBe(true);
    expect(pressNotificationAction(shown, 2)).toBe(true);
    await toldAfterwards(GONE);
    expect(fs.existsSync(path.join(downloads, fileName))).toBe(false);
    expect(clipboardControl.text).toBe('');
    expect(openedLinks).toEqual([]);
  });
});

describe('linux without a session bus: no buttons in the notification', () => {
  it('none are offered; a click opens the window on the task where the daemon has "actions"', async () => {
    const { wired, shown, key } = await storyNotification('linux');
    expect(shown.actions).toEqual([]);
    expect(pressNotificationAction(shown, 0)).toBe(false);
    expect(clickNotification(shown)).toBe(true);
    const window = wired.window();
    await expect.poll(() => window?.visible, FINISH).toBe(true);
    await wired.invoke('getSnapshot', {});
    await expect
      .poll(() => window?.webContents.sent, FINISH)
      .toContainEqual({ channel: eventChannelId('showTask'), payload: { key } });
  });

  it('a daemon without "actions" (Notify-OSD): Electron hears no click, so nothing opens', async () => {
    const { wired, shown } = await storyNotification('linux', ['body']);
    expect(shown.actions).toEqual([]);
    expect(clickNotification(shown)).toBe(false);
    expect(wired.window()?.visible ?? false).toBe(false);
  });
});

describe.skipIf(!hasDbusDaemon)('linux with a notification daemon on the session bus', () => {
  let bus: PrivateSessionBus | null = null;
  let daemon: FakeNotificationDaemon | null = null;
  beforeAll(async () => {
    bus = await startPrivateSessionBus();
  });
  afterAll(() => bus?.stop());
  afterEach(async () => {
    await daemon?.stop();
    daemon = null;
  });

  /** GNOME Shell's or KDE Plasma's daemon (`capabilities`) on the bus the app finds in its environment. */
  async function storyWithDaemon(capabilities: string[]) {
    if (bus === null) throw new Error('no session bus');
    daemon = await startFakeNotificationDaemon(bus.address, capabilities);
    const story = await finishedStory('linux', { DBUS_SESSION_BUS_ADDRESS: bus.address });
    // What Electron's libnotify would learn from the same daemon (set after the launch resets the stand-in).
    notificationControl.linuxCapabilities = capabilities;
    await story.wired.invoke('addTask', { kind: 'story', taskId: story.id, label: 'Chapter' });
    return { ...story, daemon };
  }

  it('it lists "actions": the app’s notification goes over D-Bus with the buttons, and a press does what macOS’s does', async () => {
    const { daemon: shownBy, link } = await storyWithDaemon([
      'actions',
      'body',
      'body-markup',
      'persistence',
    ]);
    const sent = await shownBy.nextNotify();
    expect(sent.summary).toBe('Story ready');
    expect(sent.actions).toEqual(READY_JOB_ACTIONS);
    // Shown once: not also through Electron.
    expect(notifications.filter((shown) => shown.title === 'Story ready')).toEqual([]);

    shownBy.invokeAction(sent.id, 'copy-link');
    await expect.poll(() => clipboardControl.text, FINISH).toBe(link);
    expect(clipboardControl.text).not.toContain(API_KEY);
    // What came of it is told the same way, as a notification of its own.
    const told = await shownBy.nextNotify();
    expect(told).toMatchObject({
      summary: 'CAMB Watch',
      body: 'Copied the link to the story audio. It works for about a day.',
      actions: ['default', 'Open'],
    });
  });

  it('a click on its body opens the window on the task', async () => {
    const { daemon: shownBy, wired, key } = await storyWithDaemon(['actions', 'body']);
    const sent = await shownBy.nextNotify();
    shownBy.invokeAction(sent.id, 'default');
    await expect.poll(() => wired.window()?.visible, FINISH).toBe(true);
    await wired.invoke('getSnapshot', {});
    await expect
      .poll(() => wired.window()?.webContents.sent, FINISH)
      .toContainEqual({ channel: eventChannelId('showTask'), payload: { key } });
  });

  it('it lists no "actions" (Notify-OSD): Electron’s notification, as before, and nothing sent over D-Bus', async () => {
    const { daemon: asked } = await storyWithDaemon(['body', 'x-canonical-append']);
    const shown = await notificationTitled('Story ready');
    expect(shown.actions).toEqual([]);
    expect(asked.calls).toEqual(['GetCapabilities']);
    expect(asked.notified).toEqual([]);
  });
});
