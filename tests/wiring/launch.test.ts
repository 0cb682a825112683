/**
 * When the window opens by itself: a first run, no key, a start by the user — not a start at login —
 * and always where the desktop has no tray.
 */
import { describe, expect, it } from 'vitest';
import { AUTOSTART_FILE_NAME } from '../../src/main/core/loginItem/linuxAutostart';
import { app, standInEvent } from './support/electronStandIn';
import { appControl, calls, notifications, trays } from './support/wiredApp';
import { API_KEY, returningProfile, wiringSuite } from './support/wiringSuite';

const suite = wiringSuite();

describe('the window at launch', () => {
  it('opens on a first run', async () => {
    const wired = await suite.launch({ apiKey: API_KEY });
    await wired.started();
    await expect.poll(() => wired.window()?.visible).toBe(true);
  });

  it('opens whenever no key is set, even at login', async () => {
    const wired = await suite.launch({ profile: returningProfile(), args: ['--hidden'] });
    await wired.started();
    await expect.poll(() => wired.window()?.visible).toBe(true);
  });

  it('opens when the user starts the app again, with a key set', async () => {
    const wired = await suite.launch({ profile: returningProfile(), apiKey: API_KEY });
    await wired.started();
    await expect.poll(() => wired.window()?.visible).toBe(true);
  });

  it('stays in the tray when started at login (--hidden; macOS: wasOpenedAtLogin)', async () => {
    let wired = await suite.launch({ profile: returningProfile(), apiKey: API_KEY, args: ['--hidden'] });
    await wired.started();
    expect(wired.window()).toBeUndefined();

    wired = await suite.launch({
      profile: returningProfile(),
      apiKey: API_KEY,
      platform: 'darwin',
      openedAtLogin: true,
    });
    await wired.started();
    expect(wired.window()).toBeUndefined();
  });

  it('macOS 13+: stays in the menu bar at log-in though macOS says wasOpenedAtLogin false there', async () => {
    // Launch at login was turned on in an earlier run.
    const first = await suite.launch({ profile: returningProfile(), apiKey: API_KEY, desktop: 'macos' });
    await first.started();
    await first.invoke('updateSettings', { launchAtLogin: true });
    await first.quit();

    // The log-in start: no arguments, and wasOpenedAtLogin false (SMAppService login item, FB10207829).
    const atLogin = await suite.launch({ profile: first.profile, apiKey: API_KEY, desktop: 'macos' });
    await atLogin.started();
    expect(atLogin.window()).toBeUndefined();
    // Opened again by the user (Finder, Dock, Spotlight: 'activate' to the running app): the window opens.
    app.emit('activate', standInEvent(), false);
    await expect.poll(() => atLogin.window()?.visible).toBe(true);
  });

  it('registers the login item and the autostart entry with --hidden', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    for (const platform of ['linux', 'win32'] as const) {
      const wired = await suite.launch({
        profile: returningProfile(),
        apiKey: API_KEY,
        platform,
        packaged: true,
      });
      await wired.started();
      await wired.invoke('updateSettings', { launchAtLogin: true });
      if (platform === 'win32') {
        expect(appControl.loginItemSettings.at(-1)).toEqual({ openAtLogin: true, args: ['--hidden'] });
      } else {
        const entry = path.join(wired.profile, 'config', 'autostart', AUTOSTART_FILE_NAME);
        await expect.poll(() => readFileSync(entry, 'utf8')).toMatch(/^Exec=\S+ --hidden$/mu);
      }
    }
  });

  it('stock GNOME (no tray icon shown, though Electron makes one): opens the window even at login, and closing it minimises', async () => {
    const wired = await suite.launch({
      profile: returningProfile(),
      apiKey: API_KEY,
      args: ['--hidden'],
      desktop: 'gnome',
    });
    await wired.started();
    const window = wired.window();
    await expect.poll(() => window?.visible).toBe(true);
    window?.close();
    expect(window?.destroyed).toBe(false);
    expect(window?.minimized).toBe(true);
    expect(trays.every((tray) => !tray.shown)).toBe(true);
    // Nothing tells the user to look for an icon that is not there.
    expect(notifications.map((shown) => shown.title)).not.toContain('CAMB Watch is still watching');
  });

  it('with a tray: closing hides the window and says once how to bring it back', async () => {
    const wired = await suite.launch({ apiKey: API_KEY });
    await wired.started();
    const window = wired.window();
    await expect.poll(() => window?.visible).toBe(true);
    window?.close();
    expect(window?.visible).toBe(false);
    const told = () => notifications.filter((shown) => shown.title === 'CAMB Watch is still watching');
    expect(told()).toHaveLength(1);
    wired.tray().menu?.click('Open CAMB Watch');
    expect(window?.visible).toBe(true);
    window?.close();
    expect(told()).toHaveLength(1);
    expect(calls).not.toContain('app.quit');
  });
});
