import type { Locator, Page } from 'playwright-core';
import { backToList, taskRow } from './appPage';

/**
 * Opens a task's details from its row, as a person does (from the list's screen in a narrow window), and
 * returns them once drawn.
 */
export async function openTaskDetails(page: Page, key: string, label: string): Promise<Locator> {
  await backToList(page);
  await taskRow(page, key).click();
  const details = page.getByRole('region', { name: label });
  await details.getByText('About this job').waitFor();
  return details;
}

/**
 * Unfolds "About this job" in the open details (the facts: kind, ids, check times; the status history),
 * as a person does to read them; leaves it open if it is already.
 */
export async function unfoldAboutThisJob(page: Page): Promise<void> {
  const folded = page.locator('.task-detail details.task-about:not([open]) > summary');
  if ((await folded.count()) > 0) await folded.first().click();
  await page.locator('.task-detail details.task-about[open]').waitFor();
}
