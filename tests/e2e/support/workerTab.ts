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
  readonly page: Page;
}

// A worker runs its tests one after another: one tab at a time, never two callers at once.
let tab: Tab | undefined;
let hostPort = 0;

/** The worker's tab, sized and coloured for this test (a new one if the browser or the tab went away). */
export async function workerTab(
  browser: Browser,
  look: { readonly viewport: Viewport; readonly colorScheme: ColorScheme },
): Promise<Page> {
  if (tab === undefined || tab.browser !== browser || tab.page.isClosed()) {
    // A context of its own (not browser.newPage()): axe opens a second page in it to assemble its results.
    const context = await browser.newContext({ deviceScaleFactor: 1 });
    tab = { browser, page: await context.newPage() };
  }
  const { page } = tab;
  await page.setViewportSize({ width: look.viewport.width, height: look.viewport.height });
  await page.emulateMedia({ colorScheme: look.colorScheme, reducedMotion: null, forcedColors: null });
  return page;
}

/** Whether a context is the worker's tab's, which outlives the file that opened it (appPage useChromium). */
export function isWorkerTabContext(context: BrowserContext): boolean {
  return context === tab?.page.context();
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

/**
 * Starts a web host on the port this worker's hosts use, or, where that port is taken (a host a test started
 * itself, another program), on any: the next ones then use that one.
 */
export async function onWorkerPort<Host extends { readonly port: number }>(
  start: (port: number) => Promise<Host>,
): Promise<Host> {
  const port = hostPort;
  const host = await start(port).catch((error: unknown) => {
    if (port === 0 || !/already in use/u.test(String(error))) throw error;
    return start(0);
  });
  hostPort = host.port;
  return host;
}
