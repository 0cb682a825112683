import { app, globalShortcut } from 'electron';
import { shortcutUnavailableMessage, type WindowShortcut } from '../../shared/windowShortcut';
import { mergeFeatureList } from '../core/commandLine';

export interface WindowShortcutKeeper {
  /** Claims `shortcut` (null: none), letting go of the one before only once the new one is held. */
  apply(shortcut: WindowShortcut | null): string | null;
  dispose(): void;
}

/**
 * A Wayland session gives global shortcuts only through the desktop portal, which Chromium uses when
 * asked to (Electron's globalShortcut docs). Before `ready`, like every command-line switch. Chromium keeps
 * one value per switch, the last: the user's own `--enable-features=…` is kept by merging into it.
 */
export function allowShortcutsOnWayland(): void {
  if (process.platform !== 'linux') return;
  const given = app.commandLine.getSwitchValue('enable-features');
  app.commandLine.appendSwitch('enable-features', mergeFeatureList(given, 'GlobalShortcutsPortal'));
}

/** The keyboard shortcut that shows and hides the window from any app, as the setting says. */
export function createWindowShortcut(onPress: () => void): WindowShortcutKeeper {
  let held: WindowShortcut | null = null;
  return {
    apply(shortcut) {
      if (shortcut === held) return null;
      // register() is false when another app or the system holds the keys (it fails silently otherwise).
      if (shortcut !== null && !globalShortcut.register(shortcut, onPress))
        return shortcutUnavailableMessage(shortcut, process.platform === 'darwin');
      if (held !== null) globalShortcut.unregister(held);
      held = shortcut;
      return null;
    },
    dispose() {
      if (held !== null) globalShortcut.unregister(held);
      held = null;
    },
  };
}
