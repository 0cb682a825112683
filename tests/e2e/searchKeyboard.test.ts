/**
 * The keyboard path from search into the results: ↓ moves into the list on the first match, Enter opens
 * it, Escape clears the search and goes back to the list; which tasks to show is one Tab stop changed
 * with the arrow keys, and keys 1–5 switch it from anywhere outside a text field. With a job CAMB.AI does
 * not know among working ones.
 */
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { captureThemes, shownOrder } from './support/listLook';
import { useChromium } from './support/appPage';
import { JOURNEY_VIEWPORTS, createE2eHarness, type E2eHarness } from './support/e2eHarness';
import { focusedRowKey, watchList } from './support/listKeyboard';
import { hasFocus, watchThree } from './support/threeJobs';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

const searchField = (page: Page): Locator => page.getByRole('searchbox', { name: /^Search tasks/ });
const showMenu = (page: Page): Locator => page.getByRole('combobox', { name: 'Show tasks' });

describe.each(JOURNEY_VIEWPORTS)('from the search into the results by keyboard ($name)', (viewport) => {
  it('↓ reaches the first match, Enter opens it, Escape clears and returns; filters by arrows and 1–5', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    await watchThree(h);

    // "/" then a word: ↓ puts the keyboard on the first match in the list.
    await watchList(page).focus();
    await page.keyboard.press('/');
    expect(await hasFocus(searchField(page))).toBe(true);
    await page.keyboard.type('trailer');
    await expect.poll(() => shownOrder(page)).toEqual(['dub:trailer-dub']);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedRowKey(page)).toBe('dub:trailer-dub');
    await captureThemes(h, `search-into-results-${viewport.width}`);

    // Escape in the search clears it and gives the keyboard back to the list, with every task shown.
    await page.keyboard.press('/');
    await page.keyboard.press('Escape');
    expect(await searchField(page).inputValue()).toBe('');
    await expect.poll(() => hasFocus(watchList(page))).toBe(true);
    expect((await shownOrder(page)).sort()).toEqual([
      'dub:trailer-dub',
      'story:chapter-1',
      'story:mistyped-id',
    ]);

    // Enter opens the first match's details.
    await page.keyboard.press('/');
    await page.keyboard.type('chapter');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Chapter 1 narration' }).waitFor();
    if (viewport.width < 720) await page.getByRole('button', { name: 'Back to the list' }).click();
    await searchField(page).fill('');

    // One Tab stop from the search to the filter, one more past it.
    await searchField(page).focus();
    await page.keyboard.press('Tab');
    expect(await hasFocus(showMenu(page))).toBe(true);
    // The arrow keys change it where it is (Chromium's closed menu on Linux and Windows).
    await page.keyboard.press('ArrowDown');
    expect(await showMenu(page).inputValue()).toBe('active');
    await expect.poll(() => shownOrder(page)).toEqual(['dub:trailer-dub']);
    await page.keyboard.press('Tab');
    expect(await hasFocus(showMenu(page))).toBe(false);
    expect(await hasFocus(page.getByRole('button', { name: 'View', exact: true }))).toBe(true);

    // 4: the failed ones (the job CAMB.AI does not know); 1: all again.
    await watchList(page).focus();
    await page.keyboard.press('4');
    expect(await showMenu(page).inputValue()).toBe('failed');
    await expect.poll(() => shownOrder(page)).toEqual(['story:mistyped-id']);
    await page.keyboard.press('5');
    await expect.poll(() => shownOrder(page)).toEqual(['story:chapter-1']);
    await page.keyboard.press('1');
    await expect.poll(async () => (await shownOrder(page)).length).toBe(3);
    // Typed into the search, a digit is only text.
    await searchField(page).focus();
    await page.keyboard.type('2');
    expect(await showMenu(page).inputValue()).toBe('all');
    await searchField(page).fill('');

    // The shortcuts list says so.
    await watchList(page).focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.getByText('Show All, Active, Finished, Failed or Succeeded tasks').waitFor();
    await dialog.getByText(/^From the search: into the results/).waitFor();
  });
});
