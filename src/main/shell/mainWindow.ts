import { BrowserWindow, screen } from 'electron';
import { boundsToSave, MIN_WINDOW_SIZE, restoreWindowPlacement } from '../core/window';
import type { ShellState } from './shellState';

export interface MainWindowOptions {
  readonly preloadPath: string;
  /** app://camb-watch/index.html, or the electron-vite dev server while developing. */
  readonly url: string;
  readonly devTools: boolean;
  readonly state: ShellState;
  readonly iconPath?: string;
  /** What closing does: hide into the tray, or minimise where there is no tray to come back from. */
  readonly closeAction: 'hide' | 'minimize';
  /** Called each time closing has hidden the window. */
  readonly onHidden?: () => void;
  /** Called once per window created: the IPC bridge starts sending events to it. */
  readonly onCreated: (window: BrowserWindow) => void;
  /** Places the window before each showing (the tray popover, trayPopover.ts); its bounds are then not saved. */
  readonly place?: (window: BrowserWindow) => void;
}

export interface MainWindow {
  /** Creates the window on first use, then shows and focuses it; `created` when the page is just loading. */
  show(): { readonly window: BrowserWindow; readonly created: boolean };
  /** The window, if it has been created. */
  current(): BrowserWindow | null;
  /** From now on closing really closes (the app is quitting). */
  allowClose(): void;
}

/**
 * The one window. The app lives in the tray, so the window is created only when first asked for, and
 * closing it hides it: the page keeps its state and reopens at once.
 */
export function createMainWindow(options: MainWindowOptions): MainWindow {
  let window: BrowserWindow | null = null;
  let quitting = false;

  const saveBounds = () => {
    if (options.place !== undefined) return;
    if (window === null || window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    options.state.saveWindowBounds(boundsToSave(window.getNormalBounds()));
  };

  const create = (): BrowserWindow => {
    const placement = restoreWindowPlacement(
      options.state.savedWindowBounds(),
      screen.getAllDisplays().map((display) => display.workArea),
    );
    const created = new BrowserWindow({
      ...(placement.position === 'saved'
        ? { x: placement.x, y: placement.y, width: placement.width, height: placement.height }
        : { width: placement.width, height: placement.height, center: true }),
      minWidth: MIN_WINDOW_SIZE.width,
      minHeight: MIN_WINDOW_SIZE.height,
      show: false,
      title: 'CAMB Watch',
      ...(options.iconPath === undefined ? {} : { icon: options.iconPath }),
      autoHideMenuBar: true,
      webPreferences: {
        // Reviewed: the preload exposes only the contract's bridge (src/preload/index.ts).
        preload: options.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        // A middle click must not open links in new windows (they are denied anyway).
        disableBlinkFeatures: 'Auxclick',
        devTools: options.devTools,
      },
    });
    created.once('ready-to-show', () => created.show());
    created.on('resized', saveBounds);
    created.on('moved', saveBounds);
    // 'resized' and 'moved' (the end of a drag) exist on macOS and Windows only; Linux reports every step,
    // so the last one is saved once the window has stayed put for a moment.
    if (process.platform === 'linux') {
      let settle: ReturnType<typeof setTimeout> | undefined;
      const saveWhenStill = () => {
        clearTimeout(settle);
        settle = setTimeout(saveBounds, 500);
      };
      created.on('resize', saveWhenStill);
      created.on('move', saveWhenStill);
      created.on('closed', () => clearTimeout(settle));
    }
    created.on('close', (event) => {
      saveBounds();
      if (quitting) return;
      event.preventDefault();
      if (options.closeAction === 'minimize') {
        created.minimize();
        return;
      }
      created.hide();
      options.onHidden?.();
    });
    created.on('closed', () => {
      window = null;
    });
    window = created;
    options.onCreated(created);
    void created.loadURL(options.url);
    return created;
  };

  return {
    show() {
      // A fresh window shows itself once painted (ready-to-show); an existing one comes forward now.
      if (window === null) {
        const created = create();
        options.place?.(created);
        return { window: created, created: true };
      }
      if (window.isMinimized()) window.restore();
      options.place?.(window);
      window.show();
      window.focus();
      return { window, created: false };
    },
    current: () => window,
    allowClose() {
      quitting = true;
    },
  };
}
