import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../src/shared/contract';
import { taskKey } from '../../../src/shared/watchedTask';
import { startDemoSimulator, type DemoSimulator } from '../../../src/webHost/demo/startDemoSimulator';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { createWebHostHarness, type WebHostHarness } from './webHostHarness';

let h: WebHostHarness;
let simulator: DemoSimulator;
afterEach(async () => {
  await h.close();
  await simulator.close();
});

describe('web host: the demo', () => {
  it('plays jobs of several kinds to success and failure within two minutes, with results to open and download', async () => {
    const clock = new VirtualClock();
    simulator = await startDemoSimulator({ now: () => clock.now() });
    h = await createWebHostHarness({ apiBase: simulator.apiBase, clock });
    expect(await h.bridge.setApiKey({ apiKey: simulator.apiKey })).toMatchObject({ ok: true });
    for (const job of simulator.jobs) await h.bridge.addTask(job);
    expect(new Set(simulator.jobs.map((job) => job.kind))).toEqual(
      new Set(['story', 'dub', 'tts', 'transcribe', 'text-to-sound', 'translate']),
    );

    await h.advance(15_000);
    const early = (await h.bridge.listTasks()).tasks;
    expect(early.filter((task) => task.status === 'PENDING').length).toBeGreaterThan(5);

    await h.advance(105_000);
    const statuses = Object.fromEntries(
      (await h.bridge.listTasks()).tasks.map((task) => [task.taskId, task.status]),
    );
    expect(statuses).toEqual({
      'demo-tts-welcome': 'SUCCESS',
      'demo-story-lighthouse': 'SUCCESS',
      'demo-translate-menu': 'SUCCESS',
      'demo-sound-rain': 'SUCCESS',
      'demo-dub-launch': 'SUCCESS',
      'demo-transcribe-standup': 'SUCCESS',
      'demo-dub-podcast': 'ERROR',
      'demo-tts-chapter': 'TIMEOUT',
      'demo-story-saga': 'PAYMENT_REQUIRED',
    });
    const labels = (await h.bridge.listTasks()).tasks.map((task) => task.label);
    expect(labels).toContain('Podcast episode 12 (German dub)');

    expect(await h.bridge.fetchResult({ key: taskKey('translate', 'demo-translate-menu') })).toMatchObject({
      ok: true,
      texts: ['Soupe du jour', 'Tarte aux pommes, crème fraîche'],
    });
    expect(
      await h.bridge.fetchResult({ key: taskKey('transcribe', 'demo-transcribe-standup') }),
    ).toMatchObject({ ok: true, transcript: [{ text: 'Morning, everyone.', speaker: 'Ana' }, {}] });

    // The details play the demo's audio: its files come from the simulator's own origin, the one the
    // page's media-src admits (files of another origin were refused: "Its link is not secure (https)").
    expect(await h.bridge.fetchResult({ key: taskKey('tts', 'demo-tts-welcome') })).toMatchObject({
      ok: true,
      player: { name: 'file_url', url: `${new URL(simulator.apiBase).origin}/files/welcome-message.wav` },
    });

    const done = h.nextEvent<EventPayload<'downloadProgress'>>(
      'downloadProgress',
      (e) => e.state !== 'progressing',
    );
    const started = await h.bridge.downloadResult({ key: taskKey('tts', 'demo-tts-welcome') });
    expect(started).toMatchObject({ ok: true, fileName: 'welcome-message.wav' });
    await h.web.host.whenDownloadsSettled();
    expect(await done).toMatchObject({ state: 'done', fileName: 'welcome-message.wav' });
    const file = fs.readFileSync(path.join(h.stateDir, 'downloads', 'welcome-message.wav'));
    expect(file.subarray(0, 4).toString()).toBe('RIFF');

    // Open works in the demo: its links are the simulator's own (loopback http), handed back to the page.
    for (const linkName of ['audio_url', 'dialogue_url']) {
      const opened = await h.bridge.openResult({ key: taskKey('story', 'demo-story-lighthouse'), linkName });
      expect(opened).toMatchObject({
        ok: true,
        openInPage: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/u),
      });
      if (!opened.ok || opened.openInPage === undefined) throw new Error('not opened');
      expect((await fetch(opened.openInPage)).status).toBe(200);
    }
    const dub = await h.bridge.fetchResult({ key: taskKey('dub', 'demo-dub-launch') });
    expect(dub.ok && dub.links.map((link) => link.name)).toEqual(['output_video_url', 'output_audio_url']);
  });
});
