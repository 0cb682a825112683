/**
 * The window at the size of a tray popover (420×640) and at an ordinary desktop size (1280×800). Narrow:
 * the list and a task's details are two screens (Back and Escape return to the list, focus on the row);
 * the add form folds away behind "Add task" and opens filled when an id is pasted in the list. Wide: two
 * panes side by side. At both, rows are as tall as what they say.
 */
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { addTaskButton, statusOf, taskIdField, taskRow, useChromium } from './support/appPage';
import { BOTH_VIEWPORTS, createE2eHarness, type E2eHarness } from './support/e2eHarness';
import { focusedRowKey, watchList } from './support/listKeyboard';
import { hasFocus, watchThree } from './support/threeJobs';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

/** The shapes the functions run in the page see (this project has no DOM types). */
interface Box {
  readonly top: number;
  readonly bottom: number;
}
interface RowElement {
  getBoundingClientRect(): Box;
  readonly children: ArrayLike<{ getBoundingClientRect(): Box }>;
}
interface PageGlobals {
  readonly navigator: { readonly clipboard: { writeText(text: string): Promise<void> } };
}

/** A finished task, a slow one and one CAMB.AI does not know, listed newest first as added. */
async function watchThreeAsAdded(): Promise<void> {
  // The default puts the two endings first: the keyboard walk below relies on the order they were added in.
  h.web.service.updateSettings({ listOrder: 'added' });
  await watchThree(h);
}

/** How far below its content a row's box reaches, minus its own padding and border: an empty band. */
async function emptyBandUnder(row: Locator): Promise<number> {
  return row.evaluate((element: RowElement) => {
    const box = element.getBoundingClientRect();
    const children = Array.from(element.children).map((child) => child.getBoundingClientRect());
    const contentBottom = Math.max(...children.map((child) => child.bottom));
    // 0.45rem of padding and a 1px border: anything beyond is space nothing fills.
    return box.bottom - contentBottom - (0.45 * 14 + 1);
  });
}

async function pasteInList(page: Page, text: string): Promise<void> {
  await page.evaluate(
    (value) => (globalThis as unknown as PageGlobals).navigator.clipboard.writeText(value),
    text,
  );
  await watchList(page).focus();
  await page.keyboard.press('Control+V');
}

