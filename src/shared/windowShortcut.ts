import { z } from 'zod';

/**
 * The keyboard shortcuts that can show and hide the window from any app (Electron accelerators). A short
 * list rather than free typing: each is one the app can name in words on every system, and when another
 * app holds one, the next is a click away.
 */
export const WINDOW_SHORTCUTS = [
  'CommandOrControl+Alt+C',
  'CommandOrControl+Alt+W',
  'CommandOrControl+Shift+Y',
] as const;

export const windowShortcutSchema = z.enum(WINDOW_SHORTCUTS);

export type WindowShortcut = z.infer<typeof windowShortcutSchema>;

const MAC_KEYS: Readonly<Record<string, string>> = {
  CommandOrControl: '⌘',
  Alt: '⌥',
  Shift: '⇧',
};
const OTHER_KEYS: Readonly<Record<string, string>> = { CommandOrControl: 'Ctrl' };

/** As the keyboard shows it: ⌥⌘C on a Mac (Apple's order), Ctrl+Alt+C elsewhere. Any accelerator reads. */
export function shortcutLabel(shortcut: string, mac: boolean): string {
  const keys = shortcut.split('+');
  if (!mac) return keys.map((key) => OTHER_KEYS[key] ?? key).join('+');
  const order = ['Alt', 'Shift', 'CommandOrControl'];
  const modifiers = keys.slice(0, -1).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return [...modifiers.map((key) => MAC_KEYS[key] ?? key), keys.at(-1)].join('');
}

/** Why a shortcut could not be claimed: the system or another app holds it (the OS does not say which). */
export function shortcutUnavailableMessage(shortcut: WindowShortcut, mac: boolean): string {
  return `${shortcutLabel(shortcut, mac)} is already used by another app or by the system, so CAMB Watch cannot use it. Choose another shortcut.`;
}
