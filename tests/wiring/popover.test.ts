/**
 * The window as a tray popover where the desktop has a tray: placed by the icon before it shows, off the
 * taskbar, gone on blur; an ordinary window where there is none; the global shortcut toggles it and is let
 * go of when the app ends.
 */
import { describe, expect, it } from 'vitest';
import { POPOVER_SIZE, popoverBounds } from '../../src/main/core/window/popoverPosition';
import {
  appControl,
  calls,
  effectiveSwitch,
  notifications,
  pressShortcut,
  screenControl,
  shortcuts,
  trayControl,
  type StandInWindow,
} from './support/electronStandIn';
import type { DesktopName } from './support/platformBehaviour';
import { API_KEY, returningProfile, wiringSuite } from './support/wiringSuite';

const suite = wiringSuite();
const SHORTCUT = 'CommandOrControl+Alt+C';

/** A returning user's app, started at login so nothing opens by itself, on this desktop. */
async function startedOn(desktop: DesktopName) {
  const wired = await suite.launch({
    profile: returningProfile(),
    apiKey: API_KEY,
    args: ['--hidden'],
    desktop,
  });
  await wired.started();
  expect(wired.window()).toBeUndefined();
  return wired;
}

/** What the app did to its window, in order. */
const windowCalls = () => calls.filter((call) => call.startsWith('window.'));

async function shown(window: () => StandInWindow | undefined): Promise<StandInWindow> {
  await expect.poll(() => window()?.visible).toBe(true);
  const current = window();
  if (current === undefined) throw new Error('No window');
  return current;
}

describe('the tray popover', () => {
  it('XFCE on X11: a tray click places the window by the icon before showing it; blur hides it', async () => {
    const wired = await startedOn('xfce-x11');
    wired.tray().leftClick();
    const window = await shown(wired.window);

    // Linux cannot say where the icon is: a tray click puts the popover by the pointer, which is on it.
    expect(window.bounds).toEqual(
      popoverBounds({
        size: POPOVER_SIZE,
        trayBounds: { x: 0, y: 0, width: 0, height: 0 },
        cursor: screenControl.cursor,
        trigger: 'tray',
        displays: screenControl.displays,
      }),
    );
    expect(windowCalls().filter((call) => call !== 'window.setSkipTaskbar')).toEqual([
      'window.setBounds',
      'window.show',
    ]);
    // Electron cannot take a window off the taskbar on Linux (setSkipTaskbar is macOS and Windows only).
    expect(window.onTaskbar).toBe(true);

    window.loseFocus();
    expect(window.visible).toBe(false);
    // The click on the icon that took the focus away must not bring it straight back.
    wired.tray().leftClick();
    expect(window.visible).toBe(false);
  });

  it('Windows: opens above the icon the tray reports, inside the work area', async () => {
    const wired = await startedOn('windows');
    trayControl.bounds = { x: 1850, y: 1048, width: 24, height: 24 };
    wired.tray().leftClick();
    const window = await shown(wired.window);
    expect(window.bounds).toEqual({
      x: 1500,
      y: 400,
      width: POPOVER_SIZE.width,
      height: POPOVER_SIZE.height,
    });
    expect(window.onTaskbar).toBe(false);
  });

  it('KDE Plasma on Wayland (no placing, no focusing): an ordinary window, on the taskbar, that stays on blur', async () => {
    const wired = await startedOn('kde-wayland');
    wired.tray().leftClick();
    const window = await shown(wired.window);
    expect(windowCalls()).not.toContain('window.setBounds');
    expect(window.onTaskbar).toBe(true);
    window.loseFocus();
    expect(window.visible).toBe(true);
    // A tray click brings it back in front: the compositor may refuse the focus, so it is not toggled away.
    wired.tray().leftClick();
    expect(window.visible).toBe(true);
  });
});

describe('the window shortcut', () => {
  it('is claimed when chosen, toggles the window, is claimed again at the next start and let go of at quit', async () => {
    let wired = await startedOn('xfce-x11');
    // Wayland hands global shortcuts out only through the desktop portal, which Chromium uses when asked.
    expect(appControl.switches).toContain('enable-features=GlobalShortcutsPortal');
    expect(await wired.invoke('setWindowShortcut', { shortcut: SHORTCUT })).toEqual({
      ok: true,
      value: { ok: true, message: 'Shortcut saved.' },
    });
    expect([...shortcuts.keys()]).toEqual([SHORTCUT]);

    pressShortcut(SHORTCUT);
    const window = await shown(wired.window);
    pressShortcut(SHORTCUT);
    expect(window.visible).toBe(false);
    pressShortcut(SHORTCUT);
    expect(window.visible).toBe(true);

    const { profile } = wired;
    await wired.quit();
    expect(appControl.exited).toBe(0);
    expect(shortcuts.size).toBe(0);

    wired = await suite.launch({ profile, apiKey: API_KEY, args: ['--hidden'] });
    await wired.started();
    expect([...shortcuts.keys()]).toEqual([SHORTCUT]);
  });

  it('keeps the user’s own --enable-features (Chromium reads only one) and adds the portal to it', async () => {
    const wired = await suite.launch({
      profile: returningProfile(),
      apiKey: API_KEY,
      args: ['--hidden', '--enable-features=VaapiVideoDecoder,WaylandWindowDecorations'],
      desktop: 'kde-wayland',
    });
    await wired.started();
    expect(effectiveSwitch('enable-features')).toBe(
      'VaapiVideoDecoder,WaylandWindowDecorations,GlobalShortcutsPortal',
    );
  });

  it('is off by default (it would take keys from other apps), and choosing None lets it go', async () => {
    const wired = await startedOn('xfce-x11');
    expect(shortcuts.size).toBe(0);
    const settings = (await wired.invoke('getSettings', {})) as { value: { windowShortcut: unknown } };
    expect(settings.value.windowShortcut).toBeNull();

    await wired.invoke('setWindowShortcut', { shortcut: SHORTCUT });
    expect([...shortcuts.keys()]).toEqual([SHORTCUT]);
    await wired.invoke('setWindowShortcut', { shortcut: null });
    expect(shortcuts.size).toBe(0);
    await wired.quit();
  });

  it('held by another app at start: turned off, and the user is told', async () => {
    const wired = await startedOn('xfce-x11');
    await wired.invoke('setWindowShortcut', { shortcut: SHORTCUT });
    const { profile } = wired;
    await wired.quit();

    const restarted = await suite.launch({
      profile,
      apiKey: API_KEY,
      args: ['--hidden'],
      takenShortcuts: [SHORTCUT],
    });
    await restarted.started();
    expect(shortcuts.size).toBe(0);
    expect(notifications.map((shown) => shown.title)).toContain('Keyboard shortcut turned off');
    const settings = (await restarted.invoke('getSettings', {})) as { value: { windowShortcut: unknown } };
    expect(settings.value.windowShortcut).toBeNull();
  });
});
