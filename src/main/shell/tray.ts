import path from 'node:path';
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { TaskKey } from '../../shared/watchedTask';
import { trayIconFile } from '../core/tray/trayIconFile';
import type { TrayIcon, TrayModel } from '../core/tray/trayModel';
import { trayMenuEntries, trayTitle, type TrayAction, type TrayMenuEntry } from '../core/tray/trayMenu';
import type { UpdateController } from '../core/updates';
import type { WatchService } from '../core/watchService/watchServiceTypes';
import type { Rectangle } from '../core/window/windowBounds';

export interface AppTrayOptions {
  readonly service: WatchService;
  /** Adds "Restart to update" to the menu once a new version is downloaded. */
  readonly updates: UpdateController;
  /** resources/tray: {idle,active,attention,offline}.png (+ @2x) and the macOS *Template.png images. */
  readonly iconsDir: string;
  readonly onTask: (key: TaskKey) => void;
  readonly onAction: (action: TrayAction) => void;
  /** A click on the icon itself; opens the window when not given. */
  readonly onClick?: () => void;
}

export interface AppTray {
  /** The tooltip and title shown now (the Electron tests read them through the e2e hook). */
  current(): { readonly tooltip: string; readonly title: string; readonly icon: TrayIcon };
  /** Where the icon is on the screen (macOS, Windows); all zeros on Linux, where Electron cannot tell. */
  bounds(): Rectangle;
  dispose(): void;
}

const isMac = process.platform === 'darwin';

function loadIcon(iconsDir: string, icon: TrayIcon): NativeImage {
  const image = nativeImage.createFromPath(path.join(iconsDir, trayIconFile(icon, process.platform)));
  if (isMac) image.setTemplateImage(true);
  return image;
}

function menuItem(entry: TrayMenuEntry, options: AppTrayOptions): MenuItemConstructorOptions {
  switch (entry.type) {
    case 'separator':
      return { type: 'separator' };
    case 'task':
      return { label: entry.label, click: () => options.onTask(entry.taskKey) };
    case 'more':
      return { label: entry.label, click: () => options.onAction('open') };
    case 'action':
      return { label: entry.label, click: () => options.onAction(entry.action) };
  }
}

function readyVersion(updates: UpdateController): string | null {
  const state = updates.state();
  return state.phase === 'ready' ? state.version : null;
}

/**
 * The tray icon, drawn from the core's tray model: icon per state, tooltip with counts, the running count
 * as the title on macOS, and the menu. Left click opens the window; on macOS, where a context menu would
 * take the left click, the menu opens on right click instead.
 */
export function createAppTray(options: AppTrayOptions): AppTray {
  const { service } = options;
  const icons = new Map<TrayIcon, NativeImage>();
  const iconFor = (icon: TrayIcon) => {
    let image = icons.get(icon);
    if (image === undefined) {
      image = loadIcon(options.iconsDir, icon);
      icons.set(icon, image);
    }
    return image;
  };

  let model: TrayModel = service.trayModel();
  const tray = new Tray(iconFor(model.icon));
  let menu = Menu.buildFromTemplate([]);

  const render = () => {
    tray.setImage(iconFor(model.icon));
    tray.setToolTip(model.tooltip);
    if (isMac) tray.setTitle(trayTitle(model));
    menu = Menu.buildFromTemplate(
      trayMenuEntries(model, service.getSettings().pollingPaused, readyVersion(options.updates)).map(
        (entry) => menuItem(entry, options),
      ),
    );
    if (!isMac) tray.setContextMenu(menu);
  };

  tray.on('click', () => (options.onClick === undefined ? options.onAction('open') : options.onClick()));
  if (isMac) tray.on('right-click', () => tray.popUpContextMenu(menu));

  const stops = [
    service.on('trayChanged', ({ tray: next }) => {
      model = next;
      render();
    }),
    // The Pause / Resume entry follows the setting, which the window can change too.
    service.on('settingsChanged', render),
    options.updates.onChange(render),
  ];
  render();

  return {
    current: () => ({ tooltip: model.tooltip, title: trayTitle(model), icon: model.icon }),
    bounds: () => tray.getBounds(),
    dispose() {
      for (const stop of stops) stop();
      tray.destroy();
    },
  };
}
