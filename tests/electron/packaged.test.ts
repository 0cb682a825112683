/**
 * The packaged app, as electron-builder made it (`npm run package:<os>`), with its fuses on: CI's package
 * job points CAMB_WATCH_PACKAGED_APP at the executable in dist/<os>-unpacked (or the .app's) and runs this
 * file. The fuses turn off Node's --inspect, which Playwright's _electron.launch needs (Playwright's
 * Electron docs, "Known issues"), so the app is started as a person would and reached over Chromium's
 * DevTools protocol (--remote-debugging-port, a Chromium switch no fuse governs) with connectOverCDP.
 *
 * Without CAMB_WATCH_PACKAGED_APP the file reports its tests "not run", never passed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuseConfig } from '../../build/afterPack.mjs';
import type { CambWatchBridge } from '../../src/shared/contract';
import { startFakeCambServer, step, type FakeCambServer } from '../../tools/fakeCamb/fakeCambServer';
import { electronExecutable } from './electronAvailability';
import {
  expectCleanLoadOverAppScheme,
  waitForBridge,
  waitForTaskStatus,
  watchPageHealth,
  type PageHealth,
} from './pageHealth';

const API_KEY = 'camb-watch-packaged-suite-key-9Tq2Wd5Rv1';
const TASK = { id: randomUUID(), label: 'Packaged app check' };

type PageGlobal = { readonly cambWatch: CambWatchBridge };

const executable = process.env['CAMB_WATCH_PACKAGED_APP'] ?? '';

/** The packaged app's resources folder: beside the executable, or Contents/Resources in a macOS .app. */
function resourcesDir(binary: string): string {
  return process.platform === 'darwin'
    ? path.resolve(binary, '..', '..', 'Resources')
    : path.join(path.dirname(binary), 'resources');
}

let server: FakeCambServer;
let profile: string;
let child: ChildProcess;
let browser: Browser;
let page: Page;
let health: PageHealth;

/** Starts the app with the DevTools protocol on a free port and resolves with the address it prints. */
async function startPackagedApp(binary: string): Promise<string> {
  child = spawn(binary, ['--show', '--remote-debugging-port=0'], {
    env: {
      ...process.env,
      CAMB_WATCH_USER_DATA: profile,
      CAMB_API_BASE: server.baseUrl,
      CAMB_API_KEY: API_KEY,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
      // Chromium's DevToolsHttpHandler prints this line once it listens.
      const address = /DevTools listening on (ws:\/\/\S+)/u.exec(stderr)?.[1];
      if (address !== undefined) resolve(address);
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`The packaged app ended before it started (${code ?? signal}):\n${stderr}`)),
    );
  });
}

const cases: Record<string, () => Promise<void>> = {
  'has the fuses afterPack flips: no RunAsNode, no --inspect, no NODE_OPTIONS, asar only and checked':
    async () => {
      const wanted = fuseConfig(process.platform) as unknown as Record<string, unknown>;
      const wire = (await getCurrentFuseWire(executable)) as unknown as Record<string, FuseState>;
      for (const option of Object.values(FuseV1Options).filter((value) => typeof value === 'number')) {
        const want = wanted[String(option)];
        if (typeof want !== 'boolean') continue;
        expect([FuseV1Options[option], wire[String(option)]]).toEqual([
          FuseV1Options[option],
          want ? FuseState.ENABLE : FuseState.DISABLE,
        ]);
      }
      expect(wire[String(FuseV1Options.RunAsNode)]).toBe(FuseState.DISABLE);
    },

  'carries app.asar, and keytar unpacked beside it (Node cannot load a .node file from an archive)':
    async () => {
      const resources = resourcesDir(executable);
      expect(existsSync(path.join(resources, 'app.asar'))).toBe(true);
      expect(
        existsSync(
          path.join(
            resources,
            'app.asar.unpacked',
            'node_modules',
            'keytar',
            'build',
            'Release',
            'keytar.node',
          ),
        ),
      ).toBe(true);
    },

  'starts with its fuses on and opens its window on app://camb-watch': async () => {
    expect(page.url()).toMatch(/^app:\/\/camb-watch\//u);
  },

  'loads the page, its lazy Insights chunk and its styles over app://, under its CSP, with no error':
    async () => {
      await expectCleanLoadOverAppScheme(page, health);
      const csp = await page.evaluate(async () =>
        (await fetch('/index.html')).headers.get('content-security-policy'),
      );
      expect(csp).toContain("script-src 'self'");
    },

  'reaches the OS keychain: keytar loads from app.asar.unpacked': async () => {
    const status = await page.evaluate(() => (globalThis as unknown as PageGlobal).cambWatch.getKeyStatus());
    // Had keytar failed to load, a typed key would go to encrypted app storage, and storeProblem would say why.
    expect(status).toMatchObject({
      present: true,
      where: 'environment',
      storeWhere: 'OS keychain',
      storeProblem: null,
    });
  },

  'watches a task against the server until it succeeds': async () => {
    await page.evaluate(
      ({ id, label }) =>
        (globalThis as unknown as PageGlobal).cambWatch.addTask({ kind: 'story', taskId: id, label }),
      TASK,
    );
    await page.getByText(TASK.label).first().waitFor();
    await waitForTaskStatus(page, TASK.id, 'SUCCESS');
  },
};

const binary = executable === '' ? null : electronExecutable(executable);
const why =
  executable === ''
    ? 'No packaged app to start: CI packages one and sets CAMB_WATCH_PACKAGED_APP to its executable.'
    : 'No display to run the packaged app in: install xvfb (for xvfb-run) or set DISPLAY.';
if (binary === null) console.log(`${why} ${Object.keys(cases).length} packaged-app tests not run.`);

describe.skipIf(binary === null)('the packaged app', () => {
  beforeAll(async () => {
    if (!existsSync(executable))
      throw new Error(`CAMB_WATCH_PACKAGED_APP names ${executable}, which is not there.`);
    server = await startFakeCambServer({ apiKey: API_KEY });
    server.addTask('story', TASK.id, [step.pending({ polls: 1 }), step.success(4242)]);
    profile = mkdtempSync(path.join(tmpdir(), 'camb-watch-packaged-'));
    const address = await startPackagedApp(binary as string);
    browser = await chromium.connectOverCDP(address);
    // Over CDP an Electron app is one default context; its window may not be open yet.
    const context = browser.contexts()[0];
    if (context === undefined) throw new Error('The packaged app offered no browser context over CDP.');
    page = context.pages()[0] ?? (await context.waitForEvent('page'));
    health = watchPageHealth(page);
    await page.waitForURL(/^app:\/\/camb-watch\//u);
    await waitForBridge(page);
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (child !== undefined && child.exitCode === null) {
      const ended = once(child, 'exit');
      child.kill();
      await ended;
    }
    await server?.close();
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  });

  for (const [name, run] of Object.entries(cases)) it(name, run);
});
