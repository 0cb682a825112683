/**
 * Quick actions: each row's Open result / Copy id / Check now on hover and from the keyboard, "Retry now"
 * on the offline and rate-limited banners, and the compact density setting, at the tray popover's size
 * and an ordinary window's, with one task CAMB.AI does not know among working ones.
 */
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { faults } from '../../tools/fakeCamb/fakeCambServer';
import { banner, openSettings, openTasks, taskRow, useChromium } from './support/appPage';
import { THEMES, JOURNEY_VIEWPORTS, createE2eHarness, type E2eHarness } from './support/e2eHarness';
import { hasFocus, watchThree } from './support/threeJobs';
import { arrowToRow, clipboardText, dismissNotices, notice } from './support/listKeyboard';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

interface Box {
  readonly top: number;
  readonly bottom: number;
  readonly height: number;
}
interface BoxElement {
  getBoundingClientRect(): Box;
}

function quickActions(page: Page, name: string): Locator {
  return page.getByRole('group', { name: `Quick actions for ${name}` });
}

function box(locator: Locator): Promise<Box> {
  return locator.evaluate((element: BoxElement) => {
    const { top, bottom, height } = element.getBoundingClientRect();
    return { top, bottom, height };
  });
}

function rowHeights(page: Page): Promise<Box[]> {
  return page.getByTestId('task-row').evaluateAll((rows) =>
    (rows as unknown as BoxElement[]).map((row) => {
      const { top, bottom, height } = row.getBoundingClientRect();
      return { top, bottom, height };
    }),
  );
}

