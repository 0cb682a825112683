/**
 * The list holds still while the window has focus: a job that ends, a row opened (and so seen), a failure
 * — rows change in place instead of jumping under the pointer. New endings wait behind a "2 new ↑" pill;
 * the list sorts anew when the pill is pressed or the window is shown again. A Shift-click range picks
 * the rows on screen. At the tray popover's size, with a job CAMB.AI does not know among working ones.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { captureThemes, shownOrder } from './support/listLook';
import { backToList, statusOf, taskRow, useChromium } from './support/appPage';
import { JOURNEY_VIEWPORTS, createE2eHarness, type E2eHarness } from './support/e2eHarness';
import { arrowToRow, watchList } from './support/listKeyboard';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

/** Where each row's top edge is on screen, by key. */
async function rowTops(page: Page, keys: readonly string[]): Promise<Record<string, number>> {
  const tops: Record<string, number> = {};
  for (const key of keys) tops[key] = (await taskRow(page, key).boundingBox())?.y ?? Number.NaN;
  return tops;
}

/**
 * The tray popover shown again: its window takes focus. Chromium under test always has focus (Playwright
 * emulates it), so the event a window gets when it is focused again is sent by hand.
 */
function showWindowAgain(page: Page): Promise<void> {
  return page.evaluate("window.dispatchEvent(new Event('focus'))").then(() => undefined);
}

const pill = (page: Page) => page.getByRole('button', { name: /^\d+ new$/ });