describe.each(BOTH_VIEWPORTS)('the window at $name', (viewport) => {
  const narrow = viewport.width < 720;

  it(
    narrow
      ? 'list and details are two screens: a row opens its details, Back and Escape return to the row'
      : 'list and details are two panes side by side',
    async () => {
      h = await createE2eHarness(chromium(), { viewport });
      const { page } = h;
      await watchThreeAsAdded();

      await taskRow(page, 'dub:trailer-dub').click();
      const details = page.getByRole('region', { name: 'Trailer (Spanish dub)' });
      await details.getByText('About this job').waitFor();
      // The details are on screen, not below the list.
      const heading = await details.getByRole('heading', { name: 'Trailer (Spanish dub)' }).boundingBox();
      expect(heading).not.toBeNull();
      expect((heading?.y ?? 9999) + (heading?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
      await h.screenshot(`small-window-details-${viewport.width}`);

      if (!narrow) {
        // Two panes: the list stays beside the details.
        const listBox = await watchList(page).boundingBox();
        const detailBox = await details.boundingBox();
        expect(listBox).not.toBeNull();
        expect(detailBox?.x ?? 0).toBeGreaterThanOrEqual((listBox?.x ?? 0) + (listBox?.width ?? 0));
        expect(await page.getByRole('button', { name: /Back to the list/ }).count()).toBe(0);
        return;
      }

      // Narrow: the details are a screen of their own, with a way back.
      expect(await watchList(page).count()).toBe(0);
      await page.getByRole('button', { name: 'Back to the list' }).click();
      await watchList(page).waitFor();
      await expect.poll(() => focusedRowKey(page)).toBe('dub:trailer-dub');
      expect(await details.count()).toBe(0);

      // From the keyboard: move to the next row, Enter opens it, Escape comes back to it.
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => focusedRowKey(page)).toBe('story:chapter-1');
      await page.keyboard.press('Enter');
      const chapter = page.getByRole('region', { name: 'Chapter 1 narration' });
      await chapter.waitFor();
      expect(await watchList(page).count()).toBe(0);
      await page.keyboard.press('Escape');
      await watchList(page).waitFor();
      await expect.poll(() => focusedRowKey(page)).toBe('story:chapter-1');
    },
  );

  it('the add form folds away behind "Add task" and opens filled when an id is pasted in the list', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    await h.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.web.origin });
    await watchThreeAsAdded();
    const formHeading = page.getByRole('heading', { name: 'Add a task' });

    if (narrow) {
      // Folded: the list has the room.
      expect(await formHeading.count()).toBe(0);
      await addTaskButton(page).click();
      await formHeading.waitFor();
      // Opened on purpose, it is ready to type into.
      await expect.poll(() => hasFocus(taskIdField(page))).toBe(true);
      await page.keyboard.press('Escape');
      await formHeading.waitFor({ state: 'detached' });
      await expect.poll(() => hasFocus(addTaskButton(page))).toBe(true);
    } else {
      await formHeading.waitFor();
    }

    h.server.addTask('story', 'pasted-job', [step.pending({ polls: 1 }), step.success(77)]);
    await pasteInList(page, '{ "task_id": "pasted-job" }');
    await formHeading.waitFor();
    await expect.poll(() => taskIdField(page).inputValue()).toBe('{ "task_id": "pasted-job" }');
    await page.getByRole('button', { name: 'Watch', exact: true }).click();
    const added = taskRow(page, 'story:pasted-job');
    await added.waitFor();
    // In the small window the form gives the room back once the task is in the list.
    if (narrow) await formHeading.waitFor({ state: 'detached' });
    await h.advance(60_000);
    await expect.poll(() => statusOf(added)).toBe('Ready');
  });

  it('rows are as tall as what they say: no empty band under a row', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    await watchThreeAsAdded();
    for (const key of ['story:chapter-1', 'dub:trailer-dub', 'story:mistyped-id']) {
      const band = await emptyBandUnder(taskRow(page, key));
      expect(band, `empty band under ${key}`).toBeLessThanOrEqual(2);
    }
    // Rows still follow one another without overlapping.
    const boxes = await page
      .getByTestId('task-row')
      .evaluateAll((rows) => (rows as unknown as RowElement[]).map((row) => row.getBoundingClientRect()));
    for (let index = 1; index < boxes.length; index++)
      expect(boxes[index]?.top ?? 0).toBeGreaterThanOrEqual((boxes[index - 1]?.bottom ?? 0) - 1.5);
    await h.screenshot(`small-window-list-${viewport.width}`);
  });

  it('jobs finishing one after another leave the list in view: one notice at a time in the small window', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    const narrow = viewport.width < 720;
    h.server.addTask('story', 'first', [step.pending({ polls: 1 }), step.success(1)]);
    h.server.addTask('tts', 'second', [step.pending({ untilMs: 20_000 }), step.success(2)]);
    h.server.addTask('dub', 'failing', [step.pending({ untilMs: 40_000 }), step.timeout()]);
    h.web.service.add('story', 'first', 'First chapter');
    h.web.service.add('tts', 'second', 'Greeting');
    h.web.service.add('dub', 'failing', 'Trailer dub');
    await h.advance(90_000);
    await expect.poll(() => statusOf(taskRow(page, 'dub:failing'))).toBe('Timed out');

    const notices = page.getByTestId('notice');
    // The two that came out ready are one notice ("2 jobs ready"): they reach the page within seconds of
    // each other (the page's own clock, not the app's virtual one), well inside one burst.
    await expect.poll(() => notices.count()).toBe(narrow ? 1 : 2);
    if (!narrow) expect(await notices.first().innerText()).toContain('2 jobs ready');
    // The newest one is the one kept: the failure, last to end.
    expect(await notices.last().innerText()).toContain('Trailer dub');
    expect(await taskRow(page, 'story:first').isVisible()).toBe(true);
  });
});
