/**
 * Issue 19 item 6: a bulk removal is hard to regret. Ctrl+A, Delete asks first, saying how many go and how
 * many of them ended unseen; a few seen ones go at once; Ctrl+Z puts back the last removal as the Undo
 * button does; keyboard focus lands on the next row, never on the page; Clear finished leaves unseen endings
 * in the list unless the person ticks the box, and says so. Seven working jobs and one faulty (an id CAMB.AI
 * does not know, which stops and stays unseen).
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { openSettings, openTasks, statusOf, taskRow, useChromium } from './support/appPage';
import { createE2eHarness, JOURNEY_VIEWPORTS, type E2eHarness } from './support/e2eHarness';
import { captureInThemes } from './support/themeCapture';
import { focusedRowKey, notice, watchList } from './support/listKeyboard';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

const WORKING = ['one', 'two', 'three', 'four', 'five', 'six', 'seven'];

/** The rows' keys, top to bottom. */
function shownKeys(page: Page): Promise<(string | null)[]> {
  return page
    .getByTestId('task-row')
    .evaluateAll((rows: { getAttribute(name: string): string | null }[]) =>
      rows.map((row) => row.getAttribute('data-task-key')),
    );
}

describe.each(JOURNEY_VIEWPORTS)('a bulk removal asks, and Ctrl+Z takes it back ($name)', (viewport) => {
  it('asks before removing many or unseen endings, undoes with Ctrl+Z, keeps focus on the next row', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page, server } = h;
    for (const id of WORKING) {
      server.addTask('story', id, step.pending());
      h.web.service.add('story', id, `Chapter ${id}`);
    }
    // The faulty one: CAMB.AI does not know it, so it stops, an ending nobody has looked at yet.
    h.web.service.add('story', 'ghost', 'Ghost chapter');
    await h.advance(60_000);
    await expect.poll(() => statusOf(taskRow(page, 'story:ghost'))).toBe('Stopped');
    // The unseen ending first (the list's order), then the seven running ones.
    await h.settle();
    await expect.poll(async () => (await shownKeys(page)).length).toBe(8);
    // The list holds still while the window has focus: an ending that came after it was drawn waits behind
    // the "1 new" pill, which sorts the list again, as a person would press it.
    const pill = page.getByRole('button', { name: /^\d+ new$/ });
    if ((await pill.count()) > 0) await pill.click();
    // Read once the order holds still: every job has had its first answer.
    let all = await shownKeys(page);
    await expect
      .poll(async () => {
        const now = await shownKeys(page);
        const same = JSON.stringify(now) === JSON.stringify(all);
        all = now;
        return same;
      })
      .toBe(true);
    expect(all[0]).toBe('story:ghost');

    // Ctrl+A, Delete: a question first, with how many and how many unseen; Cancel is where focus starts.
    const list = watchList(page);
    await list.focus();
    // The cursor stays off the stopped row: in a wide window its details would show, and it would be seen.
    await page.keyboard.press('End');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    const question = page.getByRole('alertdialog', { name: 'Remove 8 tasks?' });
    await question.waitFor();
    expect(await question.innerText()).toContain(
      '1 of them ended and you have not looked at it yet. Ctrl+Z or Undo puts them back.',
    );
    await captureInThemes(h, `safe-removal-question-${viewport.width}`);
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await shownKeys(page)).toEqual(all);
    expect(h.web.service.list()).toHaveLength(8);

    // Three seen ones go at once; the cursor is on the next row, in the list.
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Delete');
    await expect.poll(() => shownKeys(page)).toEqual([...all.slice(0, 4), all[7]]);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await expect.poll(() => focusedRowKey(page)).toBe(all[7]);

    // Ctrl+Z, as the Undo button would: the three are back, the notice gone.
    await page.keyboard.press('Control+z');
    await expect.poll(() => shownKeys(page)).toEqual(all);
    await expect.poll(() => notice(page, 'Removed 3 tasks').count()).toBe(0);

    // Confirmed, everything goes; Ctrl+Z brings all eight back, the stopped one still stopped.
    await list.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await question.getByRole('button', { name: 'Remove 8 tasks' }).click();
    const nothingLeft = page.getByRole('heading', { name: 'Nothing watched yet' });
    await nothingLeft.waitFor();
    // No next row: the cursor is on what took the list's place, not lost to the page.
    await expect
      .poll(() => nothingLeft.evaluate((heading) => heading === heading.ownerDocument.activeElement))
      .toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => shownKeys(page)).toEqual(all);
    // The tasks are back and so is the cursor, in the list.
    await expect
      .poll(() => list.evaluate((element) => element === element.ownerDocument.activeElement))
      .toBe(true);
    expect(await statusOf(taskRow(page, 'story:ghost'))).toBe('Stopped');
    // Nothing left to undo: a second Ctrl+Z changes nothing.
    await page.keyboard.press('Control+z');
    expect(h.web.service.list()).toHaveLength(8);
  });

  it('Clear finished leaves the unseen ending unless asked, and says so', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page, server } = h;
    server.addTask('story', 'done', step.success(4242));
    server.addTask('story', 'running', step.pending());
    for (const id of ['done', 'running', 'ghost']) h.web.service.add('story', id, `Chapter ${id}`);
    await h.advance(60_000);
    await expect.poll(() => statusOf(taskRow(page, 'story:ghost'))).toBe('Stopped');
    // The finished one has been looked at; the stopped one has not.
    h.web.service.markSeen(['story:done']);

    await openSettings(page, 'Watch list');
    await page.getByRole('button', { name: 'Clear finished tasks' }).click();
    const question = page.getByRole('alertdialog', { name: 'Clear 1 finished task?' });
    await question.waitFor();
    expect(await question.innerText()).toContain(
      '1 finished task will be removed. 1 ending you have not looked at yet stays in the list.',
    );
    await captureInThemes(h, `safe-removal-clear-finished-${viewport.width}`);
    await question.getByRole('button', { name: 'Clear 1 task' }).click();
    await notice(page, 'Cleared “Chapter done”').waitFor();
    expect(
      h.web.service
        .list()
        .map((task) => task.taskId)
        .sort(),
    ).toEqual(['ghost', 'running']);

    // Asked for, the unseen one goes too, and the question says it is among them.
    await page.getByRole('button', { name: 'Clear finished tasks' }).click();
    const again = page.getByRole('alertdialog');
    await again.getByRole('checkbox', { name: 'Also clear the 1 not looked at yet' }).check();
    expect(await again.innerText()).toContain('That includes 1 ending you have not looked at yet.');
    await again.getByRole('button', { name: 'Clear 1 task' }).click();
    await openTasks(page);
    await expect.poll(() => shownKeys(page)).toEqual(['story:running']);
  });
});
