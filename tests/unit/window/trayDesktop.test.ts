import { describe, expect, it } from 'vitest';
import { parseNameHasOwner, trayDesktop } from '../../../src/main/core/window/trayDesktop';

describe('trayDesktop: what the tray offers on each desktop', () => {
  it.each(['darwin', 'win32'] as const)('%s: an icon with tooltips and a popover', (platform) => {
    expect(trayDesktop(platform, {}, null)).toEqual({ iconShown: true, popover: true, tooltips: true });
  });

  it.each([
    // desktop, session, StatusNotifierWatcher on the bus → icon, popover, tooltips
    ['KDE', 'wayland', true, true, false, true],
    ['KDE', 'x11', true, true, true, true],
    ['XFCE', 'x11', true, true, true, true],
    // Without a watcher, XFCE's panel still shows Electron's GtkStatusIcon (XEmbed) on X11.
    ['XFCE', 'x11', false, true, true, true],
    ['ubuntu:GNOME', 'wayland', true, true, false, false],
    ['ubuntu:GNOME', 'x11', true, true, true, false],
    // Stock GNOME: no watcher, no legacy tray: Electron's fallback icon is shown nowhere.
    ['GNOME', 'wayland', false, false, false, false],
    ['GNOME', 'x11', false, false, false, false],
    ['sway', 'wayland', false, false, false, false],
    // Any desktop with a watcher (a tray applet, an extension) shows the icon.
    ['GNOME', 'wayland', true, true, false, false],
  ] as const)(
    'Linux %s (%s), watcher %s: icon %s, popover %s, tooltips %s',
    (desktop, session, watcher, icon, popover, tooltips) => {
      expect(
        trayDesktop('linux', { XDG_CURRENT_DESKTOP: desktop, XDG_SESSION_TYPE: session }, watcher),
      ).toEqual({ iconShown: icon, popover, tooltips });
    },
  );

  it.each([
    ['KDE', true],
    ['X-Cinnamon', true],
    ['ubuntu:GNOME', true],
    ['pop:GNOME', true],
    ['GNOME', false],
    ['GNOME-Classic:GNOME', false],
    ['', false],
    ['sway', false],
  ])('the bus could not be asked: Linux desktop "%s" is guessed to show an icon: %s', (desktop, expected) => {
    expect(trayDesktop('linux', { XDG_CURRENT_DESKTOP: desktop }, null).iconShown).toBe(expected);
  });
});

describe('parseNameHasOwner', () => {
  it.each([
    ['(true,)\n', true],
    ['(false,)\n', false],
    ['method return time=1 sender=org.freedesktop.DBus\n   boolean true\n', true],
    ['   boolean false\n', false],
    ['', null],
    ['Error: GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown', null],
  ])('%j → %s', (output, expected) => {
    expect(parseNameHasOwner(output)).toBe(expected);
  });
});
