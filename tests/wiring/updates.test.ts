/**
 * Updates: a development run never loads electron-updater and says why there are none; a packaged copy
 * that can update checks through it (tests/wiring/support/updaterStandIn.ts keeps electron-updater's own
 * timing), installs a downloaded version on "Restart to update" or on the user's Quit, and never while
 * the session ends (log-off, shutdown); a check the server never answers is given up and the next runs.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEVELOPMENT_RUN_REASON, RELEASES_PAGE_URL } from '../../src/main/core/updates/updateAvailability';
import { UPDATER_SILENCE_LIMIT_MS } from '../../src/main/core/updates/updateController';
import { appControl, openedLinks, powerMonitor, standInEvent, windows } from './support/electronStandIn';
import { updaterControl, updaterModuleStandIn } from './support/updaterStandIn';
import { API_KEY, returningProfile, wiringSuite } from './support/wiringSuite';
import type { WiredApp } from './support/wiredApp';

const suite = wiringSuite();
afterEach(() => {
  vi.useRealTimers();
});

type Envelope<T> = { ok: boolean; value: T };
type Outcome = Envelope<{ ok: boolean; message: string }>;

/**
 * What electron-builder leaves beside app.asar in a build that can update; on macOS, build/afterPack.mjs's
 * marker of a Developer ID signature (`codeSigning`), or of an ad hoc one.
 */
function updatableResources(codeSigning: CodeSigningMarker): string {
  const resources = mkdtempSync(path.join(tmpdir(), 'camb-wiring-resources-'));
  writeFileSync(path.join(resources, 'app-update.yml'), 'provider: github\n');
  const marker = path.join(resources, 'code-signing');
  if (codeSigning === 'a folder') mkdirSync(marker);
  else if (codeSigning !== 'missing') writeFileSync(marker, codeSigning);
  return resources;
}
/** The marker as afterPack writes it, or damaged: missing, empty, garbled, a folder where the file was. */
type CodeSigningMarker = 'developer-id\n' | 'ad-hoc\n' | 'missing' | '' | '\u0000developer-id' | 'a folder';

function launchPackaged(
  platform: NodeJS.Platform,
  codeSigning: CodeSigningMarker = 'developer-id\n',
): Promise<WiredApp> {
  return suite.launch({
    profile: returningProfile(),
    apiKey: API_KEY,
    args: ['--hidden'],
    platform,
    packaged: true,
    resourcesPath: updatableResources(codeSigning),
    env: platform === 'linux' ? { APPIMAGE: '/home/ana/Apps/CAMB-Watch.AppImage' } : {},
  });
}

const updateState = async (wired: WiredApp) =>
  ((await wired.invoke('getSnapshot', {})) as Envelope<{ updates: unknown }>).value.updates;
const checkNow = async (wired: WiredApp) => ((await wired.invoke('checkForUpdatesNow', {})) as Outcome).value;

/** The tray's menu as the user opens it: macOS pops it up on right-click, elsewhere it is the context menu. */
function trayMenu(wired: WiredApp) {
  const tray = wired.tray();
  if (process.platform !== 'darwin') return tray.menu;
  tray.emit('right-click', standInEvent());
  return tray.poppedUp;
}

/** A packaged app that has found and downloaded version 9.9.9. */
async function withUpdateDownloaded(platform: NodeJS.Platform): Promise<WiredApp> {
  const wired = await launchPackaged(platform);
  await wired.started();
  updaterControl.offered = '9.9.9';
  expect(await checkNow(wired)).toMatchObject({ ok: true });
  await expect.poll(() => trayMenu(wired)?.labels).toContain('Restart to update (9.9.9)');
  return wired;
}

/** Windows' hidden window that hears the session end (sessionEnd.ts). */
const sessionListener = () => windows.find((window) => window.options.focusable === false);