describe.each(JOURNEY_VIEWPORTS)('a list that holds still while looked at ($name)', (viewport) => {
  it('keeps every row in place as jobs end and rows are opened, then sorts on the pill and when shown again', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page, server, web } = h;
    server.addTask('story', 'ends-well', [step.pending({ untilMs: 60_000 }), step.success(5101)]);
    server.addTask('dub', 'breaks', [step.pending({ untilMs: 60_000 }), step.error('Voice not found')]);
    server.addTask('story', 'ends-later', [step.pending({ untilMs: 240_000 }), step.success(5102)]);
    server.addTask('tts', 'steady', step.pending());
    // The faulty one among working ones: CAMB.AI does not know it, so it stops at once.
    web.service.add('story', 'ghost', 'Ghost');
    for (const [kind, id, label] of [
      ['story', 'ends-well', 'Ends well'],
      ['dub', 'breaks', 'Breaks'],
      ['story', 'ends-later', 'Ends later'],
      ['tts', 'steady', 'Steady'],
    ] as const) {
      web.service.add(kind, id, label);
      await h.advance(1_000);
    }
    await h.advance(10_000);
    await expect.poll(() => statusOf(taskRow(page, 'story:ghost'))).toBe('Stopped');
    // The user opens the window now (a popover shown is a window focused): the list is sorted as it is.
    await showWindowAgain(page);
    // The window has focus (as a shown popover has): the list holds its order from here on.
    expect(await page.evaluate('document.hasFocus()')).toBe(true);
    await arrowToRow(page, 'tts:steady');
    const before = await shownOrder(page);
    // The stopped one first (it wants the user), then the running ones.
    expect(before.slice(0, 2)).toEqual(['story:ghost', 'tts:steady']);
    expect([...before].sort()).toEqual(
      ['dub:breaks', 'story:ends-later', 'story:ends-well', 'story:ghost', 'tts:steady'].sort(),
    );
    const topsBefore = await rowTops(page, before);

    // Two jobs end while the user looks: their rows say so where they are; nothing moves.
    await h.advance(2 * 60_000);
    await expect.poll(() => statusOf(taskRow(page, 'story:ends-well'))).toBe('Ready');
    await expect.poll(() => statusOf(taskRow(page, 'dub:breaks'))).toBe('Failed');
    expect(await shownOrder(page)).toEqual(before);
    // (Rows below one that ended may shift by the lines it lost; the rows themselves never change place.)
    const above = before.slice(
      0,
      Math.min(before.indexOf('story:ends-well'), before.indexOf('dub:breaks')) + 1,
    );
    expect(await rowTops(page, above)).toEqual(
      Object.fromEntries(above.map((key) => [key, topsBefore[key]])),
    );
    await pill(page).waitFor();
    expect((await pill(page).textContent())?.trim()).toBe('2 new');
    await captureThemes(h, `calm-list-held-${viewport.width}`);
    // It sits on the list's top edge: a click on the top row's middle or on its name reaches the row.
    const topRow = taskRow(page, before[0] ?? '');
    const rowBox = await topRow.boundingBox();
    const nameBox = await topRow.locator('.task-name-head').boundingBox();
    const rowAt = (x: number, y: number) =>
      page.evaluate<string | null>(
        `document.elementFromPoint(${x}, ${y})?.closest('[data-testid="task-row"]')?.getAttribute('data-task-key') ?? null`,
      );
    if (rowBox === null || nameBox === null) throw new Error('The top row is not drawn.');
    expect(await rowAt(rowBox.x + rowBox.width / 2, rowBox.y + rowBox.height / 2)).toBe(before[0]);
    expect(await rowAt(nameBox.x + nameBox.width / 2, nameBox.y + nameBox.height / 2)).toBe(before[0]);

    // Opening a new ending marks it seen: the row after it stays where it was.
    const opened = 'story:ends-well';
    const next = before[before.indexOf(opened) + 1] ?? before[0] ?? '';
    const nextTop = (await rowTops(page, [next]))[next];
    await arrowToRow(page, opened);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Ends well' }).waitFor();
    await backToList(page);
    await expect.poll(() => h.web.service.get(opened)?.unseen).toBe(false);
    expect(await shownOrder(page)).toEqual(before);
    expect((await rowTops(page, [next]))[next]).toBe(nextTop);
    expect((await pill(page).textContent())?.trim()).toBe('1 new');

    // Shift-click picks the rows on screen between the two, not those a re-sort would put there.
    await arrowToRow(page, 'tts:steady');
    await taskRow(page, 'dub:breaks').click({ modifiers: ['Shift'] });
    const selected = await watchList(page)
      .getByRole('option', { selected: true })
      .evaluateAll((rows) =>
        (rows as unknown as { getAttribute(name: string): string | null }[]).map((row) =>
          row.getAttribute('data-task-key'),
        ),
      );
    const [from, to] = [before.indexOf('tts:steady'), before.indexOf('dub:breaks')].sort((x, y) => x - y);
    expect(selected).toEqual(before.slice(from, (to ?? 0) + 1));
    await arrowToRow(page, 'tts:steady');

    // The pill sorts the list anew: the ending not yet seen first, the failure the user saw after it. (In
    // the wide window the selection's details showed that last ending beside the list, so nothing new is
    // left to point at and the pill is gone: the window shown again sorts it, as below.)
    const pressedPill = (await pill(page).count()) > 0;
    if (pressedPill) await pill(page).click();
    else await showWindowAgain(page);
    await expect.poll(async () => (await shownOrder(page))[0]).toBe('dub:breaks');
    // The pill is gone once pressed; the keyboard's cursor is on the list it sorted, not lost to the page.
    if (pressedPill)
      expect(await watchList(page).evaluate((list) => list === list.ownerDocument.activeElement)).toBe(true);
    const sorted = await shownOrder(page);
    expect(sorted.indexOf('tts:steady')).toBeLessThan(sorted.indexOf('story:ends-well'));
    expect(await pill(page).count()).toBe(0);

    // Another ending while held; the window shown again (it takes focus) sorts it in.
    await h.advance(3 * 60_000);
    await expect.poll(() => statusOf(taskRow(page, 'story:ends-later'))).toBe('Ready');
    expect(await shownOrder(page)).toEqual(sorted);
    await pill(page).waitFor();
    await showWindowAgain(page);
    await expect.poll(async () => (await shownOrder(page))[0]).toBe('story:ends-later');
    expect(await pill(page).count()).toBe(0);
  });
});
