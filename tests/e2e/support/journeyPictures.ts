import type { Page } from 'playwright-core';
import { THEMES, type E2eHarness } from './e2eHarness';

/** Pictures of the window as it is, in each theme swept: test-results/screenshots/<name>-<scheme>.png. */
export async function screenshotsInThemes(h: E2eHarness, name: string): Promise<void> {
  for (const colorScheme of THEMES) {
    await h.page.emulateMedia({ colorScheme });
    await h.screenshot(`${name}-${colorScheme}`);
  }
  await h.page.emulateMedia({ colorScheme: 'light' });
}

/** Lets the notices of finished jobs go, so a screenshot shows the window itself. */
export async function dismissNotices(page: Page): Promise<void> {
  const dismiss = page.getByRole('button', { name: 'Dismiss notice' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
}
