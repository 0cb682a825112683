import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { faults, step } from '../../tools/fakeCamb/fakeCambServer';
import { sampleResults } from '../../tools/fakeCamb/scenarios';
import { statusOf, taskRow, useChromium } from './support/appPage';
import {
  createE2eHarness,
  JOURNEY_VIEWPORTS,
  VISUAL_RUN,
  type ColorScheme,
  type E2eHarness,
} from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

/** Three finished jobs with results, and one that failed, as a user would have them in the list. */
async function watchFinishedJobs(
  viewport: (typeof JOURNEY_VIEWPORTS)[number],
  colorScheme: ColorScheme = 'light',
): Promise<void> {
  h = await createE2eHarness(chromium(), { viewport, colorScheme });
  for (const [runId, { kind, body }] of Object.entries(sampleResults(h.server)))
    h.server.addResult(kind, runId, body);
  h.server.addTask('translate', 'menu', [step.pending({ polls: 1 }), step.success(4444)]);
  h.server.addTask('transcribe', 'standup', [step.pending({ polls: 1 }), step.success(4545)]);
  h.server.addTask('dub', 'launch', [step.pending({ polls: 1 }), step.success(4343)]);
  h.server.addTask('dub', 'podcast', [
    step.pending({ polls: 1 }),
    step.error('SOURCE_AUDIO_UNREADABLE', 'The source video has no audio track that could be read.'),
  ]);
  const service = h.web.service;
  service.add('translate', 'menu', 'Menu, in French');
  service.add('transcribe', 'standup', 'Monday stand-up');
  service.add('dub', 'launch', 'Launch video (Spanish dub)');
  service.add('dub', 'podcast', 'Podcast (German dub)');
  await h.advance(60_000);
  for (const key of ['translate:menu', 'transcribe:standup', 'dub:launch'])
    await expect.poll(() => statusOf(taskRow(h.page, key))).toBe('Ready');
  await expect.poll(() => statusOf(taskRow(h.page, 'dub:podcast'))).toBe('Failed');
  // The "jobs finished" notice would sit over the details at 420 px; read, it is dismissed.
  const notice = h.page.getByTestId('notice').first();
  await notice.waitFor();
  await notice.getByRole('button', { name: 'Dismiss notice' }).click();
  await h.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.web.origin });
}

/** Selects a task in the list and returns its details. */
async function openDetails(page: Page, key: string, label: string): Promise<Locator> {
  // Where the window is too narrow for two panes, the details are a screen of their own: back to the list.
  const back = page.getByRole('button', { name: /^Back\b/u });
  if ((await back.count()) > 0 && (await back.first().isVisible())) await back.first().click();
  await taskRow(page, key).click();
  const details = page.getByRole('region', { name: label });
  await details.getByText('About this job').waitFor();
  return details;
}

function clipboard(page: Page): Promise<string> {
  return page.evaluate('navigator.clipboard.readText()') as Promise<string>;
}

function downloaded(name: string): string {
  return path.join(h.stateDir, 'downloads', name);
}

