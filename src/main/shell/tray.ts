import path from 'node:path';
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { TaskKey } from '../../shared/watchedTask';
import { systemClock } from '../core/clock';
import type { Logger } from '../core/logging';
import { trayIconFile } from '../core/tray';
import type { TrayIcon } from '../core/tray';
import {
  countsMenuEntries,
  STARTING_TRAY,
  trayMenuEntries,
  trayMenuKey,
  trayTitle,
  type TrayAction,
  type TrayMenuEntry,
} from '../core/tray';
import type { UpdateController } from '../core/updates';
import type { WatchService } from '../core/watchService';
import type { Rectangle } from '../core/window';

export interface AppTrayOptions {
  /** resources/tray: {idle,active,attention,offline}.png (+ @2x) and the macOS *Template.png images. */
  readonly iconsDir: string;
  readonly logger: Logger;
  readonly onTask: (key: TaskKey) => void;
  readonly onAction: (action: TrayAction) => void;
  /** A click on the icon itself, once the app has started; opens the window when not given. */
  readonly onClick?: () => void;
}

export interface AppTray {
  /** The tooltip and title shown now (the Electron tests read them through the e2e hook). */
  current(): { readonly tooltip: string; readonly title: string; readonly icon: TrayIcon };
  /** Where the icon is on the screen (macOS, Windows); all zeros on Linux, where Electron cannot tell. */
  bounds(): Rectangle;
  /**
   * From now on the tray shows the service's jobs (until then it says the app is starting), and offers
   * "Restart to update" once `updates` has a new version downloaded. `countsInMenu` where the desktop shows
   * no tooltip: the menu's first line then says what the tooltip would.
   */
  follow(service: WatchService, updates: UpdateController, options: { countsInMenu: boolean }): void;
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
    case 'note':
      return { label: entry.label, enabled: false };
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

interface TrayView {
  readonly icon: TrayIcon;
  readonly tooltip: string;
  readonly title: string;
  readonly menu: readonly TrayMenuEntry[];
}

/**
 * The tray icon, created first thing so the app is visible (and can be quit) while it starts, then drawn
 * from the core's tray model: icon per state, tooltip with counts, the unseen-finish count as the title on
 * macOS, and the menu. Only what changed is set again: the model is recomputed at every poll. Left click
 * opens the window (or the popover); on macOS, where a context menu would take the left click, the menu
 * opens on right click instead. (Ubuntu's AppIndicator opens the menu on a left click and sends `click`
 * on a double click: the menu's "Open CAMB Watch" is the way in there.) Null if Electron throws, which
 * its docs do not foresee after `ready`: whether an icon is seen is trayDesktop's question.
 */
export function createAppTray(options: AppTrayOptions): AppTray | null {
  const icons = new Map<TrayIcon, NativeImage>();
  const iconFor = (icon: TrayIcon) => {
    let image = icons.get(icon);
    if (image === undefined) {
      image = loadIcon(options.iconsDir, icon);
      icons.set(icon, image);
    }
    return image;
  };

  let tray: Tray;
  try {
    tray = new Tray(iconFor('idle'));
  } catch (error) {
    options.logger.warn('This desktop has no system tray: the window stays the way in', {
      error: String(error),
    });
    return null;
  }
  let menu = Menu.buildFromTemplate([]);
  let shown: TrayView | null = null;
  let view: TrayView = { icon: 'idle', title: '', ...STARTING_TRAY };

  const render = (next: TrayView) => {
    view = next;
    if (shown?.icon !== next.icon) tray.setImage(iconFor(next.icon));
    if (shown?.tooltip !== next.tooltip) tray.setToolTip(next.tooltip);
    if (isMac && shown?.title !== next.title) tray.setTitle(next.title);
    if (shown === null || trayMenuKey(shown.menu) !== trayMenuKey(next.menu)) {
      menu = Menu.buildFromTemplate(next.menu.map((entry) => menuItem(entry, options)));
      if (!isMac) tray.setContextMenu(menu);
    }
    shown = next;
  };

  let following = false;
  tray.on('click', () => {
    if (!following) return;
    if (options.onClick === undefined) options.onAction('open');
    else options.onClick();
  });
  if (isMac) tray.on('right-click', () => tray.popUpContextMenu(menu));
  render(view);

  const stops: (() => void)[] = [];
  return {
    current: () => ({ tooltip: view.tooltip, title: view.title, icon: view.icon }),
    bounds: () => tray.getBounds(),
    follow(service, updates, { countsInMenu }) {
      following = true;
      const update = (model = service.trayModel()) =>
        render({
          icon: model.icon,
          tooltip: model.tooltip,
          title: trayTitle(model),
          menu: [
            ...(countsInMenu ? countsMenuEntries(model) : []),
            ...trayMenuEntries(model, service.getSettings().pollingPaused, readyVersion(updates), {
              until: service.getSettings().doNotDisturbUntil,
              now: systemClock.now(),
            }),
          ],
        });
      // The Pause / Resume and Do not disturb entries follow the settings, which the window can change too.
      stops.push(
        service.on('trayChanged', ({ tray: model }) => update(model)),
        service.on('settingsChanged', () => update()),
        updates.onChange(() => update()),
      );
      update();
    },
    dispose() {
      for (const stop of stops) stop();
      tray.destroy();
    },
  };
}
