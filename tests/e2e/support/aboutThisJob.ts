import type { Page } from 'playwright-core';

/**
 * Unfolds "About this job" in the open details (the facts: kind, ids, check times; the status history),
 * as a person does to read them; leaves it open if it is already.
 */
export async function unfoldAboutThisJob(page: Page): Promise<void> {
  const folded = page.locator('.task-detail details.task-about:not([open]) > summary');
  if ((await folded.count()) > 0) await folded.first().click();
  await page.locator('.task-detail details.task-about[open]').waitFor();
}