describe.each(JOURNEY_VIEWPORTS)('every result can be reached ($name)', (viewport) => {
  const shot = (name: string) => h.screenshot(`results-${viewport.width}-${name}`);

  it('shows a translation’s and a transcript’s text, copies it and saves it as .txt, .srt and .vtt', async () => {
    await watchFinishedJobs(viewport);
    const { page } = h;

    // The failed job among them has no result to offer, and says why it failed.
    const failed = await openDetails(page, 'dub:podcast', 'Podcast (German dub)');
    await failed.getByText('The source video has no audio track that could be read.').first().waitFor();
    expect(await failed.getByRole('heading', { name: 'Result' }).count()).toBe(0);

    const menu = await openDetails(page, 'translate:menu', 'Menu, in French');
    const text = menu.getByRole('region', { name: 'Text' });
    await text.getByText('Tarte aux pommes, crème fraîche').waitFor();
    await text.getByText('Soupe du jour').waitFor();
    // Only timed text becomes subtitles.
    expect(await menu.getByRole('button', { name: 'Save as .srt' }).count()).toBe(0);

    await menu.getByRole('button', { name: 'Copy text' }).click();
    await menu.getByText('Copied the text.').waitFor();
    expect(await clipboard(page)).toBe('Soupe du jour\nTarte aux pommes, crème fraîche\n');

    await menu.getByRole('button', { name: 'Save as .txt' }).click();
    const saved = menu.getByRole('status').filter({ hasText: 'Saved' });
    await saved.waitFor();
    expect(await saved.textContent()).toBe('Saved Menu, in French - text.txt in your Downloads folder.');
    expect(fs.readFileSync(downloaded('Menu, in French - text.txt'), 'utf8')).toBe(
      'Soupe du jour\nTarte aux pommes, crème fraîche\n',
    );
    await shot('translation');
    await menu.getByRole('button', { name: 'Show in folder' }).click();
    await expect.poll(() => h.web.shownFiles).toEqual([downloaded('Menu, in French - text.txt')]);

    const standup = await openDetails(page, 'transcribe:standup', 'Monday stand-up');
    const transcript = standup.getByRole('region', { name: 'Transcript' });
    await transcript.getByText('The release went out on Friday.').waitFor();
    expect(await transcript.textContent()).toContain('0:02 Ben: The release went out on Friday.');
    for (const format of ['srt', 'vtt']) {
      await standup.getByRole('button', { name: `Save as .${format}` }).click();
      await standup.getByText(`Saved Monday stand-up - text.${format} in your Downloads folder.`).waitFor();
    }
    expect(fs.readFileSync(downloaded('Monday stand-up - text.srt'), 'utf8')).toBe(
      '1\n00:00:00,000 --> 00:00:02,100\nAna: Morning, everyone.\n\n' +
        '2\n00:00:02,100 --> 00:00:05,400\nBen: The release went out on Friday.\n',
    );
    expect(fs.readFileSync(downloaded('Monday stand-up - text.vtt'), 'utf8')).toMatch(
      /^WEBVTT\n\n00:00:00\.000 --> 00:00:02\.100\n<v Ana>Morning, everyone\.\n/u,
    );
    await shot('transcript');
    await h.axe(`transcript at ${viewport.name}`);
  });

  it('lists both files of a dub by name: opens one, copies a link, downloads both and shows them in their folder', async () => {
    await watchFinishedJobs(viewport);
    const { page } = h;
    const [videoUrl, audioUrl] = [
      `${h.server.baseUrl.replace(/\/apis$/u, '')}/files/launch-es.mp4`,
      `${h.server.baseUrl.replace(/\/apis$/u, '')}/files/launch-es.wav`,
    ];
    // The result fails to load first: the details say why, in words, and Try again fetches it.
    h.server.injectResultFaults('dub', 4343, [faults.serverError(502, { html: true })]);
    const details = await openDetails(page, 'dub:launch', 'Launch video (Spanish dub)');
    await details.getByText('CAMB.AI had a problem answering: try again in a while.').waitFor();
    await details.getByRole('button', { name: 'Try again' }).click();
    const video = details.getByRole('group', { name: 'Dubbed video' });
    const audio = details.getByRole('group', { name: 'Dubbed audio' });
    await video.waitFor();
    await audio.waitFor();

    // Open: the web host hands the checked link back and the page opens it in a tab of its own.
    const opened = page.context().waitForEvent('page');
    await video.getByRole('button', { name: 'Open' }).click();
    await video.getByText('Opened the dubbed video.').waitFor();
    const tab = await opened;
    await expect.poll(() => tab.url()).toBe(videoUrl);
    await tab.close();
    expect(h.web.openedLinks).toEqual([videoUrl]);

    await audio.getByRole('button', { name: 'Copy link' }).click();
    await audio
      .getByText('Copied the link to the dubbed audio. It stops working after about a day.')
      .waitFor();
    expect(await clipboard(page)).toBe(audioUrl);

    // A dropped connection and an expired link each say what happened, in words; trying again works.
    h.server.injectFileFaults('launch-es.mp4', [faults.reset()]);
    h.server.injectFileFaults('launch-es.wav', [faults.notFound('expired')]);
    await video.getByRole('button', { name: 'Download' }).click();
    await video
      .getByText(
        'Could not download launch-es.mp4. The connection dropped before the file was complete: try again.',
      )
      .waitFor();
    await audio.getByRole('button', { name: 'Download' }).click();
    await audio
      .getByText('Could not download launch-es.wav. The link has expired: try again to get a fresh one.')
      .waitFor();
    await shot('download-failed');

    for (const [file, name] of [
      [video, 'launch-es.mp4'],
      [audio, 'launch-es.wav'],
    ] as const) {
      await file.getByRole('button', { name: 'Download' }).click();
      await file.getByText(`Downloaded ${name} in your Downloads folder.`).waitFor();
      // The outcome replaces the progress line and the error; nothing says "Downloading" any more.
      expect(await file.getByText(/Downloading|Could not/u).count()).toBe(0);
      expect(fs.existsSync(downloaded(name))).toBe(true);
      await file.getByRole('button', { name: 'Show in folder' }).click();
      await expect.poll(() => h.web.shownFiles.at(-1)).toBe(downloaded(name));
    }
    expect(fs.statSync(downloaded('launch-es.mp4')).size).toBe(48_000);
    await shot('dub-files');
    await h.axe(`dub files at ${viewport.name}`);
  });
});

