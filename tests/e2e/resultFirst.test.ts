import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { statusOf, taskRow, useChromium } from './support/appPage';
import { openTaskDetails } from './support/taskDetails';
import {
  createE2eHarness,
  JOURNEY_VIEWPORTS,
  THEMES,
  type ColorScheme,
  type E2eHarness,
} from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

/** One second of silence as a WAV file (8 kHz, 8-bit mono): audio any Chromium plays. */
function silentWav(): Buffer {
  const samples = 8000;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 128)]);
}

/**
 * A working list with one faulty job among them: speech and a sound effect whose audio plays, a dub with
 * files to open, a story whose audio link is on another host (hostile: it must not play), a sound effect
 * whose "audio" is not audio at all, a job still running and one that failed.
 */
async function watchJobs(viewport: (typeof JOURNEY_VIEWPORTS)[number], colorScheme: ColorScheme) {
  h = await createE2eHarness(chromium(), { viewport, colorScheme });
  const { server } = h;
  const speech = server.addFile('greeting.wav', silentWav(), 'audio/wav');
  const sound = server.addFile('rain.wav', silentWav(), 'audio/wav');
  const broken = server.addFile('broken.wav', Buffer.from('<html>not audio</html>'), 'audio/wav');
  const video = server.addFile('launch-es.mp4', Buffer.alloc(4000, 1), 'video/mp4');
  server.addResult('tts', 501, { file_url: speech });
  server.addResult('text-to-sound', 502, { file_url: sound });
  server.addResult('text-to-sound', 503, { file_url: broken });
  server.addResult('story', 504, {
    audio_url: 'http://evil.example/story.flac',
    dialogue_url: 'https://evil.example/dialogue.json',
  });
  server.addResult('dub', 505, { output_video_url: video });
  const done = (runId: number) => [step.pending({ polls: 1 }), step.success(runId)];
  server.addTask('tts', 'greeting', done(501));
  server.addTask('text-to-sound', 'rain', done(502));
  server.addTask('text-to-sound', 'broken', done(503));
  server.addTask('story', 'elsewhere', done(504));
  server.addTask('dub', 'launch', done(505));
  server.addTask('story', 'running', step.pending());
  server.addTask('tts', 'failing', [step.pending({ polls: 1 }), step.error('VOICE_NOT_FOUND')]);
  const service = h.web.service;
  service.add('tts', 'greeting', 'Greeting');
  service.add('text-to-sound', 'rain', 'Rain on a tin roof');
  service.add('text-to-sound', 'broken', 'Thunder');
  service.add('story', 'elsewhere', 'Bedtime story');
  service.add('dub', 'launch', 'Launch video');
  service.add('story', 'running', 'Chapter 2');
  service.add('tts', 'failing', 'Welcome message');
  await h.advance(60_000);
  for (const key of ['tts:greeting', 'text-to-sound:rain', 'dub:launch', 'story:elsewhere'])
    await expect.poll(() => statusOf(taskRow(h.page, key))).toBe('Ready');
  await expect.poll(() => statusOf(taskRow(h.page, 'tts:failing'))).toBe('Failed');
  // The "jobs finished" notice would sit over the details at 420 px; read, it is dismissed.
  const notice = h.page.getByTestId('notice').first();
  await notice.waitFor();
  await notice.getByRole('button', { name: 'Dismiss notice' }).click();
}

/** Whether all of `target` is inside the window as it is, nothing scrolled: what a person sees at once. */
async function inViewWithoutScrolling(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const size = page.viewportSize();
  // A page script (this project has no DOM types): whether anything on the page is scrolled.
  const scrolled = (await page.evaluate(
    "[...document.querySelectorAll('*')].some((element) => element.scrollTop > 0)",
  )) as boolean;
  return (
    box !== null &&
    size !== null &&
    !scrolled &&
    box.y >= 0 &&
    box.x >= 0 &&
    box.y + box.height <= size.height &&
    box.x + box.width <= size.width
  );
}

interface PlayerState {
  readonly readyState: number;
  readonly error: number | null;
}

/** The shape of an audio element the function Playwright runs in the page sees. */
interface AudioElement {
  readonly readyState: number;
  readonly error: { readonly code: number } | null;
}

function playerState(player: Locator): Promise<PlayerState> {
  return player.evaluate((audio: AudioElement) => ({
    readyState: audio.readyState,
    error: audio.error?.code ?? null,
  }));
}

/**
 * Loads each URL in a new audio element of the page and returns what its Content-Security-Policy refused,
 * as "directive blocked-url" (a page script: this project has no DOM types).
 */
function mediaRefusedByPolicy(page: Page, urls: readonly string[]): Promise<string[]> {
  return page.evaluate(`(async (urls) => {
    const blocked = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      blocked.push(event.effectiveDirective + ' ' + event.blockedURI),
    );
    for (const url of urls) {
      const audio = new Audio();
      await new Promise((resolve) => {
        audio.onerror = resolve;
        audio.src = url;
      });
    }
    return blocked;
  })(${JSON.stringify(urls)})`) as Promise<string[]>;
}

