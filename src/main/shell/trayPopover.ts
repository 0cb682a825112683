import { screen, type BrowserWindow } from 'electron';
import { POPOVER_SIZE, popoverBounds } from '../core/window';
import type { Rectangle } from '../core/window';
import type { MainWindow } from './mainWindow';

/** Clicking the tray icon takes the focus first: the blur that hid the popover must not reopen it. */
const CLICK_AFTER_BLUR_MS = 300;

/** Electron cannot read the pointer's position under Wayland (screen.getCursorScreenPoint). */
const cursorReadable = !(process.platform === 'linux' && process.env['XDG_SESSION_TYPE'] === 'wayland');

export interface TrayPopover {
  /** Whether the window is a popover (the desktop has a tray) or an ordinary window. */
  readonly enabled: boolean;
  /** For createMainWindow: places a popover by the tray before each showing; undefined otherwise. */
  readonly place: ((window: BrowserWindow) => void) | undefined;
  /** For createMainWindow's onCreated: off the taskbar, small, hidden when it loses the focus. */
  adopt(window: BrowserWindow): void;
  /** The window and the tray icon to anchor to, once both exist. */
  attach(window: MainWindow, tray: { bounds(): Rectangle }): void;
  /** A tray click or the shortcut: shows the window, or hides it when it is in front. */
  toggle(from: 'tray' | 'shortcut'): void;
  /** Escape with nothing else to close: hides a popover (true); an ordinary window stays. */
  hide(): boolean;
}

/**
 * The window as menu-bar apps show it: next to the tray icon on a click, gone on blur or Escape, never on
 * the taskbar. Where the desktop has no tray it stays an ordinary window (nothing else could reopen it).
 */
export function createTrayPopover(enabled: boolean): TrayPopover {
  let window: MainWindow | null = null;
  let trayBounds = (): Rectangle => ({ x: 0, y: 0, width: 0, height: 0 });
  let nearCursor = false;
  let blurredAt = -Infinity;

  // A size the user gives the popover holds while its window lives; a new window opens at the small size.
  let placed: BrowserWindow | null = null;
  const place = (target: BrowserWindow) => {
    const [width = POPOVER_SIZE.width, height = POPOVER_SIZE.height] =
      placed === target ? target.getSize() : [];
    target.setBounds(
      popoverBounds({
        size: { width, height },
        trayBounds: trayBounds(),
        cursor: cursorReadable ? screen.getCursorScreenPoint() : null,
        trigger: nearCursor ? 'tray' : 'shortcut',
        displays: screen.getAllDisplays(),
      }),
    );
    placed = target;
    nearCursor = false;
  };

  return {
    enabled,
    place: enabled ? place : undefined,
    adopt(created) {
      if (!enabled) return;
      created.setSkipTaskbar(true);
      created.setMinimumSize(POPOVER_SIZE.width, 360);
      // macOS: open on the Space in use, above a full-screen app, as a menu-bar extra does.
      // The dock is hidden (a UIElement app already), so the process type need not flip back and forth.
      if (process.platform === 'darwin')
        created.setVisibleOnAllWorkspaces(true, {
          visibleOnFullScreen: true,
          skipTransformProcessType: true,
        });
      created.on('blur', () => {
        if (created.webContents.isDevToolsOpened()) return;
        blurredAt = Date.now();
        created.hide();
      });
    },
    attach(mainWindow, tray) {
      window = mainWindow;
      trayBounds = () => tray.bounds();
    },
    toggle(from) {
      if (window === null) return;
      const current = window.current();
      if (enabled && current !== null && current.isVisible() && current.isFocused()) {
        current.hide();
        return;
      }
      if (enabled && from === 'tray' && Date.now() - blurredAt < CLICK_AFTER_BLUR_MS) return;
      nearCursor = from === 'tray';
      window.show();
    },
    hide() {
      const current = window?.current() ?? null;
      if (!enabled || current === null) return false;
      current.hide();
      return true;
    },
  };
}
