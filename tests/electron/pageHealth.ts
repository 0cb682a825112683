import type { Page } from 'playwright-core';

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
