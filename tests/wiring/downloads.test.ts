/**
 * The desktop app downloads results through Chromium's own download path (session.downloadURL →
 * will-download → DownloadItem), which marks the file for the OS (Mark-of-the-Web, quarantine), while
 * the core still names the file and can cancel it.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faults, step } from '../../tools/fakeCamb/fakeCambServer';
import { downloadCalls, downloadItems, marked } from './support/downloadStandIn';
import { API_KEY, returningProfile, wiringSuite } from './support/wiringSuite';

const suite = wiringSuite();
const FINISH = { timeout: 8_000 };

/** A finished story whose audio is the fake storage's `fileName`; the app watching it, its result in. */
async function appWithFinishedStory(fileName: string, body: Buffer) {
  const id = randomUUID();
  const runId = Math.floor(Math.random() * 1e6);
  const link = suite.server().addFile(fileName, body, 'audio/wav');
  suite.server().addTask('story', id, step.success(runId));
  suite.server().addResult('story', runId, { audio_url: link, transcript: [] });
  const wired = await suite.launch({ profile: returningProfile(), apiKey: API_KEY, args: ['--hidden'] });
  await wired.started();
  const downloads = path.join(wired.profile, 'Downloads');
  fs.mkdirSync(downloads);
  await wired.invoke('addTask', { kind: 'story', taskId: id });
  const key = `story:${id}`;
  await expect
    .poll(async () => {
      const snapshot = (await wired.invoke('getSnapshot', {})) as {
        ok: boolean;
        value: { tasks: { kind: string; taskId: string; status: string }[] };
      };
      return snapshot.value.tasks.find((task) => task.taskId === id)?.status;
    }, FINISH)
    .toBe('SUCCESS');
  return { wired, key, link, downloads };
}

describe('result downloads in the desktop app', () => {
  it('go through Chromium’s download path, to the name the core chose, so the OS marks apply', async () => {
    const body = Buffer.alloc(40_000, 5);
    const { wired, key, link, downloads } = await appWithFinishedStory(
      `Chapter${'\u3164'.repeat(20)}.exe`,
      body,
    );
    expect(await wired.invoke('downloadResult', { key })).toEqual({
      ok: true,
      value: { ok: true, downloadId: expect.any(String), fileName: 'Chapter.wav' },
    });
    await expect.poll(() => marked.length, FINISH).toBe(1);
    expect(downloadCalls).toEqual([`session.downloadURL ${link}`, 'downloadItem.setSavePath Chapter.wav']);
    expect(marked[0]).toEqual({ path: path.join(downloads, 'Chapter.wav'), urlChain: [link] });
    expect(fs.readFileSync(path.join(downloads, 'Chapter.wav')).equals(body)).toBe(true);
    expect(fs.readdirSync(downloads)).toEqual(['Chapter.wav']);
  });

  it('are cancelled through the DownloadItem, leaving nothing behind', async () => {
    const { wired, key, downloads } = await appWithFinishedStory('slow.wav', Buffer.alloc(1000));
    suite.server().injectFileFaults('slow.wav', [faults.stalledFile(1_000_000, 100)]);
    const started = (await wired.invoke('downloadResult', { key })) as { value: { downloadId: string } };
    await expect.poll(() => downloadItems[0]?.getReceivedBytes(), FINISH).toBe(100);
    expect(await wired.invoke('cancelDownload', { downloadId: started.value.downloadId })).toEqual({
      ok: true,
      value: { ok: true, message: 'Download cancelled.' },
    });
    await expect.poll(() => downloadItems[0]?.getState(), FINISH).toBe('cancelled');
    expect(downloadCalls.at(-1)).toBe('downloadItem.cancel');
    await expect.poll(() => fs.readdirSync(downloads), FINISH).toEqual([]);
    expect(marked).toEqual([]);
  });
});
