/**
 * A stand-in for the `electron` module, just large enough for the built main bundle, so the shell's
 * wiring can run in Node (tests/wiring). Each part is typed as a Pick of Electron's own type from
 * node_modules/electron/electron.d.ts, so `npm run typecheck` fails when a name or a signature the app
 * uses differs from the real API; the event names the tests emit are checked against the same file by
 * standInShape.test.ts. It records what the app did and lets tests emit what the OS would.
 */
import { EventEmitter } from 'node:events';
import type {} from 'electron';
import { downloadSession, resetDownloadStandIn } from './downloadStandIn';

type Listener = (...args: any[]) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Emitters whose `on` returns the emitter itself, as Electron's do. */
class StandInEmitter {
  readonly #events = new EventEmitter();
  on(event: string, listener: Listener): this {
    this.#events.on(event, listener);
    return this;
  }
  once(event: string, listener: Listener): this {
    this.#events.once(event, listener);
    return this;
  }
  off(event: string, listener: Listener): this {
    this.#events.off(event, listener);
    return this;
  }
  /** What the OS or Electron would emit (tests only). */
  emit(event: string, ...args: unknown[]): boolean {
    return this.#events.emit(event, ...args);
  }
  listenerCount(event: string): number {
    return this.#events.listenerCount(event);
  }
  /** A new run of the app starts with no listeners (tests only). */
  forgetListeners(): void {
    this.#events.removeAllListeners();
  }
}

/** An Electron Event: preventDefault is what listeners call to cancel. */
export function standInEvent<T extends object>(
  fields: T = {} as T,
): T & { defaultPrevented: boolean; preventDefault(): void } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

/** Everything the app did to Electron, in order, for assertions: `['tray.setContextMenu']`, … */
export const calls: string[] = [];
const record = (name: string) => calls.push(name);

// ---------------------------------------------------------------------------------------------- images
class StandInImage {
  constructor(readonly path: string) {}
  setTemplateImage(_option: boolean): void {}
}
const nativeImageStandIn = {
  createFromPath: (path: string) => new StandInImage(path) as unknown as Electron.NativeImage,
} satisfies Pick<typeof Electron.nativeImage, 'createFromPath'>;

// ----------------------------------------------------------------------------------------------- menus
export class StandInMenu {
  constructor(readonly template: readonly Electron.MenuItemConstructorOptions[]) {}
  /** Clicks the item with this label, as a user would. */
  click(label: string): void {
    const item = this.template.find((entry) => entry.label === label);
    if (item?.click === undefined) throw new Error(`No clickable menu item "${label}"`);
    if (item.enabled === false) throw new Error(`Menu item "${label}" is disabled`);
    (item.click as () => void)();
  }
  get labels(): string[] {
    return this.template.map((entry) => entry.label ?? `(${entry.type ?? entry.role ?? ''})`);
  }
}
export let applicationMenu: StandInMenu | null | undefined;
const MenuStandIn = {
  buildFromTemplate: (template: Array<Electron.MenuItemConstructorOptions | Electron.MenuItem>) =>
    new StandInMenu(template as Electron.MenuItemConstructorOptions[]) as unknown as Electron.Menu,
  setApplicationMenu(menu: Electron.Menu | null) {
    record('Menu.setApplicationMenu');
    applicationMenu = menu as unknown as StandInMenu | null;
  },
} satisfies Pick<typeof Electron.Menu, 'buildFromTemplate' | 'setApplicationMenu'>;

// ------------------------------------------------------------------------------------------------ tray
export const trays: StandInTray[] = [];
/**
 * `unavailable` makes `new Tray` throw, as it does where the desktop has no tray; `bounds` is where the
 * icon is (all zeros, as Electron reports on Linux, unless a test puts it somewhere).
 */
export const trayControl = { unavailable: false, bounds: noBounds() };
function noBounds(): Electron.Rectangle {
  return { x: 0, y: 0, width: 0, height: 0 };
}

