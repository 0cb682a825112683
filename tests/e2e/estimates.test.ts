/**
 * How long is left: a running job's row says one figure ("~8 min left", the range on hover), and "longer
 * than usual" once it has run past nine in ten of its kind (3 finished at the least); its details say
 * the range and what it is based on; a job CAMB.AI never answered waits for CAMB.AI. Jobs that finish fill the Insights view: per kind, a chart of how long they took and
 * how many succeeded or failed. At 420×640 and 1280×800, with one faulty task among working ones; the
 * history accumulates by finishing jobs on the fake server under the virtual clock.
 */
import type { Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { faults, step } from '../../tools/fakeCamb/fakeCambServer';
import { backToList, openInsights, openTasks, taskRow, useChromium } from './support/appPage';
import { dismissNotices, screenshotsInThemes } from './support/journeyPictures';
import { JOURNEY_VIEWPORTS, createE2eHarness, type E2eHarness } from './support/e2eHarness';
import { unfoldAboutThisJob } from './support/taskDetails';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

const MINUTE = 60_000;

/** The shape the functions run in the page see (this project has no DOM types). */
interface Box {
  readonly top: number;
  readonly bottom: number;
}
interface LineElement {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  getBoundingClientRect(): Box;
  closest(selector: string): { getBoundingClientRect(): Box } | null;
}

/** What a row's one time says: "~6 min left", "~6 min left · longer than usual". */
function estimateOf(row: Locator): Promise<string> {
  return row.getByTestId('row-time').innerText();
}

/** Nothing of the time is cut, and it stays inside its row. */
function lineFits(row: Locator): Promise<boolean> {
  return row.getByTestId('row-time').evaluate((line: LineElement) => {
    const rowBox = line.closest('[data-testid="task-row"]')?.getBoundingClientRect();
    const box = line.getBoundingClientRect();
    return line.scrollWidth <= line.clientWidth && rowBox !== undefined && box.bottom <= rowBox.bottom;
  });
}

/** Stories that take 2 to 5 minutes (one fails at 3), a story that runs on, and a dub whose checks fail. */
function scriptJobs(): void {
  const { server } = h;
  [2, 3, 4, 5].forEach((minutes, index) =>
    server.addTask('story', `done-${minutes}`, [
      step.pending({ untilMs: minutes * MINUTE }),
      step.success(100 + index),
    ]),
  );
  server.addTask('story', 'broken', [
    step.pending({ untilMs: 3 * MINUTE }),
    step.error('VoiceNotFound', 'Voice 12 does not exist'),
  ]);
  server.addTask('story', 'long-story', step.pending());
  server.addTask('dub', 'flaky-dub', step.pending());
  server.injectFaults(
    'dub',
    'flaky-dub',
    Array.from({ length: 200 }, () => faults.serverError()),
  );
}

/** Pictures of the window as it is, light and dark: test-results/screenshots/<name>-<scheme>.png. */
describe.each(JOURNEY_VIEWPORTS)('time remaining and insights ($name)', (viewport) => {
  const narrow = viewport.width < 720;

  it('rows say how long is left, then "longer than usual"; finished jobs fill the Insights chart', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    const service = h.web.service;
    scriptJobs();

    // Nothing has finished yet: Insights says so, and is reached from the keyboard too.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Insights' }).focus();
    await page.keyboard.press('Enter');
    const empty = page.getByRole('region', { name: 'Insights' });
    await empty.getByRole('heading', { name: 'Nothing has finished yet' }).waitFor();
    await screenshotsInThemes(h, `estimates-insights-empty-${viewport.width}`);
    await page.keyboard.press('Escape');
    await openTasks(page);

    for (const id of ['done-2', 'done-3', 'done-4', 'done-5', 'broken', 'long-story'])
      service.add('story', id, id === 'long-story' ? 'Long story' : null);
    service.add('dub', 'flaky-dub', 'Flaky dub');
    await h.advance(MINUTE);

    // Before any story has finished, the estimate comes from the usual time for stories.
    const long = taskRow(page, 'story:long-story');
    await expect.poll(() => estimateOf(long)).toMatch(/^~\d+ (s|min|h) left$/u);
    // The faulty task among them was never answered: no time is known for it.
    await expect.poll(() => estimateOf(taskRow(page, 'dub:flaky-dub'))).toBe('Waiting for CAMB.AI');
    expect(await lineFits(long)).toBe(true);
    await long.click();
    const details = page.getByRole('region', { name: 'Long story' });
    await unfoldAboutThisJob(page);
    await expect.poll(() => details.innerText()).toMatch(/no story has finished here yet/u);
    await backToList(page);

    // Five stories end (four succeed, one fails); the long one runs on.
    await h.advance(5 * MINUTE);
    await expect.poll(() => service.get('story:done-5')?.status).toBe('SUCCESS');
    await expect.poll(() => estimateOf(long)).toMatch(/^~\d+ (s|min|h) left( · longer than usual)?$/u);

    // Far past what stories took here, the row says so.
    await h.advance(30 * MINUTE);
    await expect.poll(() => estimateOf(long)).toMatch(/^~\d+ (s|min|h) left · longer than usual$/u);
    expect(await lineFits(long)).toBe(true);
    await dismissNotices(page);
    await screenshotsInThemes(h, `estimates-rows-${viewport.width}`);
    await long.click();
    await expect
      .poll(() => details.innerText())
      .toMatch(
        /Longer than usual \(stories usually take .+\): ~\d+ (s|min|h) left, probably .+ more, from 5 earlier stories\./u,
      );
    await screenshotsInThemes(h, `estimates-details-${viewport.width}`);
    if (narrow) await backToList(page);

    const insights = await openInsights(page);
    const stories = insights.getByRole('region', { name: 'Story' });
    await expect.poll(() => stories.innerText()).toContain('5 finished: 4 succeeded, 1 failed');
    const chart = stories.getByRole('img');
    expect(await chart.getAttribute('aria-label')).toMatch(
      /^Story: 5 jobs took 2–6 min, the middle half 3–5 min, median 3 min$/u,
    );
    expect(await chart.locator('circle').count()).toBe(4);
    // The faulty dub has not finished: no dub section.
    expect(await insights.getByRole('region', { name: 'Dub' }).count()).toBe(0);
    await screenshotsInThemes(h, `estimates-insights-${viewport.width}`);

    // The long story ends while Insights is open: the view takes it in.
    h.server.addTask('story', 'long-story', step.success(200));
    await h.advance(MINUTE);
    await expect.poll(() => stories.innerText()).toContain('6 finished: 5 succeeded, 1 failed');
    expect(await stories.getByRole('img').locator('circle').count()).toBe(5);
  });
});