describe('updates', () => {
  it('in a development run: electron-updater is never loaded, and the window is told why', async () => {
    const wired = await suite.launch({ profile: returningProfile(), apiKey: API_KEY, args: ['--hidden'] });
    await wired.started();
    expect(await updateState(wired)).toEqual({ phase: 'unavailable', reason: DEVELOPMENT_RUN_REASON });
    expect(await checkNow(wired)).toEqual({ ok: false, message: DEVELOPMENT_RUN_REASON });
    expect(trayMenu(wired)?.labels.some((label) => label.startsWith('Restart to update'))).toBe(false);
    expect(updaterControl.loaded).toBe(false);
  });

  it.each<CodeSigningMarker>(['ad-hoc\n', 'missing', '', '\u0000developer-id', 'a folder'])(
    'macOS without a Developer ID (marker %j): never loads the updater, says why, and opens the releases page outside',
    async (marker) => {
      const wired = await launchPackaged('darwin', marker);
      await wired.started();
      const state = (await updateState(wired)) as { phase: string; reason: string; releasesUrl: string };
      expect(state).toMatchObject({ phase: 'unavailable', releasesUrl: RELEASES_PAGE_URL });
      expect(state.reason).toMatch(/not signed with an Apple Developer ID/);
      expect(await checkNow(wired)).toEqual({ ok: false, message: state.reason });
      const opened = (await wired.invoke('openExternalLink', { url: state.releasesUrl })) as Outcome;
      expect(opened.value.ok).toBe(true);
      expect(openedLinks).toEqual([RELEASES_PAGE_URL]);
      expect(updaterControl.loaded).toBe(false);
    },
  );

  it('Windows: "Restart to update" runs the installer and starts the app again', async () => {
    const wired = await withUpdateDownloaded('win32');
    expect(updaterControl).toMatchObject({ loaded: true, checks: 1 });
    trayMenu(wired)?.click('Open CAMB Watch');
    await expect.poll(() => wired.window()?.visible).toBe(true);
    const window = wired.window();
    trayMenu(wired)?.click('Restart to update (9.9.9)');
    await expect.poll(() => appControl.exited).toBe(0);
    expect(updaterControl.installs).toEqual([{ trigger: 'quitAndInstall', silent: false, runAfter: true }]);
    // The window closed for good (it only hides on close otherwise), so the quit could go through.
    expect(window?.destroyed).toBe(true);
  });

  it('Windows: the tray Quit installs a downloaded version silently, and the app stays closed', async () => {
    const wired = await withUpdateDownloaded('win32');
    trayMenu(wired)?.click('Quit');
    await expect.poll(() => appControl.exited).toBe(0);
    expect(updaterControl.installs).toEqual([{ trigger: 'quitAndInstall', silent: true, runAfter: false }]);
  });

  it.each([
    ['Windows', 'a log-off (electron-builder #7807)', 'win32'],
    ['macOS', 'a shutdown', 'darwin'],
    ['AppImage', 'a shutdown', 'linux'],
  ] as const)(
    '%s: %s with a version downloaded ends the app and starts no installer',
    async (_system, _end, platform) => {
      await withUpdateDownloaded(platform);
      if (platform === 'win32') sessionListener()?.emit('session-end', standInEvent({ reasons: ['logoff'] }));
      else powerMonitor.emit('shutdown', standInEvent());
      await expect.poll(() => appControl.exited).toBe(0);
      await new Promise((resolve) => setImmediate(resolve));
      expect(updaterControl.installs).toEqual([]);
    },
  );

  it('macOS: the tray Quit installs a downloaded version, without starting the app again', async () => {
    const wired = await withUpdateDownloaded('darwin');
    trayMenu(wired)?.click('Quit');
    await expect.poll(() => appControl.exited).toBe(0);
    expect(updaterControl.installs).toEqual([{ trigger: 'quitAndInstall', silent: false, runAfter: false }]);
  });

  it('a Quit while the update is still downloading ends the app at once and installs nothing', async () => {
    const wired = await launchPackaged('win32');
    await wired.started();
    updaterControl.offered = '9.9.9';
    updaterControl.download = 'held';
    await checkNow(wired);
    await expect
      .poll(() => updateState(wired))
      .toEqual({ phase: 'downloading', version: '9.9.9', percent: 50 });
    trayMenu(wired)?.click('Quit');
    expect(appControl.exited).toBe(0);
    updaterControl.finishDownload();
    await new Promise((resolve) => setImmediate(resolve));
    expect(updaterControl.installs).toEqual([]);
  });

  it('a check the server never answers is given up after the limit, and the next check asks afresh (electron-builder #4618)', async () => {
    const wired = await launchPackaged('win32');
    await wired.started();
    // The app's clock (systemClock) runs on timers: the test moves them on instead of waiting 5 minutes.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    updaterControl.server = 'stalls';
    expect(await checkNow(wired)).toEqual({ ok: true, message: 'Checking for updates…' });
    await vi.advanceTimersByTimeAsync(UPDATER_SILENCE_LIMIT_MS - 1000);
    expect(await checkNow(wired)).toEqual({ ok: false, message: 'Already checking for updates.' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(await updateState(wired)).toEqual({
      phase: 'error',
      message: 'The update server did not answer within 5 minutes. CAMB Watch will try again later.',
    });

    // The server answers again: Check now reaches it (the stalled check is not handed back) and finds 9.9.9.
    const stalled = updaterModuleStandIn.autoUpdater;
    updaterControl.server = 'answers';
    updaterControl.offered = '9.9.9';
    updaterControl.download = 'held';
    expect(await checkNow(wired)).toEqual({ ok: true, message: 'Checking for updates…' });
    await expect
      .poll(() => updateState(wired))
      .toEqual({ phase: 'downloading', version: '9.9.9', percent: 50 });
    expect(updaterControl.checks).toBe(2);
    // The abandoned request fails at last, mid-download: that is not this download's failure.
    stalled.emit('error', new Error('net::ERR_CONNECTION_RESET'));
    expect(await updateState(wired)).toEqual({ phase: 'downloading', version: '9.9.9', percent: 50 });
    updaterControl.finishDownload();
    await expect.poll(() => trayMenu(wired)?.labels).toContain('Restart to update (9.9.9)');
  });
});
