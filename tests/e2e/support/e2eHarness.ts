import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page, Response } from 'playwright-core';
import { expect } from 'vitest';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import type { UpdaterPort } from '../../../src/main/core/updates';
import type { NotificationModel } from '../../../src/main/core/notifications/notificationModel';
import { memorySecretStore } from '../../../src/main/core/secrets/memorySecretStore';
import { DEVELOPMENT_KEY_WHERE } from '../../../src/webHost/server/developmentSecrets';
import { startWebHost } from '../../../src/webHost/server/startWebHost';
import type { TrafficEntry, WebHost } from '../../../src/webHost/server/webHostTypes';
import { startFakeCambServer, type FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import { advanceVirtualTime } from '../../support/advanceVirtualTime';
import { tasksViewDrawn } from './appPage';
import { onWorkerPort, releaseTab, workerTab } from './workerTab';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RENDERER_INDEX = path.join(REPOSITORY_ROOT, 'out', 'renderer', 'index.html');
const BRIDGE_SCRIPT = path.join(REPOSITORY_ROOT, 'out', 'web-bridge', 'bridge.js');
export const SCREENSHOT_DIR = path.join(REPOSITORY_ROOT, 'test-results', 'screenshots');

/** The key the fake server accepts unless a test rotates it; long and odd so that a leak cannot hide. */
export const E2E_API_KEY = 'camb-watch-e2e-key-Hq4Wn8Ty2Pc6Rv0J';

/** Every view is drawn and checked at one size, so screenshots compare across runs. */
export const VIEWPORT = { width: 1100, height: 720 } as const;

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/**
 * The visual project (vitest.config.ts; `npm test -- --long`, which `.ci/run` uses) sets
 * CAMB_WATCH_E2E_VISUAL=1: there every journey is walked at both sizes and in both themes where a test
 * sweeps them, and leaves its screenshots and axe checks. The e2e project (plain `npm test`) walks each
 * journey once, at the narrow size, and neither draws pictures nor runs axe.
 */
export const VISUAL_RUN = process.env['CAMB_WATCH_E2E_VISUAL'] === '1';

/**
 * The two sizes a user journey can be walked at: a tray popover (the window's narrow layout, list and
 * details as two screens) and an ordinary desktop window (two panes side by side).
 */
export const BOTH_VIEWPORTS = [
  { name: 'narrow 420×640', width: 420, height: 640 },
  { name: 'wide 1280×800', width: 1280, height: 800 },
] as const satisfies readonly (Viewport & { readonly name: string })[];

/**
 * The sizes every journey is walked at. The e2e project keeps the narrow one: the tray popover is the
 * app's own window, and its layout is the one with more steps (details are a screen of their own, the
 * add form folds away), so each journey there also passes what the wide layout shows at once. The
 * layouts themselves are compared at both sizes in smallWindow.test.ts, and the visual project walks
 * every journey at both.
 */
export const JOURNEY_VIEWPORTS: readonly (typeof BOTH_VIEWPORTS)[number][] = VISUAL_RUN
  ? BOTH_VIEWPORTS
  : [BOTH_VIEWPORTS[0]];

/** The colour schemes a test sweeps for its screenshots and axe checks: the dark one in the visual project. */
export const THEMES: readonly ColorScheme[] = VISUAL_RUN ? ['light', 'dark'] : ['light'];

// WCAG 2.2 AA too: target size (2.5.8) among others (axe-core's `wcag22aa` tag).
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export type ColorScheme = 'light' | 'dark';

/** A body the page received over HTTP (the event stream aside: it never ends; `traffic` has its events). */
export interface PageResponse {
  readonly url: string;
  readonly body: string;
}

export interface E2eOptions {
  /** The key saved when the host starts; null for none. Default E2E_API_KEY. */
  readonly storedKey?: string | null;
  /** Runs on the fresh state folder before the first host opens it (e.g. to damage the watch list). */
  readonly beforeStart?: (stateDir: string) => void;
  /** The state folder, owned by the caller (e.g. on a small disk it mounted); default a temporary one. */
  readonly stateDir?: string;
  /** Open the page at once. Default true; false lets a test fill the list first and time the load. */
  readonly openPage?: boolean;
  readonly colorScheme?: ColorScheme;
  /** The window's size. Default VIEWPORT. */
  readonly viewport?: Viewport;
  /** A scripted updater (tests/support/scriptedUpdater); without one the web host says it never updates. */
  readonly updater?: UpdaterPort;
  /** Settings as a copy that cannot update shows it (see WebHostOptions.updatesUnavailable). */
  readonly updatesUnavailable?: { readonly reason: string; readonly releasesUrl?: string };
}

export interface E2eHarness {
  readonly clock: VirtualClock;
  readonly server: FakeCambServer;
  readonly stateDir: string;
  /** The key store, shared by every host of this harness as a keychain would be. */
  readonly secrets: ReturnType<typeof memorySecretStore>;
  /** The web host started last. */
  readonly web: WebHost;
  readonly page: Page;
  /** Every body that crossed the local socket, across restarts. */
  readonly traffic: readonly TrafficEntry[];
  /** Every notification the core emitted, across restarts. */
  readonly notifications: readonly NotificationModel[];
  /** Every non-streaming response body the page received. */
  readonly pageResponses: readonly PageResponse[];
  /** Uncaught errors in the page. */
  readonly pageErrors: readonly string[];
  /** Opens (or reopens) the page at the current host's address and waits until the app is drawn. */
  openPage(): Promise<void>;
  /** Waits until no status check is in flight. */
  settle(): Promise<void>;
  /** Moves virtual time on timer by timer, letting real HTTP answers arrive before the clock moves again. */
  advance(ms: number): Promise<void>;
  /** Closes the web host, starts another on the same state folder, and reopens the page there. */
  restart(): Promise<void>;
  /** Saves test-results/screenshots/<name>.png (in the visual project; elsewhere nothing). */
  screenshot(name: string): Promise<void>;
  /** Runs axe-core (WCAG 2.0, 2.1 A and AA and 2.2 AA) on the page as it is and fails on any violation (in the visual project). */
  axe(name: string): Promise<void>;
  close(): Promise<void>;
}

function requireBuild(): void {
  const missing = [RENDERER_INDEX, BRIDGE_SCRIPT].filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `The end-to-end tests need the built renderer and browser bridge (missing: ${missing
        .map((file) => path.relative(REPOSITORY_ROOT, file))
        .join(', ')}). Run \`npm run build\` first.`,
    );
  }
}

