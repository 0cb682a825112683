/**
 * Estimates to act on (issue 19, item 8) and the "taking longer than usual" alert (beyond #1): a running
 * row says one figure ("~6 min left"), its range on hover and in the details; "longer than usual" only
 * once 3 runs of the kind have finished here; "Waiting for CAMB.AI" for a job never answered, not a
 * running time. A job past its kind's usual time is told once, as a desktop notification (a notice in
 * the web host). Three stories and two speech jobs finish, a story and a speech job run on, and one faulty
 * dub is never answered.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { faults, step } from '../../tools/fakeCamb/fakeCambServer';
import { backToList, statusOf, taskRow, useChromium } from './support/appPage';
import { dismissNotices, screenshotsInThemes } from './support/journeyPictures';
import { BOTH_VIEWPORTS, createE2eHarness, type E2eHarness } from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

const MINUTE = 60_000;

function watchJobs(): void {
  const { server } = h;
  const service = h.web.service;
  for (const minutes of [2, 3, 4]) {
    server.addTask('story', `story-${minutes}`, [
      step.pending({ untilMs: minutes * MINUTE }),
      step.success(minutes),
    ]);
    service.add('story', `story-${minutes}`);
  }
  for (const minutes of [2, 3]) {
    server.addTask('tts', `speech-${minutes}`, [
      step.pending({ untilMs: minutes * MINUTE }),
      step.success(minutes),
    ]);
    service.add('tts', `speech-${minutes}`);
  }
  server.addTask('story', 'long', step.pending());
  service.add('story', 'long', 'Long story');
  server.addTask('tts', 'long', step.pending());
  service.add('tts', 'long', 'Long speech');
  server.injectFaults(
    'dub',
    'never-answered',
    Array.from({ length: 500 }, () => faults.serverError()),
  );
  service.add('dub', 'never-answered', 'Faulty dub');
}

const rowTime = (page: Page, key: string) => taskRow(page, key).getByTestId('row-time');

describe('estimates to act on, at 420×640', () => {
  it('says one figure, "longer than usual" only from 3 finished runs, and tells a late job once', async () => {
    h = await createE2eHarness(chromium(), { viewport: BOTH_VIEWPORTS[0] });
    const { page } = h;
    watchJobs();
    await h.advance(MINUTE);

    // One figure in the row, the range on hover; the job never answered waits for CAMB.AI.
    await expect.poll(() => rowTime(page, 'story:long').innerText()).toMatch(/^~\d+ (s|min|h) left$/u);
    expect(await rowTime(page, 'story:long').getAttribute('title')).toMatch(/\(usually .+ more\)/u);
    const faulty = taskRow(page, 'dub:never-answered');
    expect(await rowTime(page, 'dub:never-answered').innerText()).toBe('Waiting for CAMB.AI');
    expect(await faulty.innerText()).not.toMatch(/Running \d|left/u);
    for (const row of await page.getByTestId('task-row').all())
      expect(await row.innerText()).not.toMatch(/\d\s*–\s*\d|usually/u);

    // Far past the usual: stories (3 finished) say so, speech jobs (2 finished) do not yet.
    await h.advance(40 * MINUTE);
    await expect
      .poll(() => rowTime(page, 'story:long').innerText())
      .toMatch(/^~\d+ (s|min|h) left · longer than usual$/u);
    expect(await statusOf(taskRow(page, 'story:long'))).toBe('Running');
    expect(await rowTime(page, 'tts:long').innerText()).toMatch(/^~\d+ (s|min|h) left$/u);
    expect(await rowTime(page, 'dub:never-answered').innerText()).toBe('Waiting for CAMB.AI');

    // The late story was told once, as a notification (a notice here), with what usual is.
    const late = h.notifications.filter((notification) => notification.type === 'late');
    expect(late.map((notification) => notification.taskKey)).toEqual(['story:long']);
    const notice = page.getByTestId('notice').filter({ hasText: 'Story taking longer than usual' });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.innerText()).toMatch(/Long story has run \d+ min; stories usually take .+\./u);
    await screenshotsInThemes(h, 'calm-estimates-late-420');
    await dismissNotices(page);
    await screenshotsInThemes(h, 'calm-estimates-rows-420');
    await h.axe('calm-estimates-rows-420');

    // The details say the range and what it rests on.
    await taskRow(page, 'tts:long').click();
    const speech = page.getByRole('region', { name: 'Long speech' });
    // Not folded with the facts under "About this job": a running job's time left is what they are for.
    expect(await page.locator('.task-detail details.task-about[open]').count()).toBe(0);
    await expect
      .poll(() => speech.getByTestId('detail-estimate').innerText())
      .toMatch(/^~\d+ (s|min|h) left \(usually .+ more\), from 2 earlier speech jobs\.$/u);
    await backToList(page);
    await taskRow(page, 'story:long').click();
    const story = page.getByRole('region', { name: 'Long story' });
    await expect
      .poll(() => story.getByTestId('detail-estimate').innerText())
      .toMatch(
        /^Longer than usual \(stories usually take .+\): ~.+ left, probably .+ more, from 3 earlier stories\.$/u,
      );
    await screenshotsInThemes(h, 'calm-estimates-details-420');
    await backToList(page);

    // An hour more: still the one notification.
    await h.advance(60 * MINUTE);
    expect(h.notifications.filter((notification) => notification.type === 'late')).toHaveLength(1);
  });
});