// Pictures and axe in the dark theme: the visual project's (the same journeys run light in the e2e project).
describe.runIf(VISUAL_RUN)('results in the dark theme', () => {
  it.each(JOURNEY_VIEWPORTS)('reads the same at $name', async (viewport) => {
    await watchFinishedJobs(viewport, 'dark');
    const details = await openDetails(h.page, 'transcribe:standup', 'Monday stand-up');
    await details.getByRole('region', { name: 'Transcript' }).getByText('Morning, everyone.').waitFor();
    await details.getByRole('button', { name: 'Save as .srt' }).click();
    await details.getByRole('button', { name: 'Show in folder' }).waitFor();
    await h.screenshot(`results-${viewport.width}-transcript-dark`);
    await h.axe(`transcript, dark, at ${viewport.name}`);
    const dub = await openDetails(h.page, 'dub:launch', 'Launch video (Spanish dub)');
    h.server.injectFileFaults('launch-es.wav', [faults.notFound('expired')]);
    const audio = dub.getByRole('group', { name: 'Dubbed audio' });
    await audio.getByRole('button', { name: 'Download' }).click();
    await audio.getByRole('alert').waitFor();
    // A download that has stalled, with its Cancel, reads in the dark theme too.
    h.server.injectFileFaults('launch-es.mp4', [faults.stalledFile(48_000, 1_000)]);
    const video = dub.getByRole('group', { name: 'Dubbed video' });
    await video.getByRole('button', { name: 'Download' }).click();
    await video.getByText('1 kB of 48 kB').waitFor();
    await h.screenshot(`results-${viewport.width}-dub-dark`);
    await h.axe(`dub, dark, at ${viewport.name}`);
  });
});

