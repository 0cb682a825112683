/**
 * Issue 19 item 7: in-app notices are calm. A burst of one kind is one notice ("300 jobs stopped — Show",
 * and Show takes the list to them), a notice is at most two lines in plain words ("Dub ready: Trailer
 * (Spanish)", no run id, no "after < 1 s"), and it sits below the list, never over the row the person is
 * on — at 420 px too. Working jobs among 40 faulty ones (ids CAMB.AI does not know, which stop).
 */
import type { Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { useChromium } from './support/appPage';
import { createE2eHarness, JOURNEY_VIEWPORTS, THEMES, type E2eHarness } from './support/e2eHarness';
import { focusedRowKey, watchList } from './support/listKeyboard';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

/** A burst like the 300 stops, at a size that keeps the run short (coalescing does not count). */
const STOPS = 40;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('expected the element to be drawn');
  return box;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** How many lines a text element takes, from its height and its line height. */
function linesOf(text: Locator): Promise<number> {
  return text.evaluate(
    (element: { getBoundingClientRect(): { height: number } }) =>
      element.getBoundingClientRect().height /
      Number.parseFloat(
        (globalThis as unknown as { getComputedStyle(e: unknown): { lineHeight: string } }).getComputedStyle(
          element,
        ).lineHeight,
      ),
  );
}

describe.each(JOURNEY_VIEWPORTS)('calm notices ($name)', (viewport) => {
  it(
    'a burst of stops is one notice whose Show goes to them; a ready dub says its name; nothing covers the row I am on',
    { timeout: 300_000 },
    async () => {
      h = await createE2eHarness(chromium(), { viewport });
      const { page, server } = h;
      server.addTask('dub', 'demo-dub-5102', [step.pending({ untilMs: 10 * 60_000 }), step.success(5102)]);
      h.web.service.add('dub', 'demo-dub-5102', 'Trailer (Spanish)');
      for (const id of ['steady-1', 'steady-2']) {
        server.addTask('story', id, step.pending());
        h.web.service.add('story', id, `Chapter ${id}`);
      }
      for (let index = 0; index < STOPS; index++) h.web.service.add('story', `unknown-${index}`, null);
      // Each stop is told once CAMB.AI has been asked whether another kind knows the id: they trickle in.
      const stopsTold = () =>
        h.notifications.filter((n) => n.type === 'task' && n.title === 'Story stopped').length;
      // (Each asks under the other kinds first, within the request budget: some virtual minutes.)
      for (let round = 0; round < 40 && stopsTold() < STOPS; round++) await h.advance(60_000);
      expect(stopsTold()).toBe(STOPS);

      // One notice for the burst, not forty; it says how many and offers Show.
      const notices = page.getByTestId('notice');
      await expect
        .poll(() => notices.innerText().catch(() => ''))
        .toMatch(new RegExp(`^${STOPS} jobs stopped`, 'u'));
      expect(await notices.count()).toBe(1);
      expect(await linesOf(notices.locator('.toast-text'))).toBeLessThanOrEqual(2);
      await h.screenshot(`calm-notices-coalesced-${viewport.width}`);

      // The notice sits below the list: the row I am on stays in full view, not under it.
      const list = watchList(page);
      await list.focus();
      await page.keyboard.press('End');
      // The list scrolls to its last row, which is drawn a frame later.
      await expect.poll(() => focusedRowKey(page)).not.toBeNull();
      const focused = await focusedRowKey(page);
      if (focused === null) throw new Error('expected a row under the cursor');
      const row = page.locator(`[data-task-key="${focused}"]`);
      const [rowBox, noticeBox, listBox] = await Promise.all([boxOf(row), boxOf(notices), boxOf(list)]);
      expect(overlaps(rowBox, noticeBox)).toBe(false);
      expect(rowBox.y + rowBox.height).toBeLessThanOrEqual(listBox.y + listBox.height + 1);

      // Show: the list filtered to the failures, the first stopped one under the cursor.
      await notices.getByRole('button', { name: 'Show' }).click();
      await expect.poll(() => list.getAttribute('aria-label')).toContain(`(${STOPS} shown)`);
      await expect.poll(() => focusedRowKey(page)).toMatch(/^story:unknown-/u);

      // The dub that ends later: its name in plain words, no run id, no time taken.
      await h.advance(10 * 60_000);
      await expect.poll(() => h.web.service.get('dub:demo-dub-5102')?.status).toBe('SUCCESS');
      await expect.poll(() => notices.innerText().catch(() => '')).toMatch(/Dub ready: Trailer \(Spanish\)/u);
      const readyText = await notices.innerText();
      expect(readyText).not.toMatch(/run 5102|after|< 1 s|demo-dub/u);
      for (const colorScheme of THEMES) {
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        await h.screenshot(`calm-notices-ready-${viewport.width}-${colorScheme}`);
      }
    },
  );
});
