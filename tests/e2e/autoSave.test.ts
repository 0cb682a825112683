/**
 * Save results automatically (issue 19, beyond the peers #3), as a person sets it up: Settings › Saving
 * results refuses a folder that is not a whole path in words, takes a real one and the kinds to save;
 * then a speech job succeeds and its file is on disk with a notice saying so, while a story that fails
 * saves nothing and a running dub waits.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { openSettings, openTasks, statusOf, taskRow, useChromium } from './support/appPage';
import { JOURNEY_VIEWPORTS, THEMES, createE2eHarness, type E2eHarness } from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
let folder: string;
afterEach(async () => {
  await h.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const AUDIO = Buffer.from('RIFF-a-greeting-in-bytes');

describe.each(JOURNEY_VIEWPORTS)('saving results automatically ($name)', (viewport) => {
  it('is set up in Settings, then saves a succeeded speech job’s file and says so', async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-e2e-auto-save-'));
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    const audioUrl = h.server.addFile('greeting.wav', AUDIO, 'audio/wav');
    h.server.addTask('tts', 'greeting', [step.pending({ polls: 4 }), step.success(8101)]);
    h.server.addResult('tts', 8101, { file_url: audioUrl });
    h.server.addTask('story', 'broken', [step.pending({ polls: 1 }), step.error('Voice not found')]);
    h.server.addTask('dub', 'long-dub', step.pending());

    await openSettings(page, 'Saving results');
    const section = page.getByRole('group', { name: 'Save results automatically' });
    await expect
      .poll(() => section.getByTestId('auto-save-state').innerText())
      .toBe('Off: no folder chosen.');
    const field = section.getByLabel('Folder (its whole path)');
    await field.fill('Results');
    await section.getByRole('button', { name: 'Save folder' }).click();
    await expect
      .poll(() => section.getByRole('alert').innerText())
      .toContain('Give the folder’s whole path, from the top of the disk');
    await field.fill(folder);
    await section.getByRole('button', { name: 'Save folder' }).click();
    await section.getByRole('checkbox', { name: 'Speech', exact: true }).check();
    await expect
      .poll(() => section.getByTestId('auto-save-state').innerText())
      .toBe(`On: Speech results are saved into ${folder}`);
    // The refusal goes once the folder is taken (its reply can come after the state line changes).
    await expect.poll(() => section.getByRole('alert').count()).toBe(0);
    for (const colorScheme of THEMES) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await h.screenshot(`auto-save-settings-${viewport.width}-${colorScheme}`);
      await h.axe(`auto-save settings, ${viewport.name} (${colorScheme})`);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await openTasks(page);
    h.web.service.add('tts', 'greeting', 'Greeting');
    h.web.service.add('story', 'broken', 'Broken story');
    h.web.service.add('dub', 'long-dub', 'Long dub');
    // The story fails first; the speech job succeeds a few checks later and its file is saved.
    await h.advance(8_000);
    await expect.poll(() => statusOf(taskRow(page, 'story:broken'))).toBe('Failed');
    expect(fs.readdirSync(folder)).toEqual([]);
    await h.advance(60_000);
    await h.web.host.whenDownloadsSettled();
    await expect.poll(() => statusOf(taskRow(page, 'tts:greeting'))).toBe('Ready');

    // The window was told (the notice itself lives 8 real seconds, and the popover keeps only the newest,
    // so on a loaded machine it may be gone or replaced before it is looked at).
    await expect
      .poll(() =>
        h.traffic.some(
          (entry) =>
            entry.direction === 'event' &&
            entry.channel === 'notice' &&
            entry.body.includes('Saved “Greeting” as greeting.wav.'),
        ),
      )
      .toBe(true);
    expect(fs.readdirSync(folder)).toEqual(['greeting.wav']);
    expect(fs.readFileSync(path.join(folder, 'greeting.wav'))).toEqual(AUDIO);
    for (const colorScheme of THEMES) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await h.screenshot(`auto-save-notice-${viewport.width}-${colorScheme}`);
    }
  });
});
