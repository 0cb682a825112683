/**
 * The header gives the list its room: one title bar (Add task and Check all now as icon buttons with
 * names and tooltips) and one toolbar line (search, which tasks to show, the View menu), so that with
 * 1,000 jobs at the tray popover's 420×640 at least eight rows show. Counts are short ("1K"), nothing is
 * cut, and Sort, Group and density live in the View menu. One job CAMB.AI does not know among them.
 */
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { captureThemes } from './support/listLook';
import { useChromium } from './support/appPage';
import { JOURNEY_VIEWPORTS, createE2eHarness, type E2eHarness } from './support/e2eHarness';
import { watchList } from './support/listKeyboard';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

const TASK_COUNT = 1_000;

interface Rect {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** The shape the function Playwright runs in the page sees (this project has no DOM types). */
interface Measured {
  getBoundingClientRect(): Rect;
  readonly scrollWidth: number;
  readonly clientWidth: number;
}

function rectOf(locator: Locator): Promise<Rect> {
  return locator.evaluate((element: Measured) => {
    const { top, bottom, left, right } = element.getBoundingClientRect();
    return { top, bottom, left, right };
  });
}

/** Rows whose whole height is inside the list's visible box: what a person can read without scrolling. */
async function rowsFullyInView(page: Page): Promise<number> {
  const list = await rectOf(watchList(page));
  const rows = await page.getByTestId('task-row').evaluateAll((elements) =>
    (elements as unknown as Measured[]).map((element) => {
      const { top, bottom } = element.getBoundingClientRect();
      return { top, bottom };
    }),
  );
  return rows.filter((row) => row.top >= list.top - 0.5 && row.bottom <= list.bottom + 0.5).length;
}

/** Whether the element's content is wider than its box (cut text, a hidden overflow). */
function overflows(locator: Locator): Promise<boolean> {
  return locator.evaluate((element: Measured) => element.scrollWidth > element.clientWidth + 1);
}

describe.each(JOURNEY_VIEWPORTS)('a header that leaves the list its room ($name)', (viewport) => {
  it('shows at least eight of 1,000 rows under one title bar and one toolbar line', async () => {
    h = await createE2eHarness(chromium(), { viewport, openPage: false });
    const { page, server, web } = h;
    for (let index = 0; index < TASK_COUNT - 1; index++) {
      const id = `bulk-${String(index).padStart(4, '0')}`;
      server.addTask('story', id, step.pending());
      expect(web.service.add('story', id, `Bulk job ${index}`).ok).toBe(true);
    }
    // The faulty one: CAMB.AI does not know it.
    web.service.add('story', 'mistyped-id', 'Mistyped');
    await h.openPage();
    // (With 1,000 jobs to share the budget, its first check is minutes away: it waits among the others.)
    await page.getByRole('listbox', { name: `Watched tasks (${TASK_COUNT} shown)` }).waitFor();
    await page.getByTestId('task-row').first().waitFor();

    // At least eight whole rows, at the default density.
    expect(await rowsFullyInView(page)).toBeGreaterThanOrEqual(8);

    // The title bar: the view's two buttons as icons, each with a name and a tooltip, on the title's line.
    const titleBar = page.getByRole('banner');
    const add = titleBar.getByRole('button', { name: 'Add task', exact: true });
    const checkAll = titleBar.getByRole('button', { name: 'Check all now', exact: true });
    // (A wide window shows the add form itself, open: its button is there once it is folded away.)
    const narrow = viewport.width < 720;
    if (narrow) expect(await add.getAttribute('title')).toMatch(/^Add task/);
    expect(await checkAll.getAttribute('title')).toBe('Check all now');
    const title = await rectOf(titleBar.getByRole('heading', { name: 'CAMB Watch' }));
    for (const button of narrow ? [add, checkAll] : [checkAll]) {
      const box = await rectOf(button);
      expect(box.top).toBeGreaterThanOrEqual(title.top - 12);
      expect(box.bottom).toBeLessThanOrEqual(title.bottom + 12);
      expect(box.right).toBeLessThanOrEqual(viewport.width);
    }
    expect(await overflows(titleBar)).toBe(false);

    // One toolbar line: search, the filter menu and the View button side by side, nothing cut.
    const search = page.getByRole('searchbox', { name: /^Search tasks/ });
    const show = page.getByRole('combobox', { name: 'Show tasks' });
    const viewButton = page.getByRole('button', { name: 'View', exact: true });
    const boxes = await Promise.all([search, show, viewButton].map(rectOf));
    const middles = boxes.map((box) => (box.top + box.bottom) / 2);
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(4);
    expect(Math.max(...boxes.map((box) => box.right))).toBeLessThanOrEqual(viewport.width);
    // Counts as short as they can be read: "1K", not "1000" pushing the others off the line.
    expect(await show.locator('option').allTextContents()).toEqual([
      'All (1K)',
      'Active (1K)',
      'Finished (0)',
      'Failed (0)',
      'Succeeded (0)',
    ]);
    await show.selectOption('succeeded');
    expect(await overflows(show)).toBe(false);
    await show.selectOption('all');
    // The list is the first thing under the toolbar.
    expect((await rectOf(watchList(page))).top - Math.max(...boxes.map((box) => box.bottom))).toBeLessThan(
      16,
    );
    await captureThemes(h, `compact-header-${viewport.width}`);

    // Sort, Group and density are in the View menu, and Escape closes it where it was opened.
    await viewButton.click();
    const menu = page.getByRole('group', { name: 'View' });
    await menu.getByRole('combobox', { name: 'Sort' }).waitFor();
    await menu.getByRole('combobox', { name: 'Group' }).waitFor();
    await menu.getByRole('checkbox', { name: 'Compact rows' }).waitFor();
    await captureThemes(h, `compact-header-view-menu-${viewport.width}`);
    await page.keyboard.press('Escape');
    expect(await menu.count()).toBe(0);
    expect(await viewButton.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(
      true,
    );
  });
});