describe.each(JOURNEY_VIEWPORTS)('the result comes first ($name)', (viewport) => {
  it.each(THEMES)(
    'plays speech and sound in place, in view at once; finished jobs offer no Check now (%s)',
    async (colorScheme) => {
      await watchJobs(viewport, colorScheme);
      const { page } = h;
      const shot = (name: string) => h.screenshot(`result-first-${viewport.width}-${colorScheme}-${name}`);

      const greeting = await openTaskDetails(page, 'tts:greeting', 'Greeting');
      const player = greeting.getByRole('region', { name: 'Result' }).locator('audio');
      await player.waitFor();
      expect(await player.getAttribute('aria-label')).toBe('Play the audio');
      expect(await player.getAttribute('controls')).not.toBeNull();
      // The player loads the file (the page's media-src admits the simulator, as it admits CAMB.AI's hosts).
      await expect
        .poll(() => playerState(player))
        .toMatchObject({ error: null, readyState: expect.any(Number) });
      await expect.poll(async () => (await playerState(player)).readyState).toBeGreaterThanOrEqual(1);
      expect(await inViewWithoutScrolling(page, player)).toBe(true);
      // A finished job: nothing left to check, no ending left to be told of.
      expect(await greeting.getByRole('button', { name: 'Check now' }).count()).toBe(0);
      expect(await greeting.getByRole('button', { name: /Mute notifications|Unmute/u }).count()).toBe(0);
      // The facts are folded under "About this job" and there when asked for.
      expect(await greeting.getByText('Task id', { exact: true }).isVisible()).toBe(false);
      await shot('speech');
      await h.axe(`result first, speech, ${colorScheme}, at ${viewport.name}`);
      await greeting.getByText('About this job').click();
      await greeting.getByText('Task id', { exact: true }).waitFor();
      expect(await greeting.getByRole('heading', { name: 'Status history' }).isVisible()).toBe(true);

      const rain = await openTaskDetails(page, 'text-to-sound:rain', 'Rain on a tin roof');
      const rainPlayer = rain.locator('audio');
      await rainPlayer.waitFor();
      expect(await rainPlayer.getAttribute('aria-label')).toBe('Play the sound');
      await expect.poll(async () => (await playerState(rainPlayer)).readyState).toBeGreaterThanOrEqual(1);
      expect(await inViewWithoutScrolling(page, rainPlayer)).toBe(true);

      // A dub's result is a video: no player, and its first action is in view at once.
      const launch = await openTaskDetails(page, 'dub:launch', 'Launch video');
      const open = launch.getByRole('group', { name: 'Dubbed video' }).getByRole('button', { name: 'Open' });
      await open.waitFor();
      expect(await launch.locator('audio').count()).toBe(0);
      expect(await inViewWithoutScrolling(page, open)).toBe(true);
      await shot('dub');

      // Still running: Check now and Mute are there; the faulty job among them has no result.
      const running = await openTaskDetails(page, 'story:running', 'Chapter 2');
      await running.getByRole('button', { name: 'Check now' }).waitFor();
      await running.getByRole('button', { name: 'Mute notifications' }).waitFor();
      const failing = await openTaskDetails(page, 'tts:failing', 'Welcome message');
      expect(await failing.getByRole('button', { name: 'Check now' }).count()).toBe(0);
      expect(await failing.locator('audio').count()).toBe(0);
    },
  );

  it('does not play a link on another host or over plain http, and says in words why audio cannot play', async () => {
    await watchJobs(viewport, 'light');
    const { page } = h;

    // Our own check: the story's audio is on another host, over http; it is named, not played.
    const story = await openTaskDetails(page, 'story:elsewhere', 'Bedtime story');
    await story
      .getByText(
        'Story audio is not played in this window. Its link is not secure (https). Use Open or Download instead.',
      )
      .waitFor();
    expect(await story.locator('audio').count()).toBe(0);
    // Open and Download still reach it (through the app's own checks).
    await story.getByRole('group', { name: 'Story audio' }).getByRole('button', { name: 'Open' }).waitFor();

    // The page's policy: even if a link slipped through, media from another host or plain http is refused.
    const refused = await mediaRefusedByPolicy(page, [
      'https://evil.example/a.wav',
      'http://files.camb.ai/a.wav',
    ]);
    // Each is refused by the header and by the page's meta tag: both carry the policy.
    expect(refused).toEqual([
      'media-src https://evil.example/a.wav',
      'media-src https://evil.example/a.wav',
      'media-src http://files.camb.ai/a.wav',
      'media-src http://files.camb.ai/a.wav',
    ]);

    // A file that is not audio: the player says so in words, and where to go instead.
    const thunder = await openTaskDetails(page, 'text-to-sound:broken', 'Thunder');
    await thunder.getByRole('alert').filter({ hasText: 'The sound could not' }).waitFor();
    expect(await thunder.getByRole('alert').innerText()).toMatch(
      /^The sound could not be (loaded here|played)\b.*Use Open or Download instead\.$/u,
    );
    await h.screenshot(`result-first-${viewport.width}-media-error`);
  });
});
