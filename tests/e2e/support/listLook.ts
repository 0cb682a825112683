import type { Page } from 'playwright-core';
import { THEMES, type E2eHarness } from './e2eHarness';

/** The rows in the order the list shows them, by key. */
export function shownOrder(page: Page): Promise<string[]> {
  return page
    .getByTestId('task-row')
    .evaluateAll((rows) =>
      (rows as unknown as { getAttribute(name: string): string | null }[]).map(
        (row) => row.getAttribute('data-task-key') ?? '',
      ),
    );
}

/** Screenshots and axe (WCAG 2.2 AA) in each theme the run sweeps, back to light afterwards. */
export async function captureThemes(h: E2eHarness, name: string): Promise<void> {
  for (const colorScheme of THEMES) {
    await h.page.emulateMedia({ colorScheme });
    await h.screenshot(`${name}-${colorScheme}`);
    await h.axe(`${name} (${colorScheme})`);
  }
  await h.page.emulateMedia({ colorScheme: 'light' });
}
