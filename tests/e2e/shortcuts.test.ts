/**
 * Fast hands: every shortcut of the window, at the tray popover's size and an ordinary window's, with one
 * task CAMB.AI does not know among working ones. Keys typed into a text field stay in it; the list of
 * shortcuts (?) is a dialog that Escape closes, giving focus back.
 */
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { addTaskButton, taskIdField, useChromium } from './support/appPage';
import { JOURNEY_VIEWPORTS, createE2eHarness, type E2eHarness } from './support/e2eHarness';
import { hasFocus, watchThree } from './support/threeJobs';
import { arrowToRow, clipboardText, focusedRowKey, notice, watchList } from './support/listKeyboard';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

function searchField(page: Page): Locator {
  return page.getByRole('searchbox', { name: /^Search tasks/ });
}

function rowCount(page: Page): Promise<number> {
  return page.getByTestId('task-row').count();
}

describe.each(JOURNEY_VIEWPORTS)('keyboard shortcuts at $name', (viewport) => {
  const narrow = viewport.width < 720;

  it('every shortcut does what the ? list says', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.web.origin });
    const audioUrl = await watchThree(h);

    // ?: the list of shortcuts, named for this keyboard (Ctrl here, not ⌘); Escape closes it and gives
    // focus back to the list, which stays on screen.
    await arrowToRow(page, 'dub:trailer-dub');
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const text of ['Ctrl+F', 'Ctrl+N', 'Enter', 'Delete', 'Escape', 'Check the selected task now'])
      expect(await help.textContent()).toContain(text);
    expect(await help.textContent()).not.toContain('⌘');
    await expect.poll(() => hasFocus(help.getByRole('button', { name: 'Close' }))).toBe(true);
    await h.screenshot(`shortcuts-help-${viewport.width}`);
    await h.axe(`shortcuts-help-${viewport.width}`);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await expect.poll(() => focusedRowKey(page)).toBe('dub:trailer-dub');
    // The header's button opens the same list.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await help.waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    // /: the search field; what is typed there stays there (R does not check, C does not copy).
    await watchList(page).focus();
    await page.keyboard.press('/');
    await expect.poll(() => hasFocus(searchField(page))).toBe(true);
    const requestsBefore = h.server.requests.length;
    await page.keyboard.type('trailer');
    await expect.poll(() => rowCount(page)).toBe(1);
    expect(h.server.requests.length).toBe(requestsBefore);
    await searchField(page).fill('');
    await expect.poll(() => rowCount(page)).toBe(3);
    // Ctrl+F too, from anywhere.
    await watchList(page).focus();
    await page.keyboard.press('Control+F');
    await expect.poll(() => hasFocus(searchField(page))).toBe(true);

    // C: copies the current row's id and says so.
    await arrowToRow(page, 'story:chapter-1');
    await page.keyboard.press('c');
    await notice(page, 'Copied the id of “Chapter 1 narration”.').waitFor();
    expect(await clipboardText(page)).toBe('chapter-1');

    // O: opens the result of a finished job; a running one has none yet, and says so.
    const opened = page.context().waitForEvent('page');
    await page.keyboard.press('o');
    const tab = await opened;
    await expect.poll(() => tab.url()).toBe(audioUrl);
    await tab.close();
    await page.bringToFront();
    expect(h.web.openedLinks).toEqual([audioUrl]);
    await arrowToRow(page, 'dub:trailer-dub');
    await page.keyboard.press('o');
    await notice(page, '“Trailer (Spanish dub)” has no result to open yet: it is still running.').waitFor();

    // R: checks the current task now, the faulty one included (it is asked again).
    await arrowToRow(page, 'story:mistyped-id');
    const asked = h.server.requestCount('story', 'mistyped-id');
    await page.keyboard.press('r');
    await notice(page, 'Checking this task now.').waitFor();
    // It takes the request budget's next slot (one every 220 ms).
    await h.advance(250);
    await expect.poll(() => h.server.requestCount('story', 'mistyped-id')).toBe(asked + 1);

    // Enter: the current task's details; Escape goes back (a screen of their own in a narrow window).
    await arrowToRow(page, 'dub:trailer-dub');
    await page.keyboard.press('Enter');
    const details = page.getByRole('region', { name: 'Trailer (Spanish dub)' });
    await details.waitFor();
    await expect
      .poll(() => hasFocus(details.getByRole('heading', { name: 'Trailer (Spanish dub)' })))
      .toBe(true);
    // O, C and R act on the task the details show, too.
    await page.keyboard.press('c');
    await notice(page, 'Copied the id of “Trailer (Spanish dub)”.').waitFor();
    if (narrow) {
      expect(await watchList(page).count()).toBe(0);
      await page.keyboard.press('Escape');
      await watchList(page).waitFor();
      await expect.poll(() => focusedRowKey(page)).toBe('dub:trailer-dub');
    }

    // Ctrl+N: the add form with the cursor in its id field (folded behind "Add task" in a narrow window).
    if (narrow) expect(await addTaskButton(page).isVisible()).toBe(true);
    await watchList(page).focus();
    await page.keyboard.press('Control+N');
    await expect.poll(() => hasFocus(taskIdField(page))).toBe(true);
    // Typing there is typing: "r" and "o" go into the field.
    await page.keyboard.type('ro');
    expect(await taskIdField(page).inputValue()).toBe('ro');
    await taskIdField(page).fill('');

    // Ctrl+, : Settings; Escape comes back to the tasks.
    await page.keyboard.press('Control+Comma');
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
    await page.keyboard.press('Escape');
    await watchList(page).waitFor();
  });
});
