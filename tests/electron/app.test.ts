/**
 * The desktop app itself, through Playwright's `_electron`: the built app (`npx electron-vite build`)
 * against the fake CAMB server, on a throw-away profile. The tray cannot be clicked from here, so the app
 * is started with `--show` (open the window) and `--watch` / a deep link (add a task), as a user can;
 * the tray's state is read through the one test hook, CAMB_WATCH_E2E=1 (see src/main/shell/e2eHooks.ts).
 *
 * Where the Electron binary is absent the suite is skipped and says so (electronAvailability.ts): it
 * never passes silently; CI, where the binary must be there, sets CAMB_WATCH_REQUIRE_ELECTRON=1 and the
 * suite fails instead. The packaged app, whose fuses forbid Playwright's way in, is packaged.test.ts.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E2eHooks } from '../../src/main/shell/e2eHooks';
import type { CambWatchBridge } from '../../src/shared/contract';
import { startFakeCambServer, step, type FakeCambServer } from '../../tools/fakeCamb/fakeCambServer';
import {
  electronBinaryPath,
  electronExecutable,
  electronRequired,
  reportElectronUnavailable,
} from './electronAvailability';
import {
  expectCleanLoadOverAppScheme,
  waitForBridge,
  waitForTaskStatus,
  watchPageHealth,
  type PageHealth,
} from './pageHealth';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
const API_KEY = 'camb-watch-electron-suite-key-4Fq8Lm2Zx7';
const FROM_LINK = { id: randomUUID(), label: 'Intro from a link' };
const FROM_WINDOW = { id: randomUUID(), label: 'Chapter added in the window' };
const NOTIFIED = { id: randomUUID(), label: 'Episode that notifies' };
const FROM_SECOND_LINK = { id: randomUUID(), label: 'Trailer from a link while running' };

/** The main process's global, as the functions Playwright runs there see it. */
type MainGlobal = {
  readonly __cambWatchE2E?: E2eHooks;
  /** Every Notification the app has shown since recordNotifications(). */
  __cambWatchShown?: Electron.Notification[];
};

/** The page's global, as seen from the functions Playwright runs in it (this project has no DOM types). */
type PageGlobal = {
  readonly cambWatch: CambWatchBridge;
  readonly require?: unknown;
  readonly process?: unknown;
};

let server: FakeCambServer;
let profile: string;
let app: ElectronApplication;
let page: Page;
let health: PageHealth;

/** The app's environment: its own profile, the fake CAMB server, a key, the tray hook. */
function appEnv(): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    // Linux under xvfb-run has no panel, so the app would rightly see no tray (no StatusNotifierWatcher on
    // the bus: src/main/core/window/trayDesktop.ts) and open its window at every start. These cases are
    // about a desktop with a tray: Xfce on X11, whose panel shows Electron's icon even without a watcher.
    ...(process.platform === 'linux' ? { XDG_CURRENT_DESKTOP: 'XFCE', XDG_SESSION_TYPE: 'x11' } : {}),
    CAMB_WATCH_USER_DATA: profile,
    CAMB_API_BASE: server.baseUrl,
    CAMB_API_KEY: API_KEY,
    CAMB_WATCH_E2E: '1',
  };
}

/** Starts the app as a person would, with these arguments (no window is waited for). */
async function start(binary: string, args: readonly string[]): Promise<void> {
  app = await _electron.launch({
    executablePath: binary,
    args: [PROJECT_ROOT, ...args],
    cwd: PROJECT_ROOT,
    env: appEnv(),
  });
}

/** Starts the app with its window open (`--show`) and waits for the page to reach the bridge. */
async function launch(binary: string, extraArgs: readonly string[]): Promise<void> {
  await start(binary, ['--show', ...extraArgs]);
  page = await app.firstWindow();
  health = watchPageHealth(page);
  await waitForBridge(page);
}

async function statusOf(taskId: string): Promise<string | null> {
  return page.evaluate(async (id) => {
    const { tasks } = await (globalThis as unknown as PageGlobal).cambWatch.listTasks();
    return tasks.find((task) => task.taskId === id)?.status ?? null;
  }, taskId);
}

const waitForStatus = (taskId: string, status: string) => waitForTaskStatus(page, taskId, status);

