/**
 * The desktop app itself, through Playwright's `_electron`: the built app (`npx electron-vite build`)
 * against the fake CAMB server, on a throw-away profile. The tray cannot be clicked from here, so the app
 * is started with `--show` (open the window) and `--watch` / a deep link (add a task), as a user can;
 * the tray's state is read through the one test hook, CAMB_WATCH_E2E=1 (see src/main/shell/e2eHooks.ts).
 *
 * Where the Electron binary is absent the suite is skipped and says so (electronAvailability.ts): it
 * never passes silently.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CambWatchBridge } from '../../src/shared/contract';
import { startFakeCambServer, step, type FakeCambServer } from '../support/fakeCambServer';
import { electronBinaryPath, electronExecutable, reportElectronUnavailable } from './electronAvailability';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
const API_KEY = 'camb-watch-electron-suite-key-4Fq8Lm2Zx7';
const FROM_LINK = { id: randomUUID(), label: 'Intro from a link' };
const FROM_WINDOW = { id: randomUUID(), label: 'Chapter added in the window' };

/** What the test hook returns (E2eHooks in src/main/shell/e2eHooks.ts). */
interface TrayView {
  readonly tooltip: string;
  readonly title: string;
  readonly icon: 'idle' | 'active' | 'attention' | 'offline';
}

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

async function launch(binary: string, extraArgs: readonly string[]): Promise<void> {
  app = await _electron.launch({
    executablePath: binary,
    args: [PROJECT_ROOT, '--show', ...extraArgs],
    cwd: PROJECT_ROOT,
    env: {
      ...(process.env as Record<string, string>),
      CAMB_WATCH_USER_DATA: profile,
      CAMB_API_BASE: server.baseUrl,
      CAMB_API_KEY: API_KEY,
      CAMB_WATCH_E2E: '1',
    },
  });
  page = await app.firstWindow();
  await page.waitForFunction(
    () => typeof (globalThis as unknown as Partial<PageGlobal>).cambWatch?.getSnapshot === 'function',
  );
}

async function statusOf(taskId: string): Promise<string | null> {
  return page.evaluate(async (id) => {
    const { tasks } = await (globalThis as unknown as PageGlobal).cambWatch.listTasks();
    return tasks.find((task) => task.taskId === id)?.status ?? null;
  }, taskId);
}

async function waitForStatus(taskId: string, status: string): Promise<void> {
  await page.waitForFunction(
    async ([id, wanted]) => {
      const { tasks } = await (globalThis as unknown as PageGlobal).cambWatch.listTasks();
      return tasks.some((task) => task.taskId === id && task.status === wanted);
    },
    [taskId, status] as const,
    { polling: 250 },
  );
}

const readTray = () =>
  app.evaluate(() =>
    (globalThis as unknown as { __cambWatchE2E: { tray(): TrayView } }).__cambWatchE2E.tray(),
  );

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

  'keeps the watch list across a restart on the same profile': async () => {
    await app.close();
    await launch(binary as string, []);
    expect(await statusOf(FROM_LINK.id)).toBe('SUCCESS');
    expect(await statusOf(FROM_WINDOW.id)).toBe('SUCCESS');
  },
};

const found = electronBinaryPath();
const binary = found === null ? null : electronExecutable(found);
if (binary === null)
  reportElectronUnavailable(
    Object.keys(cases).length,
    found === null ? undefined : 'No display to run Electron in: install xvfb (for xvfb-run) or set DISPLAY.',
  );

describe.skipIf(binary === null)('the Electron app', () => {
  beforeAll(async () => {
    if (!existsSync(path.join(PROJECT_ROOT, 'out', 'main', 'index.js')))
      throw new Error('The app is not built: run `npx electron-vite build` first.');
    server = await startFakeCambServer({ apiKey: API_KEY });
    // One pending answer, then success: each task finishes on its second check.
    for (const task of [FROM_LINK, FROM_WINDOW])
      server.addTask('story', task.id, [step.pending({ polls: 1 }), step.success(4242)]);
    profile = mkdtempSync(path.join(tmpdir(), 'camb-watch-electron-'));
    const link = `camb-watch://watch/story/${FROM_LINK.id}?label=${encodeURIComponent(FROM_LINK.label)}`;
    await launch(binary as string, [link]);
  });

  afterAll(async () => {
    await app?.close();
    await server?.close();
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  });

  for (const [name, run] of Object.entries(cases)) it(name, run);
});
