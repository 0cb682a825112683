/**
 * Pictures of the window for comparing its look across a change that must not alter it (a stylesheet
 * split, a renderer refactor): the list, a task's details, Settings (top and bottom), Insights, the
 * shortcuts dialog and the compact list, at 420×640 (the small window) and 1280×800, light and dark, on
 * the same three jobs and virtual clock every run. Only runs when CAMB_WATCH_LOOK_DIR names the folder to
 * save them in; `scripts/compare-screenshots.ts BEFORE AFTER` then compares two such folders pixel by
 * pixel.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { backToList, openInsights, openSettings, openTasks, taskRow, useChromium } from './support/appPage';
import { JOURNEY_VIEWPORTS, createE2eHarness, type ColorScheme, type E2eHarness } from './support/e2eHarness';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { statusOf } from './support/appPage';

const LOOK_DIR = process.env.CAMB_WATCH_LOOK_DIR;
const SCHEMES: readonly ColorScheme[] = ['light', 'dark'];

const chromium = useChromium();
let h: E2eHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Every scrollable box scrolled to its end, so the bottom of a long view is in the picture. */
const SCROLL_TO_END = `for (const element of document.querySelectorAll('*'))
  if (element.scrollHeight > element.clientHeight) element.scrollTop = element.scrollHeight;`;

/**
 * The jobs of support/threeJobs (one finished, one running, one CAMB.AI does not know), each first check
 * answered before the next add and before time moves, so every run checks them at the same moments.
 */
async function watchThreeInStep(harness: E2eHarness): Promise<void> {
  const { server, web } = harness;
  server.addTask('story', 'chapter-1', [step.pending({ polls: 1 }), step.success(4242)]);
  server.addResult('story', 4242, { audio_url: `${server.baseUrl}/files/4242.flac`, transcript: [] });
  server.addTask('dub', 'trailer-dub', step.pending());
  for (const [kind, id, label] of [
    ['story', 'chapter-1', 'Chapter 1 narration'],
    ['dub', 'trailer-dub', 'Trailer (Spanish dub)'],
    ['story', 'mistyped-id', 'Typo'],
  ] as const) {
    web.service.add(kind, id, label);
    await harness.settle();
  }
  await harness.advance(2 * 60_000);
  await harness.settle();
  await expect.poll(() => statusOf(taskRow(harness.page, 'story:chapter-1'))).toBe('Ready');
  await expect.poll(() => statusOf(taskRow(harness.page, 'story:mistyped-id'))).toBe('Stopped');
}

async function capture(page: Page, folder: string, name: string): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await page.screenshot({
      path: path.join(folder, `${name}-${colorScheme}.png`),
      animations: 'disabled',
      caret: 'hide',
      // When each job was last checked depends on how real HTTP answers interleave with virtual time: the
      // rows' time lines, every relative time and the estimates are painted over (a digit's width is the same in every
      // number, so the layout around them stays exact).
      mask: ['.task-time', 'time', '.history-time', '.task-estimate-left'].map((selector) =>
        page.locator(selector),
      ),
    });
  }
}

describe.skipIf(LOOK_DIR === undefined)('the look of every view, for a before/after comparison', () => {
  for (const viewport of JOURNEY_VIEWPORTS) {
    it(`at ${viewport.name}`, async () => {
      const folder = path.join(LOOK_DIR ?? '', `${viewport.width}x${viewport.height}`);
      fs.mkdirSync(folder, { recursive: true });
      h = await createE2eHarness(chromium(), { viewport });
      const { page } = h;
      await watchThreeInStep(h);
      // Toasts of the endings would come and go with real time: the pictures are of the views.
      const dismiss = page.getByRole('button', { name: 'Dismiss notice' });
      while ((await dismiss.count()) > 0) await dismiss.first().click();
      await page.mouse.move(0, 0);
      await capture(page, folder, '01-list');

      await taskRow(page, 'story:chapter-1').click();
      await page.getByRole('heading', { name: 'Chapter 1 narration', level: 2 }).waitFor();
      await capture(page, folder, '02-details-finished');
      await backToList(page);
      await taskRow(page, 'story:mistyped-id').click();
      await page.getByRole('heading', { name: 'Typo', level: 2 }).waitFor();
      await page.mouse.move(0, 0);
      await capture(page, folder, '03-details-stopped');
      await backToList(page);

      await openSettings(page);
      await capture(page, folder, '04-settings-top');
      await page.evaluate(SCROLL_TO_END);
      await capture(page, folder, '05-settings-bottom');

      await openInsights(page);
      await capture(page, folder, '06-insights');

      await openTasks(page);
      await page.keyboard.press('?');
      await page.getByRole('dialog').waitFor();
      await capture(page, folder, '07-shortcuts');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      h.web.service.updateSettings({ compactDensity: true });
      await page.locator('.app.is-compact').waitFor();
      await page.mouse.move(0, 0);
      await capture(page, folder, '08-list-compact');
    });
  }
});
