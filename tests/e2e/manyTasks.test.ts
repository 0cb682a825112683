import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { useChromium } from './support/appPage';
import { createE2eHarness, type E2eHarness } from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

const TASK_COUNT = 1_000;
/** A 720-pixel window shows about ten rows; a list that draws them all would have 1,000. */
const MAX_RENDERED_ROWS = 60;

/** The shape of the list element as the function run in the page sees it (no DOM types here). */
interface ScrollingElement {
  scrollTop: number;
  readonly scrollHeight: number;
}

describe('a long watch list in the browser', () => {
  it('loads 1,000 tasks, draws only the rows in view, and scrolls to the last one', async () => {
    h = await createE2eHarness(chromium(), { openPage: false });
    const ids = Array.from({ length: TASK_COUNT }, (_, index) => `bulk-${String(index).padStart(4, '0')}`);
    for (const id of ids) {
      h.server.addTask('story', id, step.pending());
      const outcome = h.web.service.add('story', id, `Bulk job ${id}`);
      expect(outcome.ok).toBe(true);
    }
    expect(h.web.service.list()).toHaveLength(TASK_COUNT);

    const started = performance.now();
    await h.openPage();
    const list = h.page.getByRole('listbox', { name: `Watched tasks (${TASK_COUNT} shown)` });
    await list.waitFor();
    await h.page.getByTestId('task-row').first().waitFor();
    console.log(
      `1,000 tasks: page loaded and first rows drawn in ${Math.round(performance.now() - started)} ms`,
    );

    const rows = h.page.getByTestId('task-row');
    const drawnAtTop = await rows.count();
    expect(drawnAtTop).toBeGreaterThan(0);
    expect(drawnAtTop).toBeLessThan(MAX_RENDERED_ROWS);
    expect(await h.page.locator('[data-testid="task-row"][aria-posinset="1"]').isVisible()).toBe(true);

    await list.hover();
    await list.evaluate((element: ScrollingElement) => {
      element.scrollTop = element.scrollHeight;
    });
    const last = h.page.locator(`[data-testid="task-row"][aria-posinset="${TASK_COUNT}"]`);
    await last.waitFor({ state: 'visible' });
    const lastKey = (await last.getAttribute('data-task-key')) ?? '';
    expect(ids.map((id) => `story:${id}`)).toContain(lastKey);
    expect(await last.textContent()).toContain(`Bulk job ${lastKey.slice('story:'.length)}`);
    // In view, not merely in the page: inside the list's scrolled box.
    const [listBox, lastBox] = await Promise.all([list.boundingBox(), last.boundingBox()]);
    expect(listBox).not.toBeNull();
    expect(lastBox).not.toBeNull();
    if (listBox !== null && lastBox !== null) {
      expect(lastBox.y).toBeGreaterThanOrEqual(listBox.y);
      expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(listBox.y + listBox.height + 1);
    }

    // Still virtualised at the bottom: the first row is gone, and the count stays bounded.
    expect(await h.page.locator('[data-testid="task-row"][aria-posinset="1"]').count()).toBe(0);
    expect(await rows.count()).toBeLessThan(MAX_RENDERED_ROWS);

    // The wheel scrolls the list back up, as a user would.
    await h.page.mouse.wheel(0, -TASK_COUNT * 100);
    await h.page.locator('[data-testid="task-row"][aria-posinset="1"]').waitFor({ state: 'visible' });
    expect(await last.count()).toBe(0);
  });
});