/** One line per violation: rule, what it asks, and the elements that break it. */
export function describeViolations(
  violations: readonly { id: string; help: string; nodes: readonly { target: unknown }[] }[],
): string {
  return violations
    .map(
      (violation) =>
        `${violation.id}: ${violation.help}\n${violation.nodes
          .map((node) => `    at ${JSON.stringify(node.target)}`)
          .join('\n')}`,
    )
    .join('\n');
}

/**
 * The real product end to end: a fake CAMB.AI and a virtual clock, the web host running the real core on
 * a temporary state folder, and the built renderer in Chromium. The harness records every body that
 * crossed the local socket and every notification the core emitted, for assertions about both.
 */
export async function createE2eHarness(browser: Browser, options: E2eOptions = {}): Promise<E2eHarness> {
  requireBuild();
  const clock = new VirtualClock();
  const server = await startFakeCambServer({ apiKey: E2E_API_KEY, now: () => clock.now() });
  const stateDir = options.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-e2e-'));
  const secrets = memorySecretStore(DEVELOPMENT_KEY_WHERE);
  const storedKey = options.storedKey === undefined ? E2E_API_KEY : options.storedKey;
  if (storedKey !== null) await secrets.store.set(storedKey);
  options.beforeStart?.(stateDir);

  const traffic: TrafficEntry[] = [];
  const notifications: NotificationModel[] = [];
  const pageResponses: PageResponse[] = [];
  const pageErrors: string[] = [];

  async function startHost(): Promise<WebHost> {
    const web = await onWorkerPort((port) =>
      startWebHost({
        port,
        stateDir,
        clock,
        apiBase: server.baseUrl,
        secrets: secrets.store,
        // A CAMB_API_KEY in the developer's environment must not leak into the tests.
        environment: {},
        ...(options.updater === undefined ? {} : { updater: options.updater }),
        ...(options.updatesUnavailable === undefined
          ? {}
          : { updatesUnavailable: options.updatesUnavailable }),
      }),
    );
    web.observeTraffic((entry) => traffic.push(entry));
    web.service.on('notification', ({ notification }) => notifications.push(notification));
    return web;
  }

  let web = await startHost();
  // The worker's tab (support/workerTab: a fresh context per test cost more than most journeys).
  const page = await workerTab(browser, {
    viewport: options.viewport ?? VIEWPORT,
    colorScheme: options.colorScheme ?? 'light',
  });
  const onPageError = (error: Error) => pageErrors.push(String(error));
  const onResponse = (response: Response) => {
    // The event stream never ends, so its body cannot be read; its events are in `traffic`.
    if (response.url().endsWith('/__camb-watch/events')) return;
    response.text().then(
      (body) => pageResponses.push({ url: response.url(), body }),
      () => undefined, // a response cut short by a reload or restart has no body to read
    );
  };
  page.on('pageerror', onPageError);
  page.on('response', onResponse);

  async function openPage(): Promise<void> {
    // Once the stream's headers arrive the host has attached its sink: no event after this is missed.
    const streamOpened = page.waitForResponse(
      (response) => response.url().startsWith(web.origin) && response.url().endsWith('/__camb-watch/events'),
    );
    // The address differs from the last only after its #: leave first, or goto would not load the page.
    if (page.url() !== 'about:blank') await page.goto('about:blank');
    await page.goto(web.url);
    await streamOpened;
    await tasksViewDrawn(page);
  }

  const settle = () => web.service.whenIdle();

  const advance = (ms: number) => advanceVirtualTime(clock, ms, settle);

  if (options.openPage ?? true) await openPage();

  return {
    clock,
    server,
    stateDir,
    secrets,
    get web() {
      return web;
    },
    page,
    traffic,
    notifications,
    pageResponses,
    pageErrors,
    openPage,
    settle,
    advance,
    async restart() {
      // Gone before its host: on the same port, the old page would reconnect to the next host.
      await page.goto('about:blank');
      await web.close();
      web = await startHost();
      await openPage();
    },
    async screenshot(name) {
      if (!VISUAL_RUN) return;
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
    },
    async axe(name) {
      if (!VISUAL_RUN) return;
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      // The message names each rule, its help and the offending elements, instead of a diff of raw HTML.
      expect(
        results.violations.length,
        `axe found violations on "${name}":\n${describeViolations(results.violations)}\n`,
      ).toBe(0);
    },
    async close() {
      page.off('pageerror', onPageError);
      page.off('response', onResponse);
      await releaseTab(page);
      await web.close();
      await server.close();
      if (options.stateDir === undefined) fs.rmSync(stateDir, { recursive: true, force: true });
      expect(pageErrors, 'uncaught errors in the page').toEqual([]);
    },
  };
}
