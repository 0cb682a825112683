/**
 * Buttons in the desktop notification (issue 19, beyond the peers #2): a succeeded job's notification
 * offers Open result and Download where the system shows buttons — macOS through Electron's `actions`
 * and the `action` event, Windows through the toast's own `<action>` elements and the activation
 * callback — and none on Linux, where Electron 45 sends libnotify no actions. Pressing one makes the
 * core act: the result's link is opened, or its file downloaded.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { openedLinks, pressNotificationAction } from './support/electronStandIn';
import { notifications } from './support/wiredApp';
import { API_KEY, returningProfile, wiringSuite } from './support/wiringSuite';

const suite = wiringSuite();
const FINISH = { timeout: 8_000 };

/** A story that is already finished, with its audio on the fake storage; its notification, once shown. */
async function storyNotification(platform: NodeJS.Platform) {
  const id = randomUUID();
  const runId = Math.floor(Math.random() * 1e6);
  const fileName = `chapter-${runId}.wav`;
  const link = suite.server().addFile(fileName, Buffer.from('RIFF-chapter'), 'audio/wav');
  suite.server().addTask('story', id, step.success(runId));
  suite.server().addResult('story', runId, { audio_url: link, transcript: [] });
  const wired = await suite.launch({
    profile: returningProfile(),
    apiKey: API_KEY,
    platform,
    args: ['--hidden'],
  });
  await wired.started();
  const downloads = path.join(wired.profile, 'Downloads');
  fs.mkdirSync(downloads, { recursive: true });
  await wired.invoke('addTask', { kind: 'story', taskId: id, label: 'Chapter' });
  await expect.poll(() => notifications.find((shown) => shown.title === 'Story ready'), FINISH).toBeDefined();
  const shown = notifications.find((candidate) => candidate.title === 'Story ready');
  if (shown === undefined) throw new Error('no notification');
  return { shown, link, downloads, fileName };
}

describe('buttons in the desktop notification', () => {
  it('macOS: Open result and Download as actions; pressing Open result opens the result', async () => {
    const { shown, link } = await storyNotification('darwin');
    expect(shown.actions).toEqual([
      { type: 'button', text: 'Open result' },
      { type: 'button', text: 'Download' },
    ]);
    expect(pressNotificationAction(shown, 0)).toBe(true);
    await expect.poll(() => openedLinks, FINISH).toContain(link);
  });

  it('Windows: the toast carries the buttons; pressing Download saves the file', async () => {
    const { shown, downloads, fileName } = await storyNotification('win32');
    expect(shown.toastXml).toMatch(/<action content="Open result" [^>]*\/><action content="Download" /u);
    expect(pressNotificationAction(shown, 1)).toBe(true);
    await expect.poll(() => fs.existsSync(path.join(downloads, fileName)), FINISH).toBe(true);
  });

  it('Linux: no buttons (a click still opens the task)', async () => {
    const { shown } = await storyNotification('linux');
    expect(shown.actions).toEqual([]);
    expect(pressNotificationAction(shown, 0)).toBe(false);
  });
});
