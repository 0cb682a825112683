import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CambWatchBridge } from '../../src/shared/contract';
import { openInsights } from '../e2e/support/appPage';

/** What a page loaded, and everything that went wrong on it, as the Electron tests check it. */
export interface PageHealth {
  /** The URL of every response the page received, in order. */
  readonly loaded: string[];
  /** Console errors (a CSP violation is one: "Refused to load…"), uncaught errors, failed or refused requests. */
  readonly problems: string[];
}

/**
 * Watches a page from now on: Playwright's `console`, `pageerror`, `requestfailed` and `response`
 * events (class Page in Playwright's docs), which report the app:// scheme as any other.
 */
export function watchPageHealth(page: Page): PageHealth {
  const health: PageHealth = { loaded: [], problems: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') health.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => health.problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) =>
    health.problems.push(`failed: ${request.url()} (${request.failure()?.errorText ?? 'no reason'})`),
  );
  page.on('response', (response) => {
    health.loaded.push(response.url());
    if (response.status() >= 400) health.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return health;
}

/** The page's global, as seen from the functions Playwright runs in it (this project has no DOM types). */
type BridgeGlobal = { readonly cambWatch?: Partial<CambWatchBridge> };

/** Waits until the preload has exposed the bridge: the page has loaded and can talk to the app. */
export function waitForBridge(page: Page): Promise<unknown> {
  return page.waitForFunction(
    () => typeof (globalThis as unknown as BridgeGlobal).cambWatch?.getSnapshot === 'function',
  );
}

/**
 * Loads the page again while `health` watches (so its first load is seen too), opens Insights (its own
 * lazily loaded chunk), and checks that everything came over app://camb-watch, the chunk and the styles
 * among it, with no console error, CSP violation, uncaught error or failed request.
 */
export async function expectCleanLoadOverAppScheme(page: Page, health: PageHealth): Promise<void> {
  await page.reload();
  await waitForBridge(page);
  await openInsights(page);
  const elsewhere = health.loaded.filter(
    (url) => !url.startsWith('app://camb-watch/') && !url.startsWith('data:'),
  );
  expect(elsewhere).toEqual([]);
  expect(health.loaded.some((url) => /\/assets\/InsightsView[^/]*\.js$/u.test(url))).toBe(true);
  expect(health.loaded.some((url) => url.endsWith('.css'))).toBe(true);
  expect(health.problems).toEqual([]);
}

/** Waits until the app lists the task with this status (asked through the bridge, as the window does). */
export async function waitForTaskStatus(page: Page, taskId: string, status: string): Promise<void> {
  await page.waitForFunction(
    async ([id, wanted]) => {
      const { tasks } = await (
        (globalThis as unknown as BridgeGlobal).cambWatch as CambWatchBridge
      ).listTasks();
      return tasks.some((task) => task.taskId === id && task.status === wanted);
    },
    [taskId, status] as const,
    { polling: 250 },
  );
}
