import { describe, expect, it } from 'vitest';
import { desktopHasTray } from '../../../src/main/core/window/trayDesktop';

describe('desktopHasTray: a popover only where a tray icon can bring it back', () => {
  it.each(['darwin', 'win32'] as const)('%s always has one', (platform) => {
    expect(desktopHasTray(platform, {})).toBe(true);
  });

  it.each([
    ['KDE', true],
    ['XFCE', true],
    ['X-Cinnamon', true],
    ['ubuntu:GNOME', true],
    ['pop:GNOME', true],
    ['GNOME', false],
    ['GNOME-Classic:GNOME', false],
    ['', false],
    ['sway', false],
  ])('Linux desktop "%s": %s', (desktop, expected) => {
    expect(desktopHasTray('linux', { XDG_CURRENT_DESKTOP: desktop })).toBe(expected);
  });

  it('Linux without XDG_CURRENT_DESKTOP: an ordinary window', () => {
    expect(desktopHasTray('linux', {})).toBe(false);
  });
});
