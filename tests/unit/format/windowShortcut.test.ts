import { describe, expect, it } from 'vitest';
import {
  shortcutLabel,
  shortcutUnavailableMessage,
  WINDOW_SHORTCUTS,
} from '../../../src/shared/windowShortcut';

describe('window shortcuts, as the keyboard names them', () => {
  it.each([
    ['CommandOrControl+Alt+C', 'Ctrl+Alt+C', '⌥⌘C'],
    ['CommandOrControl+Alt+W', 'Ctrl+Alt+W', '⌥⌘W'],
    ['CommandOrControl+Shift+Y', 'Ctrl+Shift+Y', '⇧⌘Y'],
  ] as const)('%s reads %s, or %s on a Mac', (shortcut, elsewhere, mac) => {
    expect(shortcutLabel(shortcut, false)).toBe(elsewhere);
    expect(shortcutLabel(shortcut, true)).toBe(mac);
  });

  it('every choice has a label of its own', () => {
    for (const mac of [false, true])
      expect(new Set(WINDOW_SHORTCUTS.map((shortcut) => shortcutLabel(shortcut, mac))).size).toBe(
        WINDOW_SHORTCUTS.length,
      );
  });

  it('a taken shortcut is told in words, with the keys as this system names them', () => {
    expect(shortcutUnavailableMessage('CommandOrControl+Alt+C', true)).toBe(
      '⌥⌘C is already used by another app or by the system, so CAMB Watch cannot use it. Choose another shortcut.',
    );
  });
});
