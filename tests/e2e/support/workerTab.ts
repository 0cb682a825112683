import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ColorScheme, Viewport } from './e2eHarness';

/**
 * One browser tab, and one port for the web host, for every test a worker runs (the e2e and visual
 * projects share modules across a worker's files: vitest.config.ts, isolate: false).
 *
 * Why: a fresh browser context starts a renderer process, and a page on a new origin (a new port) compiles
 * the 480 kB app from nothing: 1–2 s per test on the 2-core machine, most of what a short journey costs.
 * The same tab on the same origin keeps the process and V8's compiled code (a load takes ~0.1 s). The host
 * sends `cross-origin-opener-policy: same-origin`, so a tab that moved to another port would get a new
 * process anyway: the port has to stay.
 *
 * What a test could leave behind is put back before the next one (`releaseTab`): the document (the tab
 * goes to about:blank before its host closes, so the old page cannot reconnect to the next host on the
 * same port), other pages of the context, granted permissions, cookies, the pointer, the emulated media
 * and the window size. sessionStorage is the origin's, but the token in it is replaced by each host's
 * address (webHost/browser/webBridge.ts takes the #token first).
 */
interface Tab {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
}

let tab: Promise<Tab> | undefined;
let tabContext: BrowserContext | undefined;
let hostPort = 0;

async function openTab(browser: Browser): Promise<Tab> {
  // A context of its own (not browser.newPage()): axe opens a second page in it to assemble its results.
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  tabContext = context;
  return { browser, context, page: await context.newPage() };
}

/** The worker's tab, sized and coloured for this test (a new one if the browser or the tab went away). */
export async function workerTab(
  browser: Browser,
  look: { readonly viewport: Viewport; readonly colorScheme: ColorScheme },
): Promise<Page> {
  let current = await tab?.catch(() => undefined);
  if (current === undefined || current.browser !== browser || current.page.isClosed()) {
    tab = openTab(browser);
    current = await tab;
  }
  const { page } = current;
  await page.setViewportSize({ width: look.viewport.width, height: look.viewport.height });
  await page.emulateMedia({ colorScheme: look.colorScheme, reducedMotion: null, forcedColors: null });
  return page;
}

/** Whether a context is the worker's tab's, which outlives the file that opened it (appPage useChromium). */
export function isWorkerTabContext(context: BrowserContext): boolean {
  return context === tabContext;
}

/** Leaves the tab as the next test expects to find it: see the module's comment. */
export async function releaseTab(page: Page): Promise<void> {
  if (page.isClosed()) return;
  await page.goto('about:blank');
  const context = page.context();
  await Promise.all(
    context
      .pages()
      .filter((other) => other !== page)
      .map((other) => other.close()),
  );
  await context.clearPermissions();
  await context.clearCookies();
  await page.mouse.move(0, 0);
}

/** The port the worker's web hosts listen on: 0 (any) until the first has one, then that one. */
export function workerHostPort(): number {
  return hostPort;
}

/** Remembers the port a web host of this worker got, for the next. */
export function keepHostPort(port: number): void {
  hostPort = port;
}