export class StandInTray
  extends StandInEmitter
  implements
    Pick<
      Electron.Tray,
      | 'setImage'
      | 'setToolTip'
      | 'setTitle'
      | 'setContextMenu'
      | 'popUpContextMenu'
      | 'destroy'
      | 'isDestroyed'
      | 'getBounds'
    >
{
  tooltip = '';
  title = '';
  image: Electron.NativeImage | string;
  menu: StandInMenu | null = null;
  /** The menu the app last popped up itself (macOS: on right-click), as the user then sees it. */
  poppedUp: StandInMenu | null = null;
  destroyed = false;
  constructor(image: Electron.NativeImage | string, _guid?: string) {
    super();
    if (trayControl.unavailable) throw new Error('Tray is not supported on this desktop');
    this.image = image;
    record('new Tray');
    trays.push(this);
  }
  setImage(image: Electron.NativeImage | string): void {
    record('tray.setImage');
    this.image = image;
  }
  setToolTip(toolTip: string): void {
    record('tray.setToolTip');
    this.tooltip = toolTip;
  }
  setTitle(title: string, _options?: Electron.TitleOptions): void {
    record('tray.setTitle');
    this.title = title;
  }
  setContextMenu(menu: Electron.Menu | null): void {
    record('tray.setContextMenu');
    this.menu = menu as unknown as StandInMenu | null;
  }
  popUpContextMenu(menu?: Electron.Menu, _position?: Electron.Point): void {
    this.poppedUp = (menu as unknown as StandInMenu | undefined) ?? this.menu;
  }
  destroy(): void {
    record('tray.destroy');
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getBounds(): Electron.Rectangle {
    return { ...trayControl.bounds };
  }
}

// -------------------------------------------------------------------------------------- notifications
export const notifications: StandInNotification[] = [];
export class StandInNotification
  extends StandInEmitter
  implements Pick<Electron.Notification, 'show' | 'close'>
{
  static isSupported(): boolean {
    return true;
  }
  readonly title: string;
  readonly body: string;
  /** Whether the OS's notification sound is suppressed. */
  readonly silent: boolean;
  constructor(options?: Electron.NotificationConstructorOptions) {
    super();
    this.title = options?.title ?? '';
    this.body = options?.body ?? '';
    this.silent = options?.silent ?? false;
    notifications.push(this);
  }
  show(): void {
    record('notification.show');
  }
  close(): void {}
}
StandInNotification satisfies Pick<typeof Electron.Notification, 'isSupported'>;

// ------------------------------------------------------------------------------------------- windows
export const windows: StandInWindow[] = [];

class StandInWebContents
  extends StandInEmitter
  implements Pick<Electron.WebContents, 'send' | 'reload' | 'setWindowOpenHandler' | 'isDevToolsOpened'>
{
  readonly sent: { channel: string; payload: unknown }[] = [];
  reloads = 0;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, payload: args[0] });
  }
  reload(): void {
    record('webContents.reload');
    this.reloads++;
  }
  setWindowOpenHandler(
    _handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse,
  ): void {}
  isDevToolsOpened(): boolean {
    return false;
  }
}

function sizeOf(options: Electron.BrowserWindowConstructorOptions): { width: number; height: number } {
  return { width: options.width ?? 800, height: options.height ?? 600 };
}

