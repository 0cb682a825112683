/**
 * A row's quick actions are targets a finger or a shaky hand can hit (WCAG 2.2 target size: at least
 * 24×24, here 28 wide), each with a tooltip, always shown on the selected row (not on hover alone), and
 * only those that can apply: no Check now on a job that has finished. axe's WCAG 2.2 target-size rule
 * agrees. A finished job, a running one, and one CAMB.AI does not know.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { captureThemes } from './support/listLook';
import { useChromium } from './support/appPage';
import {
  JOURNEY_VIEWPORTS,
  createE2eHarness,
  describeViolations,
  type E2eHarness,
} from './support/e2eHarness';
import { arrowToRow } from './support/listKeyboard';
import { watchThree } from './support/threeJobs';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

const quickActions = (page: Page, name: string): Locator =>
  page.getByRole('group', { name: `Quick actions for ${name}` });

async function buttonsOf(
  group: Locator,
): Promise<{ name: string; title: string; width: number; height: number }[]> {
  const buttons = group.getByRole('button');
  const found = [];
  for (let index = 0; index < (await buttons.count()); index++) {
    const button = buttons.nth(index);
    const box = await button.boundingBox();
    found.push({
      name: (await button.getAttribute('aria-label')) ?? '',
      title: (await button.getAttribute('title')) ?? '',
      width: box?.width ?? 0,
      height: box?.height ?? 0,
    });
  }
  return found;
}

describe.each(JOURNEY_VIEWPORTS)('quick actions anyone can hit ($name)', (viewport) => {
  it('shows 28×24 buttons with tooltips on the selected row, and no Check now on a finished job', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    await watchThree(h);

    const expected: Record<string, { name: string; buttons: string[] }> = {
      'dub:trailer-dub': { name: 'Trailer (Spanish dub)', buttons: ['Copy id', 'Check now'] },
      'story:chapter-1': { name: 'Chapter 1 narration', buttons: ['Open result', 'Copy id'] },
      // Stopped by the app, not ended by CAMB.AI: it can be asked about again.
      'story:mistyped-id': { name: 'Typo', buttons: ['Copy id', 'Check now'] },
    };
    for (const [key, { name, buttons }] of Object.entries(expected)) {
      await arrowToRow(page, key);
      // Still there once the keyboard and the pointer are elsewhere: the selected row keeps them.
      await page.getByRole('searchbox', { name: /^Search tasks/ }).focus();
      await page.mouse.move(0, 0);
      const group = quickActions(page, name);
      await group.waitFor();
      const found = await buttonsOf(group);
      expect(found.map((button) => button.name)).toEqual(buttons);
      for (const button of found) {
        expect(button.width).toBeGreaterThanOrEqual(28);
        expect(button.height).toBeGreaterThanOrEqual(24);
        expect(button.title).toMatch(new RegExp(`^${button.name} \\([A-Z]\\)$`));
      }
      const targets = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
      expect(targets.violations, describeViolations(targets.violations)).toEqual([]);
    }
    await captureThemes(h, `quick-action-targets-${viewport.width}`);
  });
});