describe.each(JOURNEY_VIEWPORTS)('hostile and slow downloads ($name)', (viewport) => {
  it('saves a disguised executable under a safe name, cancels a slow download and names a refused redirect', async () => {
    await watchFinishedJobs(viewport);
    const { page } = h;
    const shot = (name: string) => h.screenshot(`results-${viewport.width}-${name}`);
    const disguised = h.server.addFile(`Launch trailer${'\u3164'.repeat(30)}.exe`, Buffer.alloc(9_000, 4));
    const slow = h.server.addFile('launch-es.wav', Buffer.alloc(32_000, 2), 'audio/wav');
    h.server.addResult('dub', 4343, { output_video_url: disguised, output_audio_url: slow });
    const details = await openDetails(page, 'dub:launch', 'Launch video (Spanish dub)');
    const video = details.getByRole('group', { name: 'Dubbed video' });
    const audio = details.getByRole('group', { name: 'Dubbed audio' });

    // The link's name hides ".exe" behind invisible fillers: it is saved as the video it claims to be.
    await video.getByRole('button', { name: 'Download' }).click();
    await video.getByText('Downloaded Launch trailer.mp4 in your Downloads folder.').waitFor();
    expect(fs.readdirSync(path.dirname(downloaded('x')))).toEqual(['Launch trailer.mp4']);

    // A server that sends 100 bytes and then nothing: the row shows it running, with a Cancel.
    h.server.injectFileFaults('launch-es.wav', [faults.stalledFile(32_000, 100)]);
    await audio.getByRole('button', { name: 'Download' }).click();
    await audio.getByText('100 bytes of 32 kB').waitFor();
    await audio.getByText(/Downloading launch-es\.wav/u).waitFor();
    await shot('download-running');
    await audio.getByRole('button', { name: 'Cancel downloading launch-es.wav' }).click();
    await audio.getByText('Cancelled the download of launch-es.wav; nothing was kept.').waitFor();
    expect(await audio.getByRole('button', { name: /Cancel/u }).count()).toBe(0);
    expect(fs.readdirSync(path.dirname(downloaded('x')))).toEqual(['Launch trailer.mp4']);

    // The storage sends the next try on to a plain-http host: refused, in words, and nothing is kept.
    h.server.injectFileFaults('launch-es.wav', [faults.redirect('http://files.example.com/launch-es.wav')]);
    await audio.getByRole('button', { name: 'Download' }).click();
    await audio
      .getByText(
        'Could not download launch-es.wav. The file server passed the download on to a link CAMB Watch refuses. Only secure (https) links are downloaded. Try again later, or tell CAMB.AI support.',
      )
      .waitFor();
    await shot('download-refused');
    // Trying again works, and the failed job among the finished ones still says why it failed.
    await audio.getByRole('button', { name: 'Download' }).click();
    await audio.getByText('Downloaded launch-es.wav in your Downloads folder.').waitFor();
    expect(fs.readdirSync(path.dirname(downloaded('x'))).sort()).toEqual([
      'Launch trailer.mp4',
      'launch-es.wav',
    ]);
    const failed = await openDetails(page, 'dub:podcast', 'Podcast (German dub)');
    await failed.getByText('The source video has no audio track that could be read.').first().waitFor();
    await h.axe(`hostile downloads at ${viewport.name}`);
  });

  it('saves a text under a label of 90 CJK characters as a file that works', async () => {
    await watchFinishedJobs(viewport);
    const label = '東京の新しいメニュー'.repeat(9);
    h.web.service.rename('translate:menu', label);
    const menu = await openDetails(h.page, 'translate:menu', label);
    await menu.getByRole('button', { name: 'Save as .txt' }).click();
    const saved = menu.getByRole('status').filter({ hasText: 'Saved' });
    await saved.waitFor();
    const [name] = fs.readdirSync(path.dirname(downloaded('x')));
    expect(name).toMatch(/^東京の新しいメニュー.*\.txt$/u);
    expect(Buffer.byteLength(name ?? '')).toBeLessThanOrEqual(240);
    expect(await saved.textContent()).toBe(`Saved ${name} in your Downloads folder.`);
    expect(fs.readFileSync(downloaded(name ?? ''), 'utf8')).toBe(
      'Soupe du jour\nTarte aux pommes, crème fraîche\n',
    );
    await h.screenshot(`results-${viewport.width}-long-name`);
  });
});