const readTray = () =>
  app.evaluate(() => (globalThis as unknown as MainGlobal).__cambWatchE2E?.tray() ?? null);

/**
 * From now on every Notification the app shows is kept where the test can reach it: Notification.show is
 * wrapped in the main process and still shows the real notification. A click on the toast itself cannot
 * be made from here; the test emits the `click` event Electron emits for it (Notification docs, "Event:
 * 'click'": "Emitted when the notification is clicked by the user").
 */
function recordNotifications(): Promise<void> {
  return app.evaluate(({ Notification }) => {
    const scope = globalThis as unknown as MainGlobal;
    if (scope.__cambWatchShown !== undefined) return;
    const shown: Electron.Notification[] = [];
    scope.__cambWatchShown = shown;
    const show = Notification.prototype.show;
    Notification.prototype.show = function (this: Electron.Notification) {
      shown.push(this);
      return show.call(this);
    };
  });
}

/** What the main process is asked again and again until it answers as expected (vitest's default is 1 s). */
const POLL = { timeout: 60_000, interval: 250 };

/** Whether the app holds a visible window. */
const windowVisible = () =>
  app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((window) => window.isVisible()));

/** A link to watch a story, as the CAMB.AI pages (or a person) would write it. */
const watchLink = (task: { id: string; label: string }) =>
  `camb-watch://watch/story/${task.id}?label=${encodeURIComponent(task.label)}`;

/** Each new task finishes on its second check. */
function serveTask(task: { id: string }): void {
  server.addTask('story', task.id, [step.pending({ polls: 1 }), step.success(4242)]);
}

