/**
 * Every view of the app, in light and dark: a screenshot of each under test-results/screenshots/ and an
 * axe-core check (WCAG 2.1 A and AA) that must find nothing. Each step also asserts what the view shows,
 * so a screenshot of a broken view cannot pass for a good one.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { documentStoreFile } from '../../src/main/core/persistence/storeOptions';
import { faults, step } from '../../tools/fakeCamb/fakeCambServer';
import {
  addTaskInPage,
  banner,
  openInsights,
  openSettings,
  openTasks,
  saveKeyInSettings,
  statusOf,
  taskRow,
  useChromium,
} from './support/appPage';
import { E2E_API_KEY, createE2eHarness, type ColorScheme, type E2eHarness } from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

const SCHEMES: readonly ColorScheme[] = ['light', 'dark'];
const RESULT_URL = 'https://storage.example/story/4242/chapter-1.flac';

/**
 * Draws the view as it is now in both schemes: a screenshot `<name>-<scheme>.png` and an axe run each.
 * Motion is reduced so a toast in the middle of fading out does not make the picture or the contrast
 * check depend on the moment.
 */
async function captureView(name: string): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await h.page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await h.screenshot(`${name}-${colorScheme}`);
    await h.axe(`${name} (${colorScheme})`);
  }
}

describe('every view, light and dark: screenshots and axe', () => {
  it('no key, settings, the empty state and the add form with an error', async () => {
    h = await createE2eHarness(chromium(), { storedKey: null });
    const { page } = h;
    await banner(page, 'no-key').waitFor();
    await page.getByRole('heading', { name: 'Nothing watched yet' }).waitFor();
    await captureView('01-banner-no-key');

    await openSettings(page, 'API key');
    await saveKeyInSettings(page, E2E_API_KEY, false);
    await expect.poll(() => page.getByTestId('key-status').textContent()).toContain('Key set');
    await banner(page, 'no-key').waitFor({ state: 'detached' });
    await captureView('02-settings');

    await openTasks(page);
    await captureView('03-empty-state');

    await openInsights(page);
    await page.getByRole('heading', { name: 'Nothing has finished yet' }).waitFor();
    await captureView('14-insights-empty');
    await openTasks(page);

    await addTaskInPage(page, { taskId: 'has space' });
    await page.locator('form.add-task').getByRole('alert').waitFor();
    expect(await page.getByRole('textbox', { name: 'Task id' }).getAttribute('aria-invalid')).toBe('true');
    await captureView('04-add-error');
  });

  it('the watch list with a task’s details, and a finished task with its result actions', async () => {
    h = await createE2eHarness(chromium());
    const { page, server } = h;
    const service = h.web.service;
    server.addTask('story', 'chapter-1', [step.pending({ polls: 1 }), step.success(4242)]);
    server.addResult('story', 4242, { audio_url: RESULT_URL, transcript: [] });
    server.addTask('dub', 'trailer-dub', step.pending());
    server.addTask('tts', 'greeting', [
      step.pending({ polls: 1 }),
      step.error('VoiceNotFound', 'Voice 12 does not exist'),
    ]);
    server.addTask('translated-story', 'novel-fr', step.pending());
    service.add('story', 'chapter-1', 'Chapter 1 narration');
    service.add('dub', 'trailer-dub', 'Trailer (Spanish dub)');
    service.add('tts', 'greeting');
    service.add('translated-story', 'novel-fr', 'Novel, French edition');
    await h.advance(3 * 60_000);
    const muted = service.setMuted('translated-story:novel-fr', true);
    expect(muted?.muted).toBe(true);

    const dub = taskRow(page, 'dub:trailer-dub');
    await expect.poll(() => statusOf(taskRow(page, 'story:chapter-1'))).toBe('Ready');
    await expect.poll(() => statusOf(taskRow(page, 'tts:greeting'))).toBe('Failed');
    await expect.poll(() => statusOf(dub)).toBe('Running');
    await dub.click();
    const details = page.getByRole('region', { name: 'Trailer (Spanish dub)' });
    await details.getByText('About this job').waitFor();
    expect(await dub.getAttribute('aria-selected')).toBe('true');
    await captureView('05-watch-list-details');

    await taskRow(page, 'story:chapter-1').click();
    const finished = page.getByRole('region', { name: 'Chapter 1 narration' });
    const audio = finished.getByRole('group', { name: 'Story audio' });
    for (const action of ['Open', 'Copy link', 'Download'])
      await audio.getByRole('button', { name: action, exact: true }).waitFor();
    const tab = page.context().waitForEvent('page');
    await audio.getByRole('button', { name: 'Open', exact: true }).click();
    await audio.getByText('Opened the story audio.').waitFor();
    await (await tab).close();
    expect(h.web.openedLinks).toEqual([RESULT_URL]);
    await captureView('06-finished-task-result');

    // Remove asks nothing: the task goes at once and a notice offers Undo, which brings it back.
    await finished.getByRole('button', { name: 'Remove', exact: true }).click();
    const undo = page.getByTestId('notice').getByRole('button', { name: 'Undo' });
    await undo.waitFor();
    await captureView('07-removed-with-undo');
    await undo.click();
    await taskRow(page, 'story:chapter-1').waitFor();
    expect(service.get('story:chapter-1')).toBeDefined();

    const insights = await openInsights(page);
    await insights.getByRole('region', { name: 'Story' }).getByRole('img').waitFor();
    await insights
      .getByRole('region', { name: 'Speech' })
      .getByText('1 finished: 0 succeeded, 1 failed')
      .waitFor();
    await captureView('15-insights');
  });

  it('banners: key rejected; offline, rate limited and paused', async () => {
    h = await createE2eHarness(chromium());
    const { page, server } = h;
    const service = h.web.service;
    server.addTask('story', 'waiting', step.pending());
    service.add('story', 'waiting', 'Waiting for CAMB.AI');
    await h.settle();

    server.setApiKey('camb-watch-e2e-someone-else-Kk2Vd7Qx');
    await h.advance(60_000);
    await banner(page, 'auth').waitFor();
    await captureView('08-banner-key-rejected');

    server.setApiKey(E2E_API_KEY);
    expect(await service.setApiKey(E2E_API_KEY)).toMatchObject({ ok: true });
    await banner(page, 'auth').waitFor({ state: 'detached' });
    server.injectGlobalFaults([faults.rateLimited(600)]);
    // Polling resumes once the new key has been tried; then "Check now" is taken.
    await h.settle();
    await expect.poll(() => service.checkNow().ok).toBe(true);
    // The check goes out at the budget's next slot, after the key's probe.
    await h.advance(1_000);
    await banner(page, 'rate-limited').waitFor();
    service.updateSettings({ pollingPaused: true });
    service.setOnline(false);
    await banner(page, 'paused').waitFor();
    await banner(page, 'offline').waitFor();
    expect(await banner(page, 'rate-limited').count()).toBe(1);
    await captureView('09-banners-offline-rate-limited-paused');
  });

  it('the small window (420×640): the list, a task’s details and the opened add form', async () => {
    h = await createE2eHarness(chromium(), { viewport: { width: 420, height: 640 } });
    const { page, server } = h;
    const service = h.web.service;
    server.addTask('story', 'chapter-1', [step.pending({ polls: 1 }), step.success(4242)]);
    server.addResult('story', 4242, { audio_url: RESULT_URL, transcript: [] });
    server.addTask('dub', 'trailer-dub', step.pending());
    server.addTask('tts', 'greeting', [step.pending({ polls: 1 }), step.timeout()]);
    service.add('story', 'chapter-1', 'Chapter 1 narration');
    service.add('dub', 'trailer-dub', 'Trailer (Spanish dub)');
    service.add('tts', 'greeting');
    service.add('story', '8c1f6a52-3e0b-4d7a-9b1e-2f5d8c7a6e41');
    await h.advance(3 * 60_000);
    await expect.poll(() => statusOf(taskRow(page, 'tts:greeting'))).toBe('Timed out');
    await expect.poll(() => statusOf(taskRow(page, 'story:chapter-1'))).toBe('Ready');
    // Let the notices of the finished jobs go, so the picture shows the window itself.
    const dismiss = page.getByRole('button', { name: 'Dismiss notice' });
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    await captureView('11-narrow-list');

    await taskRow(page, 'story:chapter-1').click();
    const details = page.getByRole('region', { name: 'Chapter 1 narration' });
    await details.getByText('About this job').waitFor();
    await page.getByRole('button', { name: 'Back to the list' }).waitFor();
    await captureView('12-narrow-details');

    await page.getByRole('button', { name: 'Back to the list' }).click();
    await page.getByRole('button', { name: 'Add task', exact: true }).click();
    await page.getByRole('heading', { name: 'Add a task' }).waitFor();
    await captureView('13-narrow-add-form');
  });

  it('banner: the watch list recovered from a damaged file', async () => {
    h = await createE2eHarness(chromium(), {
      beforeStart: (stateDir) => fs.writeFileSync(documentStoreFile(stateDir), '{"tasks": [ {"kind'),
    });
    await banner(h.page, 'recovered').waitFor();
    await captureView('10-banner-recovered');
  });
});