/** Screenshots in the light and the dark scheme, to look at. */
async function screenshotLightAndDark(page: Page, name: string): Promise<void> {
  for (const colorScheme of THEMES) {
    await page.emulateMedia({ colorScheme });
    await h.screenshot(`${name}-${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Moves the clock a second at a time until a check meets the 429 the server was told to give. */
async function untilRateLimited(): Promise<void> {
  for (let second = 0; second < 180 && h.web.service.state().rateLimitedUntil === null; second++)
    await h.advance(1_000);
  expect(h.web.service.state().rateLimitedUntil).not.toBeNull();
}

describe.each(JOURNEY_VIEWPORTS)('quick actions at $name', (viewport) => {
  it('each row offers Open result, Copy id and Check now on hover and from the keyboard', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.web.origin });
    const audioUrl = await watchThree(h);

    // At rest no row has buttons over it: every row shows all it says.
    expect(await page.getByTestId('row-quick-actions').count()).toBe(0);

    // Hover: a finished job offers its result; the buttons sit on the row's second line, clear of its
    // name and status.
    const chapterRow = taskRow(page, 'story:chapter-1');
    await chapterRow.hover();
    const chapter = quickActions(page, 'Chapter 1 narration');
    await chapter.waitFor();
    // Open result and Copy id: a finished job has nothing left to check.
    const buttons = await chapter.getByRole('button').allTextContents();
    expect(buttons).toHaveLength(2);
    const [rowBox, lineBox, actionsBox] = await Promise.all([
      box(chapterRow),
      box(chapterRow.locator('.task-row-line').first()),
      box(chapter),
    ]);
    expect(actionsBox.top).toBeGreaterThanOrEqual(lineBox.bottom - 1);
    expect(actionsBox.bottom).toBeLessThanOrEqual(rowBox.bottom + 1);
    await screenshotLightAndDark(page, `quick-actions-hover-${viewport.width}`);

    const opened = page.context().waitForEvent('page');
    await chapter.getByRole('button', { name: 'Open result' }).click();
    const tab = await opened;
    await expect.poll(() => tab.url()).toBe(audioUrl);
    await tab.close();
    await page.bringToFront();
    expect(h.web.openedLinks).toEqual([audioUrl]);

    await chapterRow.hover();
    await chapter.getByRole('button', { name: 'Copy id' }).click();
    await notice(page, 'Copied the id of “Chapter 1 narration”.').waitFor();
    expect(await clipboardText(page)).toBe('chapter-1');

    // A running job has no result yet: no Open result button. The faulty one can be checked again.
    await taskRow(page, 'dub:trailer-dub').hover();
    const trailer = quickActions(page, 'Trailer (Spanish dub)');
    await trailer.waitFor();
    expect(await trailer.getByRole('button', { name: 'Open result' }).count()).toBe(0);
    await taskRow(page, 'story:mistyped-id').hover();
    const asked = h.server.requestCount('story', 'mistyped-id');
    await quickActions(page, 'Typo').getByRole('button', { name: 'Check now' }).click();
    await notice(page, 'Checking this task now.').waitFor();
    // It takes the request budget's next slot (one every 220 ms).
    await h.advance(250);
    await expect.poll(() => h.server.requestCount('story', 'mistyped-id')).toBe(asked + 1);

    // Keyboard: the list's current row shows its buttons, and Tab reaches them.
    await page.mouse.move(0, 0);
    await arrowToRow(page, 'story:chapter-1');
    await chapter.waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => hasFocus(chapter.getByRole('button', { name: 'Open result' }))).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => hasFocus(chapter.getByRole('button', { name: 'Copy id' }))).toBe(true);
    await h.screenshot(`quick-actions-keyboard-${viewport.width}`);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => notice(page, 'Copied the id of “Chapter 1 narration”.').count())
      .toBeGreaterThan(0);

    // Notices fade out after a while and axe would catch one half faded: dismiss them first.
    await dismissNotices(page);
    await arrowToRow(page, 'story:chapter-1');
    await chapter.waitFor();
    await h.axe(`quick-actions-keyboard-${viewport.width}`);
  });

  it('"Retry now" on the offline and rate-limited banners asks once and says what it found', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    await watchThree(h);

    // Offline: one request goes out anyway; CAMB.AI answers, so the banner goes and checking resumes.
    h.web.service.setOnline(false);
    const offline = banner(page, 'offline');
    await offline.waitFor();
    await h.advance(5_000);
    const before = h.server.requests.length;
    await offline.getByRole('button', { name: 'Retry now' }).click();
    await notice(page, 'Tried again: CAMB.AI answered, so checking has resumed.').waitFor();
    await offline.waitFor({ state: 'detached' });
    expect(h.server.requests.length).toBeGreaterThan(before);
    await dismissNotices(page);

    // Rate limited without a Retry-After: the wait is CAMB Watch's own back-off, so one request goes now.
    h.server.injectGlobalFaults([faults.rateLimited()]);
    await untilRateLimited();
    const limited = banner(page, 'rate-limited');
    await limited.waitFor();
    await screenshotLightAndDark(page, `retry-now-rate-limited-${viewport.width}`);
    await limited.getByRole('button', { name: 'Retry now' }).click();
    await notice(page, 'Tried again: CAMB.AI answered, so checking has resumed.').waitFor();
    await limited.waitFor({ state: 'detached' });
    await dismissNotices(page);

    // With a Retry-After, CAMB.AI said when: nothing is sent sooner, and the notice says when it resumes.
    await h.advance(60_000);
    h.server.injectGlobalFaults([faults.rateLimited(600)]);
    await untilRateLimited();
    await limited.waitFor();
    const held = h.server.requests.length;
    await limited.getByRole('button', { name: 'Retry now' }).click();
    await notice(
      page,
      /CAMB.AI said when to ask again; asking sooner would only be turned away. Checking resumes in (9|10) min, by itself./,
    ).waitFor();
    expect(h.server.requests.length).toBe(held);
    expect(await limited.isVisible()).toBe(true);
  });

  it('compact density tightens the rows, the list follows, and it is kept across a restart', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    await watchThree(h);
    const comfortable = await rowHeights(page);

    await openSettings(page, 'Window and look');
    const toggle = page.getByRole('checkbox', { name: /Compact density/ });
    expect(await toggle.isChecked()).toBe(false);
    // The box follows the saved setting, so it shows checked once the app has it.
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await openTasks(page);

    await expect
      .poll(async () => (await rowHeights(page))[0]?.height ?? 0)
      .toBeLessThan(comfortable[0]?.height ?? 0);
    const compact = await rowHeights(page);
    compact.forEach((row, index) => expect(row.height).toBeLessThan(comfortable[index]?.height ?? 0));
    // The list measured the new heights: rows follow one another without gaps or overlaps.
    for (let index = 1; index < compact.length; index++)
      expect(Math.abs((compact[index]?.top ?? 0) - (compact[index - 1]?.bottom ?? 0))).toBeLessThanOrEqual(
        1.5,
      );
    await screenshotLightAndDark(page, `compact-density-${viewport.width}`);

    await h.restart();
    await expect.poll(async () => (await rowHeights(page))[0]?.height ?? 0).toBe(compact[0]?.height);
    await openSettings(page, 'Window and look');
    expect(await page.getByRole('checkbox', { name: /Compact density/ }).isChecked()).toBe(true);
  });
});
