import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The shape the function Playwright runs in the page sees (this project has no DOM types). */
interface ActiveElementPage {
  readonly document: { readonly activeElement: { getAttribute(name: string): string | null } | null };
}

/** The watch list (a listbox). */
export function watchList(page: Page): Locator {
  return page.getByRole('listbox', { name: /^Watched tasks/ });
}

/** The key of the row keyboard focus is on: the list has focus, and the row is its active descendant. */
export async function focusedRowKey(page: Page): Promise<string | null> {
  const active = await page.evaluate(() => {
    const element = (globalThis as unknown as ActiveElementPage).document.activeElement;
    return { role: element?.getAttribute('role'), row: element?.getAttribute('aria-activedescendant') };
  });
  if (active.role !== 'listbox' || active.row === null || active.row === undefined) return null;
  return page.locator(`#${active.row}`).getAttribute('data-task-key');
}

/** Puts keyboard focus on the list and moves down to the row of `key`, as a person does with the arrows. */
export async function arrowToRow(page: Page, key: string): Promise<void> {
  await watchList(page).focus();
  await page.keyboard.press('Home');
  for (let moves = 0; moves < 20 && (await focusedRowKey(page)) !== key; moves++)
    await page.keyboard.press('ArrowDown');
  expect(await focusedRowKey(page)).toBe(key);
}

/** A notice (toast) that says `text`. */
export function notice(page: Page, text: string | RegExp): Locator {
  return page.getByTestId('notice').filter({ hasText: text });
}

/** Dismisses every notice on screen, as a person clicking their close buttons. */
export async function dismissNotices(page: Page): Promise<void> {
  const dismiss = page.getByRole('button', { name: 'Dismiss notice' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
}

/** What the page's clipboard holds (the test granted clipboard access). */
export function clipboardText(page: Page): Promise<string> {
  return page.evaluate('navigator.clipboard.readText()') as Promise<string>;
}