export class StandInWindow
  extends StandInEmitter
  implements
    Pick<
      Electron.BrowserWindow,
      | 'show'
      | 'hide'
      | 'focus'
      | 'minimize'
      | 'restore'
      | 'isMinimized'
      | 'isFullScreen'
      | 'isDestroyed'
      | 'isVisible'
      | 'getNormalBounds'
      | 'loadURL'
      | 'destroy'
      | 'isFocused'
      | 'setBounds'
      | 'getSize'
      | 'setSkipTaskbar'
      | 'setMinimumSize'
      | 'setVisibleOnAllWorkspaces'
    >
{
  static getAllWindows(): Electron.BrowserWindow[] {
    return windows.filter((window) => !window.destroyed) as unknown as Electron.BrowserWindow[];
  }
  readonly webContents = new StandInWebContents();
  readonly options: Electron.BrowserWindowConstructorOptions;
  url: string | null = null;
  visible = false;
  minimized = false;
  destroyed = false;
  focused = false;
  /** The last setBounds (null: never placed); setSkipTaskbar's value (null: never called). */
  bounds: Electron.Rectangle | null = null;
  skipTaskbar: boolean | null = null;
  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    this.options = options;
    record('new BrowserWindow');
    windows.push(this);
  }
  /** Electron's show() focuses the window too. */
  show(): void {
    record('window.show');
    this.visible = true;
    this.minimized = false;
    this.focused = true;
  }
  hide(): void {
    this.visible = false;
    this.focused = false;
  }
  focus(): void {
    this.focused = true;
  }
  isFocused(): boolean {
    return this.focused;
  }
  /** The user clicks elsewhere (tests only). */
  loseFocus(): void {
    this.focused = false;
    this.emit('blur', standInEvent());
  }
  setBounds(bounds: Partial<Electron.Rectangle>, _animate?: boolean): void {
    record('window.setBounds');
    const current = this.bounds ?? { x: 0, y: 0, ...sizeOf(this.options) };
    this.bounds = { ...current, ...bounds };
  }
  getSize(): number[] {
    const { width, height } = this.bounds ?? sizeOf(this.options);
    return [width, height];
  }
  setSkipTaskbar(skip: boolean): void {
    this.skipTaskbar = skip;
  }
  setMinimumSize(_width: number, _height: number): void {}
  setVisibleOnAllWorkspaces(_visible: boolean, _options?: Electron.VisibleOnAllWorkspacesOptions): void {}
  minimize(): void {
    this.minimized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isFullScreen(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isVisible(): boolean {
    return this.visible && !this.minimized;
  }
  getNormalBounds(): Electron.Rectangle {
    return { x: 10, y: 10, width: 900, height: 700 };
  }
  loadURL(url: string, _options?: Electron.LoadURLOptions): Promise<void> {
    this.url = url;
    // The page paints: the app shows a fresh window on 'ready-to-show'.
    setImmediate(() => {
      if (!this.destroyed) this.emit('ready-to-show', standInEvent());
    });
    return Promise.resolve();
  }
  /** What the user's close button does: 'close' (cancellable), then 'closed'. */
  close(): void {
    const event = standInEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }
}
StandInWindow satisfies Pick<typeof Electron.BrowserWindow, 'getAllWindows'>;

// --------------------------------------------------------------------------------------------- app
export const appControl = {
  isPackaged: false,
  userData: '',
  home: '',
  version: '0.1.0-wiring',
  /** False makes this process the second instance. */
  singleInstanceLock: true,
  loginItem: { wasOpenedAtLogin: false },
  exited: null as number | null,
  readyResolve: null as null | (() => void),
  loginItemSettings: [] as Electron.Settings[],
  /** `app.commandLine.appendSwitch` calls, as `name=value`. */
  switches: [] as string[],
};

const commandLineStandIn = {
  appendSwitch(theSwitch: string, value?: string) {
    appControl.switches.push(value === undefined ? theSwitch : `${theSwitch}=${value}`);
  },
} satisfies Pick<Electron.CommandLine, 'appendSwitch'>;

class StandInApp extends StandInEmitter {
  readonly #ready = new Promise<void>((resolve) => {
    appControl.readyResolve = resolve;
  });
  get isPackaged(): boolean {
    return appControl.isPackaged;
  }
  readonly dock = undefined;
  readonly commandLine: Pick<Electron.CommandLine, 'appendSwitch'> = commandLineStandIn;
  whenReady(): Promise<void> {
    return this.#ready;
  }
  /** Electron's order: before-quit, every window closes (each may refuse), will-quit, quit. */
  quit(): void {
    record('app.quit');
    if (appControl.exited !== null) return;
    const beforeQuit = standInEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    for (const window of windows.filter((candidate) => !candidate.destroyed)) {
      window.close();
      if (!window.destroyed) return;
    }
    const willQuit = standInEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    appControl.exited = 0;
    this.emit('quit', standInEvent(), 0);
  }
  exit(exitCode = 0): void {
    record('app.exit');
    appControl.exited = exitCode;
  }
  getPath(name: Parameters<Electron.App['getPath']>[0]): string {
    if (name === 'userData') return appControl.userData;
    if (name === 'logs') return `${appControl.userData}/logs`;
    if (name === 'downloads') return `${appControl.home}/Downloads`;
    return appControl.home;
  }
  setPath(name: string, path: string): void {
    if (name === 'userData') appControl.userData = path;
  }
  setAppLogsPath(_path?: string): void {}
  getVersion(): string {
    return appControl.version;
  }
  getName(): string {
    return 'camb-watch';
  }
  requestSingleInstanceLock(_additionalData?: Record<string, unknown>): boolean {
    return appControl.singleInstanceLock;
  }
  setAppUserModelId(_id: string): void {}
  setAsDefaultProtocolClient(_protocol: string, _path?: string, _args?: string[]): boolean {
    record('app.setAsDefaultProtocolClient');
    return true;
  }
  setLoginItemSettings(settings: Electron.Settings): void {
    appControl.loginItemSettings.push(settings);
  }
  getLoginItemSettings(_options?: Electron.LoginItemSettingsOptions): Electron.LoginItemSettings {
    return {
      openAtLogin: false,
      wasOpenedAtLogin: appControl.loginItem.wasOpenedAtLogin,
      status: 'not-registered',
      executableWillLaunchAtLogin: false,
      launchItems: [],
    };
  }
}
export const app = new StandInApp();
app satisfies Pick<
  Electron.App,
  | 'whenReady'
  | 'quit'
  | 'exit'
  | 'getPath'
  | 'setPath'
  | 'setAppLogsPath'
  | 'getVersion'
  | 'getName'
  | 'isPackaged'
  | 'requestSingleInstanceLock'
  | 'setAppUserModelId'
  | 'setAsDefaultProtocolClient'
  | 'setLoginItemSettings'
  | 'getLoginItemSettings'
