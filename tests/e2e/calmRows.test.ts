/**
 * Calm rows (issue 19, item 3): a row is two lines at most — its name, cut in the middle when it must be
 * so rows that differ at the end still read differently, the search match marked; a status word that
 * agrees with the time ("Running", never "Pending" beside a running time); one time ("~8 min left",
 * "finished 3 min ago · took 2 min", "Waiting for CAMB.AI" for a job never answered). When it was checked
 * and when it is checked next are facts of the details. "New:" beside the dot is for screen readers only.
 * Five near-identical Foley jobs, one finished story and one faulty dub CAMB.AI never answers.
 */
import type { Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { faults, step } from '../../tools/fakeCamb/fakeCambServer';
import { backToList, statusOf, taskRow, useChromium } from './support/appPage';
import { dismissNotices, screenshotsInThemes } from './support/journeyPictures';
import { BOTH_VIEWPORTS, createE2eHarness, type E2eHarness } from './support/e2eHarness';
import { unfoldAboutThisJob } from './support/taskDetails';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

const MINUTE = 60_000;
const TAKES = [1, 2, 3, 4, 5] as const;
const foleyLabel = (take: number) => `Foley: slow footsteps in the rain on loose gravel ${take}`;

/** The shapes the functions run in the page see (this project has no DOM types). */
interface Box {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
}
interface PageElement {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly children: ArrayLike<PageElement>;
  getBoundingClientRect(): Box;
}

/** Five Foley takes running, a story that finishes at 2 min, and a dub whose every check fails. */
function watchJobs(): void {
  const { server } = h;
  const service = h.web.service;
  for (const take of TAKES) {
    server.addTask('story', `foley-${take}`, step.pending());
    service.add('story', `foley-${take}`, foleyLabel(take));
  }
  server.addTask('story', 'chapter', [step.pending({ untilMs: 2 * MINUTE }), step.success(7)]);
  service.add('story', 'chapter', 'Chapter 1');
  server.injectFaults(
    'dub',
    'never-answered',
    Array.from({ length: 200 }, () => faults.serverError()),
  );
  service.add('dub', 'never-answered', 'Faulty dub');
}

/**
 * How many lines the row is drawn in: each of its lines is one line of text high (none wraps), and it
 * has two of them at most.
 */
function rowLines(row: Locator): Promise<number> {
  return row.evaluate((element: PageElement) => {
    const style = (line: PageElement) =>
      (globalThis as unknown as { getComputedStyle(e: PageElement): { fontSize: string } }).getComputedStyle(
        line,
      );
    // A line of text is about 1.2–1.7 font sizes high (a badge's padding included); two are 2.4 or more.
    const oneLine = (line: PageElement) =>
      line.getBoundingClientRect().height < 2.2 * Number.parseFloat(style(line).fontSize);
    const lines = Array.from(element.children);
    return lines.every(oneLine) ? lines.length : Number.POSITIVE_INFINITY;
  });
}

/** Whether the start of the name gives way to an ellipsis (its end stays whole). */
function nameIsCut(row: Locator): Promise<boolean> {
  return row.locator('.task-name-head').evaluate((head: PageElement) => head.scrollWidth > head.clientWidth);
}

/** Whether all of `inner` is drawn inside the name (not in the part cut away). */
function drawnInName(row: Locator, inner: Locator): Promise<boolean> {
  return inner.evaluate((element: PageElement & { closest(selector: string): PageElement | null }) => {
    const name = element.closest('.task-name')?.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    return (
      name !== undefined && box.width > 0 && box.left >= name.left - 0.5 && box.right <= name.right + 0.5
    );
  });
}

describe('calm rows in the popover (420×640)', () => {
  it('reads each row in two lines: a middle-cut name, one status word, one time', async () => {
    h = await createE2eHarness(chromium(), { viewport: BOTH_VIEWPORTS[0] });
    const { page } = h;
    watchJobs();
    await h.advance(5 * MINUTE);
    await dismissNotices(page);

    // Five takes that differ only at the end: each name gives way at its start, and their ends differ.
    const tails: string[] = [];
    for (const take of TAKES) {
      const row = taskRow(page, `story:foley-${take}`);
      await expect.poll(() => statusOf(row)).toBe('Running');
      expect(await nameIsCut(row)).toBe(true);
      const tail = row.locator('.task-name-tail');
      expect(await drawnInName(row, tail)).toBe(true);
      tails.push(await tail.innerText());
      expect(await row.locator('.task-name').getAttribute('title')).toBe(
        `${foleyLabel(take)} (foley-${take})`,
      );
      // One time, one figure: what is left, its range on hover.
      const time = row.getByTestId('row-time');
      expect(await time.innerText()).toMatch(/^~\d+ (s|min|h) left$/u);
      expect(await time.getAttribute('title')).toMatch(/^~\d+ (s|min|h) left \(usually .+ more\), from /u);
    }
    expect(new Set(tails).size).toBe(TAKES.length);
    expect(tails.every((tail) => /gravel \d$/u.test(tail))).toBe(true);

    // The finished job says when it finished and how long it took; it is new since the user looked.
    const chapter = taskRow(page, 'story:chapter');
    expect(await statusOf(chapter)).toBe('Ready');
    expect(await chapter.getByTestId('row-time').innerText()).toMatch(
      /^finished [23] min ago · took 2 min$/u,
    );
    // "New:" is there for screen readers, and takes no room on screen beside the dot.
    await page.getByRole('option', { name: /^New: Chapter 1/u }).waitFor();
    const hidden = await chapter
      .locator('.unseen-mark .visually-hidden')
      .evaluate((element: PageElement) => element.getBoundingClientRect());
    expect(hidden.width * hidden.height).toBeLessThanOrEqual(1);

    // The faulty dub was never answered: it waits for CAMB.AI, and claims no running time.
    const faulty = taskRow(page, 'dub:never-answered');
    expect(await statusOf(faulty)).toBe('Checking…');
    expect(await faulty.getByTestId('row-time').innerText()).toBe('Waiting for CAMB.AI');
    expect(await faulty.innerText()).not.toMatch(/Running \d/u);

    // No row ticks with check times; every row is two lines at most.
    for (const row of await page.getByTestId('task-row').all()) {
      expect(await row.innerText()).not.toMatch(/Checked|Next check|Pending/u);
      expect(await rowLines(row)).toBeLessThanOrEqual(2);
    }
    await screenshotsInThemes(h, 'calm-rows-420');
    await h.axe('calm-rows-420');

    // The check times are in the details.
    await taskRow(page, 'story:foley-3').click();
    const details = page.getByRole('region', { name: foleyLabel(3) });
    await unfoldAboutThisJob(page);
    await details.locator('dt:text-is("Last check")').waitFor();
    expect(await details.locator('dt:text-is("Next check") + dd').innerText()).toMatch(
      /^(in about \d+ (s|min)|any moment)$/u,
    );
    expect(await details.getByTestId('detail-estimate').innerText()).toMatch(/\(usually .+ more\)/u);
    await backToList(page);

    // A search for "gravel 3" finds one row, and the match is drawn (marked) in its name.
    await page.getByRole('searchbox', { name: /^Search tasks/ }).fill('gravel 3');
    await expect.poll(() => page.getByTestId('task-row').count()).toBe(1);
    const found = taskRow(page, 'story:foley-3');
    const mark = found.locator('mark');
    expect(await mark.innerText()).toBe('gravel 3');
    expect(await drawnInName(found, mark)).toBe(true);
    await screenshotsInThemes(h, 'calm-rows-search-420');
    await h.axe('calm-rows-search-420');
  });
});

describe('calm rows in the desktop window (1280×800)', () => {
  it('shows whole names, still in two lines', async () => {
    h = await createE2eHarness(chromium(), { viewport: BOTH_VIEWPORTS[1] });
    const { page } = h;
    watchJobs();
    await h.advance(5 * MINUTE);
    await dismissNotices(page);
    const row = taskRow(page, 'story:foley-2');
    await expect.poll(() => statusOf(row)).toBe('Running');
    expect(await nameIsCut(row)).toBe(false);
    expect(await row.locator('.task-name').textContent()).toBe(foleyLabel(2));
    for (const each of await page.getByTestId('task-row').all())
      expect(await rowLines(each)).toBeLessThanOrEqual(2);
    await screenshotsInThemes(h, 'calm-rows-1280');
  });
});