/** The suite, as a table: its size is the count reported when Electron is missing. */
const cases: Record<string, () => Promise<void>> = {
  'opens its window on app://camb-watch with only the bridge exposed, under a strict CSP': async () => {
    expect(page.url()).toMatch(/^app:\/\/camb-watch\//u);
    const exposed = await page.evaluate(() => {
      const scope = globalThis as unknown as PageGlobal;
      return {
        bridge: Object.keys(scope.cambWatch),
        node: typeof scope.require,
        process: typeof scope.process,
      };
    });
    expect(exposed.bridge).toContain('addTask');
    expect(exposed.bridge).toContain('onTaskChanged');
    expect(exposed.bridge).not.toContain('ipcRenderer');
    expect(exposed.node).toBe('undefined');
    expect(exposed.process).toBe('undefined');
    const csp = await page.evaluate(async () =>
      (await fetch('/index.html')).headers.get('content-security-policy'),
    );
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
  },

  'loads the page, its lazy Insights chunk and its styles over app:// with no console error or CSP violation':
    async () => {
      await expectCleanLoadOverAppScheme(page, health);
      await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Tasks' }).click();
    },

  'watches the task named by a camb-watch:// link at start until it succeeds': async () => {
    await waitForStatus(FROM_LINK.id, 'SUCCESS');
    await page.getByText(FROM_LINK.label).first().waitFor();
  },

  'adds a task through the window and sees it finish': async () => {
    await page.getByLabel('Task id').fill(FROM_WINDOW.id);
    await page.getByLabel('Label (optional)').fill(FROM_WINDOW.label);
    await page.getByRole('button', { name: 'Watch', exact: true }).click();
    await page.getByText(FROM_WINDOW.label).first().waitFor();
    await waitForStatus(FROM_WINDOW.id, 'SUCCESS');
  },

  'shows in the tray that every job has finished': async () => {
    const tray = await readTray();
    expect(tray).toEqual({ tooltip: 'CAMB Watch — all jobs finished', title: '', icon: 'idle' });
  },

  'has a tray icon, placed on the screen where the desktop says where (macOS, Windows)': async () => {
    // The hook exists only where a Tray was made (startApp: installE2eHooks when tray !== null).
    const bounds = await app.evaluate(() =>
      (globalThis as unknown as MainGlobal).__cambWatchE2E?.trayBounds(),
    );
    expect(bounds).toBeDefined();
    // Electron's Tray.getBounds is macOS and Windows only; Linux reports nothing to place it by.
    if (process.platform !== 'linux') expect(bounds?.width).toBeGreaterThan(0);
  },

  'notifies when a job finishes, and a click on the notification opens that task': async () => {
    await recordNotifications();
    serveTask(NOTIFIED);
    // Hidden first: the click must be what brings the window back.
    await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().forEach((window) => window.hide()),
    );
    await page.evaluate(
      ({ id, label }) =>
        (globalThis as unknown as PageGlobal).cambWatch.addTask({ kind: 'story', taskId: id, label }),
      NOTIFIED,
    );
    await waitForStatus(NOTIFIED.id, 'SUCCESS');
    await expect
      .poll(
        () =>
          app.evaluate(
            (_electron, label) =>
              ((globalThis as unknown as MainGlobal).__cambWatchShown ?? []).filter((shown) =>
                `${shown.title} ${shown.body}`.includes(label),
              ).length,
            NOTIFIED.label,
          ),
        POLL,
      )
      .toBe(1);
    expect(await windowVisible()).toBe(false);
    await app.evaluate((_electron, label) => {
      const shown = (globalThis as unknown as MainGlobal).__cambWatchShown ?? [];
      shown
        .find((notification) => `${notification.title} ${notification.body}`.includes(label))
        ?.emit('click');
    }, NOTIFIED.label);
    await expect.poll(windowVisible, POLL).toBe(true);
    await page.getByRole('heading', { level: 2, name: NOTIFIED.label }).waitFor();
  },

  'hands a camb-watch:// link opened while it runs to the running app, and the second start ends':
    async () => {
      serveTask(FROM_SECOND_LINK);
      // What the desktop does with a link: start the app again with it; the single-instance lock passes it on.
      const second = spawn(binary as string, [PROJECT_ROOT, watchLink(FROM_SECOND_LINK)], {
        cwd: PROJECT_ROOT,
        env: appEnv(),
        stdio: 'ignore',
      });
      const [code] = (await once(second, 'exit')) as [number | null];
      expect(code).toBe(0);
      await waitForStatus(FROM_SECOND_LINK.id, 'SUCCESS');
      await page.getByText(FROM_SECOND_LINK.label).first().waitFor();
      expect(app.process().exitCode).toBeNull();
    },

  'keeps the watch list across a restart on the same profile': async () => {
    await app.close();
    await launch(binary as string, []);
    expect(await statusOf(FROM_LINK.id)).toBe('SUCCESS');
    expect(await statusOf(FROM_WINDOW.id)).toBe('SUCCESS');
    expect(await statusOf(FROM_SECOND_LINK.id)).toBe('SUCCESS');
  },

  'started at log-in (--hidden, with a key and a tray), shows only its tray icon': async () => {
    await app.close();
    // The autostart entry's and Windows login item's argument (STARTED_AT_LOGIN_ARGUMENT); not --show.
    await start(binary as string, ['--hidden']);
    // Started once the tray has left "starting" and shows the finished jobs.
    await expect
      .poll(readTray, POLL)
      .toEqual({ tooltip: 'CAMB Watch — all jobs finished', title: '', icon: 'idle' });
    expect(await windowVisible()).toBe(false);
  },
};

const found = electronBinaryPath();
const binary = found === null ? null : electronExecutable(found);
const why =
  found === null ? undefined : 'No display to run Electron in: install xvfb (for xvfb-run) or set DISPLAY.';
if (binary === null && !electronRequired()) reportElectronUnavailable(Object.keys(cases).length, why);

describe.skipIf(binary === null && !electronRequired())('the Electron app', () => {
  beforeAll(async () => {
    if (binary === null)
      throw new Error(
        `CAMB_WATCH_REQUIRE_ELECTRON=1, but ${why ?? "the Electron binary is missing: npm's download of it failed"}.`,
      );
    if (!existsSync(path.join(PROJECT_ROOT, 'out', 'main', 'index.js')))
      throw new Error('The app is not built: run `npx electron-vite build` first.');
    server = await startFakeCambServer({ apiKey: API_KEY });
    for (const task of [FROM_LINK, FROM_WINDOW]) serveTask(task);
    profile = mkdtempSync(path.join(tmpdir(), 'camb-watch-electron-'));
    // A link that starts the app (it was not running).
    await launch(binary, [watchLink(FROM_LINK)]);
  });

  afterAll(async () => {
    await app?.close();
    await server?.close();
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  });

  for (const [name, run] of Object.entries(cases)) it(name, run);
});