>;

// ------------------------------------------------------------------------------------------ the rest
/** Contract handlers the app registered, by channel: tests call them as the page would. */
export const ipcHandlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
const ipcMainStandIn = Object.assign(new StandInEmitter(), {
  handle(channel: string, listener: (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown) {
    ipcHandlers.set(channel, listener as (event: unknown, payload: unknown) => Promise<unknown>);
  },
  removeHandler(channel: string) {
    ipcHandlers.delete(channel);
  },
}) satisfies Pick<Electron.IpcMain, 'handle' | 'removeHandler'>;

export const powerMonitor = new StandInEmitter();

export const clipboardControl = { text: '' };
const clipboardStandIn = {
  readText: () => Promise.resolve(clipboardControl.text),
} satisfies Pick<Electron.Clipboard, 'readText'>;

export const errorBoxes: { title: string; content: string }[] = [];
const dialogStandIn = {
  showErrorBox: (title: string, content: string) => {
    errorBoxes.push({ title, content });
  },
} satisfies Pick<Electron.Dialog, 'showErrorBox'>;

const netStandIn = {
  fetch: (input: string | GlobalRequest, init?: RequestInit & { bypassCustomProtocolHandlers?: boolean }) =>
    globalThis.fetch(input, init),
  isOnline: () => true,
} satisfies Pick<Electron.Net, 'fetch' | 'isOnline'>;
type GlobalRequest = Request;

const protocolStandIn = {
  registerSchemesAsPrivileged: (_schemes: Electron.CustomScheme[]) => {},
  handle: (_scheme: string, _handler: (request: GlobalRequest) => Response | Promise<Response>) => {},
} satisfies Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'>;

/** Electron's safeStorage where no OS encryption is offered: the app must then use the keychain or the environment. */
const safeStorageStandIn = {
  isAsyncEncryptionAvailable: () => Promise.resolve(false),
  getSelectedStorageBackend: () => 'basic_text' as const,
  encryptStringAsync: (_plainText: string): Promise<Buffer> => Promise.reject(new Error('not available')),
  decryptStringAsync: (_encrypted: Buffer): Promise<Electron.DecryptStringAsyncReturnValue> =>
    Promise.reject(new Error('not available')),
} satisfies Pick<
  Electron.SafeStorage,
  'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptStringAsync' | 'decryptStringAsync'
>;

/** One 1920×1080 screen with a 40 px taskbar at the bottom, and where the pointer is. */
export const screenControl = {
  displays: [
    {
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
    },
  ] as Pick<Electron.Display, 'bounds' | 'workArea'>[],
  cursor: pointerOnTheTaskbar(),
};
function pointerOnTheTaskbar(): Electron.Point {
  return { x: 1800, y: 1060 };
}
const screenStandIn = {
  getAllDisplays: () => screenControl.displays.map((display) => ({ ...display })) as Electron.Display[],
  getCursorScreenPoint: () => ({ ...screenControl.cursor }),
} satisfies Pick<Electron.Screen, 'getAllDisplays' | 'getCursorScreenPoint'>;

/** Shortcuts the app holds, by accelerator; `taken` are held by another app (register returns false). */
export const shortcuts = new Map<string, () => void>();
export const shortcutControl = { taken: new Set<string>() };
const globalShortcutStandIn = {
  register(accelerator: string, callback: () => void) {
    if (shortcutControl.taken.has(accelerator) || shortcuts.has(accelerator)) return false;
    shortcuts.set(accelerator, callback);
    return true;
  },
  unregister(accelerator: string) {
    shortcuts.delete(accelerator);
  },
  isRegistered: (accelerator: string) => shortcuts.has(accelerator),
  unregisterAll() {
    shortcuts.clear();
  },
} satisfies Pick<Electron.GlobalShortcut, 'register' | 'unregister' | 'isRegistered' | 'unregisterAll'>;

/** The user presses a global shortcut (tests only). */
export function pressShortcut(accelerator: string): void {
  const callback = shortcuts.get(accelerator);
  if (callback === undefined) throw new Error(`No app holds the shortcut ${accelerator}`);
  callback();
}

const sessionStandIn = {
  defaultSession: Object.assign(downloadSession, {
    setPermissionRequestHandler: () => {},
    setPermissionCheckHandler: () => {},
  } satisfies Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>),
};

export const openedLinks: string[] = [];
const shellStandIn = {
  openExternal: (url: string, _options?: Electron.OpenExternalOptions) => {
    openedLinks.push(url);
    return Promise.resolve();
  },
  showItemInFolder: (_fullPath: string) => {},
  openPath: (_path: string) => Promise.resolve(''),
} satisfies Pick<Electron.Shell, 'openExternal' | 'showItemInFolder' | 'openPath'>;

/** Forgets what the previous test's app did (each test starts a fresh bundle). */
export function resetStandIn(): void {
  resetDownloadStandIn();
  for (const emitter of [app, powerMonitor, ipcMainStandIn]) emitter.forgetListeners();
  calls.length = 0;
  trays.length = 0;
  windows.length = 0;
  notifications.length = 0;
  errorBoxes.length = 0;
  openedLinks.length = 0;
  ipcHandlers.clear();
  applicationMenu = undefined;
  trayControl.unavailable = false;
  trayControl.bounds = noBounds();
  shortcuts.clear();
  shortcutControl.taken.clear();
  screenControl.cursor = pointerOnTheTaskbar();
  clipboardControl.text = '';
  Object.assign(appControl, {
    isPackaged: false,
    singleInstanceLock: true,
    loginItem: { wasOpenedAtLogin: false },
    exited: null,
    loginItemSettings: [],
    switches: [],
  });
}

/** The module the bundle imports as `electron`. */
export const electronStandIn = {
  app,
  BrowserWindow: StandInWindow,
  Menu: MenuStandIn,
  Notification: StandInNotification,
  Tray: StandInTray,
  clipboard: clipboardStandIn,
  dialog: dialogStandIn,
  globalShortcut: globalShortcutStandIn,
  ipcMain: ipcMainStandIn,
  nativeImage: nativeImageStandIn,
  net: netStandIn,
  powerMonitor,
  protocol: protocolStandIn,
  safeStorage: safeStorageStandIn,
  screen: screenStandIn,
  session: sessionStandIn,
  shell: shellStandIn,
};
