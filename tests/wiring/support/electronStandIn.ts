/**
 * A stand-in for the `electron` module, just large enough for the built main bundle, so the shell's
 * wiring can run in Node (tests/wiring). Each part is typed as a Pick of Electron's own type from
 * node_modules/electron/electron.d.ts, so `npm run typecheck` fails when a name or a signature the app
 * uses differs from the real API; the event names the tests emit are checked against the same file by
 * standInShape.test.ts. It records what the app did and lets tests emit what the OS would.
 *
 * Where Electron behaves differently per desktop (tray, taskbar, window placement, focus) the stand-in
 * follows the row of platformBehaviour.ts that `platformControl.current` names; each row cites its source.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type {} from 'electron';
import { downloadSession, resetDownloadStandIn } from './downloadStandIn';
import { defaultDesktopFor, PLATFORMS, type PlatformBehaviour } from './platformBehaviour';

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

/** The desktop this run's Electron is on (set by wiredApp for each launch). */
export const platformControl = { current: PLATFORMS[defaultDesktopFor('linux')] as PlatformBehaviour };
const desktop = () => platformControl.current;

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
 * `bounds` is where the icon is, on the platforms where `tray.getBounds()` can tell (platformBehaviour:
 * trayBoundsKnown); elsewhere Electron reports all zeros whatever a test puts here.
 */
export const trayControl = { bounds: noBounds() };
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
  /** Whether the user could see the menu: a left click opened it (Ubuntu's AppIndicator). */
  menuOpen = false;
  /**
   * Never throws after `ready`, whatever the desktop: on Linux a StatusNotifierItem that nobody hosts
   * falls back to a GtkStatusIcon that may be shown nowhere (shell/browser/ui/tray_icon_linux.cc).
   */
  constructor(image: Electron.NativeImage | string, _guid?: string) {
    super();
    this.image = image;
    record('new Tray');
    trays.push(this);
  }
  /** Whether the icon can be seen at all (platformBehaviour: trayIconShown). */
  get shown(): boolean {
    return !this.destroyed && desktop().trayIconShown;
  }
  /** The tooltip a person hovering the icon reads: none where the desktop shows none. */
  get visibleTooltip(): string {
    return this.shown && desktop().tooltipShown ? this.tooltip : '';
  }
  /** The user's left click on the icon: `click`, or the menu where the desktop opens it instead. */
  leftClick(): void {
    if (!this.shown) throw new Error('The tray icon is not shown on this desktop: nobody can click it');
    if (desktop().leftClick === 'opens-menu') {
      this.menuOpen = true;
      return;
    }
    this.emit('click', standInEvent(), this.getBounds(), { x: 0, y: 0 });
  }
  /** A double click: the activation (`click`) where a left click opens the menu; `double-click` elsewhere. */
  doubleClick(): void {
    if (!this.shown) throw new Error('The tray icon is not shown on this desktop: nobody can click it');
    if (desktop().leftClick === 'opens-menu')
      this.emit('click', standInEvent(), this.getBounds(), { x: 0, y: 0 });
    else if (desktop().platform !== 'linux') this.emit('double-click', standInEvent(), this.getBounds());
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
    return desktop().trayBoundsKnown ? { ...trayControl.bounds } : noBounds();
  }
}

// -------------------------------------------------------------------------------------- notifications
export const notifications: StandInNotification[] = [];
/**
 * `supported`: what Notification.isSupported() says (false where Linux has no notification server).
 * `failing`: show() fails (`failed` instead of `show`). The OS's own Do Not Disturb / Focus does not change
 * what Electron reports: `show` means the OS accepted the notification, not that anyone saw it
 * (shell/browser/notifications/win/windows_toast_notification.cc: NotificationDisplayed right after
 * ToastNotifier::Show; linux/libnotify_notification.cc: after notify_notification_show;
 * mac/cocoa_notification.mm: after the request is added). `activation` is the Windows activation
 * callback (Notification.handleActivation) and an activation that came before it was registered.
 */
const DAEMON_WITH_ACTIONS = ['actions', 'body'] as const;

export const notificationControl = {
  supported: true,
  failing: false,
  /**
   * Linux: what the notification daemon answers to org.freedesktop.Notifications.GetCapabilities. Electron
   * asks it (linux/libnotify_notification.cc GetServerCapabilities) as it shows a notification, and adds the
   * invisible "default" action, the one a click invokes, only when "actions" is among them; the
   * app's own buttons are never sent. Default: a daemon with "actions" (GNOME's, Plasma's); Notify-OSD has none.
   */
  linuxCapabilities: [...DAEMON_WITH_ACTIONS] as string[],
  activationCallback: null as ((details: Electron.ActivationArguments) => void) | null,
  pendingActivation: null as Electron.ActivationArguments | null,
};

export class StandInNotification
  extends StandInEmitter
  implements Pick<Electron.Notification, 'show' | 'close'>
{
  static isSupported(): boolean {
    return notificationControl.supported;
  }
  /**
   * docs/api/notification.md "Notification.handleActivation(callback) _Windows_": called for every
   * activation (click, action, reply), whether or not the Notification object still exists; an activation
   * that came before it is handed over at once; a later call replaces the callback.
   */
  static handleActivation(callback: (details: Electron.ActivationArguments) => void): void {
    notificationControl.activationCallback = callback;
    const pending = notificationControl.pendingActivation;
    notificationControl.pendingActivation = null;
    if (pending !== null) callback(pending);
  }
  readonly title: string;
  readonly body: string;
  /** Whether the OS's notification sound is suppressed. */
  readonly silent: boolean;
  /** The custom toast (Windows), which supersedes title, body, icon and silent there. */
  readonly toastXml: string | undefined;
  /** The toast's tag on Windows: the `id` option, or a random UUID (docs/api/notification.md `id`). */
  readonly id: string;
  /** The buttons asked for with `actions` (docs/api/notification.md: macOS and Windows; Linux ignores them). */
  readonly actions: readonly Electron.NotificationAction[];
  /** Whether the OS accepted it (`show` was emitted). */
  shownByOs = false;
  /** Linux: whether Electron gave it the "default" action a click invokes (clickNotification). */
  private clickable = true;
  constructor(options?: Electron.NotificationConstructorOptions) {
    super();
    this.title = options?.title ?? '';
    this.body = options?.body ?? '';
    this.silent = options?.silent ?? false;
    this.toastXml = options?.toastXml;
    this.actions = options?.actions ?? [];
    this.id = options?.id === undefined || options.id === '' ? randomUUID() : options.id;
    notifications.push(this);
  }
  show(): void {
    record('notification.show');
    if (notificationControl.failing) {
      this.emit('failed', standInEvent(), 'The notification server refused it');
      return;
    }
    if (desktop().platform === 'linux')
      this.clickable = notificationControl.linuxCapabilities.includes('actions');
    const shown = () => {
      this.shownByOs = true;
      this.emit('show', standInEvent());
    };
    // macOS answers once the request is added, on a later task (mac/cocoa_notification.mm PostTask);
    // Windows and Linux within show() itself.
    if (desktop().platform === 'darwin') setImmediate(shown);
    else shown();
  }
  close(): void {}
  /** See clickNotification. */
  click(): boolean {
    if (!this.clickable) return false;
    this.emit('click', standInEvent());
    return true;
  }
}
StandInNotification satisfies Pick<typeof Electron.Notification, 'isSupported' | 'handleActivation'>;

/**
 * The user clicks the notification where it is shown (macOS, Linux, a live toast on Windows): its `click`.
 * On Linux only where the daemon has the "actions" capability: without it Electron adds no "default"
 * action, so the daemon has nothing to invoke and the click only dismisses it (libnotify_notification.cc
 * Show: `if (NotifierSupportsActions()) notify_notification_add_action(…, "default", …)`; the click is
 * OnNotificationView → NotificationClicked). Returns whether Electron emitted `click`.
 */
export function clickNotification(notification: StandInNotification): boolean {
  return notification.click();
}

/** An attribute's value as Windows reads it out of the toast's XML. */
function unescapeXmlAttribute(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/**
 * The user clicks a toast in Windows' Action Center. A toast this run showed (its Notification alive)
 * raises the in-process Activated event: Electron emits that object's `click`, and for a plain click
 * nothing else (shell/browser/notifications/win/windows_toast_notification.cc ToastEventHandler::Invoke;
 * only action and reply arguments go on to HandleToastActivation, electron/electron #51147). A toast of an
 * earlier run comes through the COM activator: Electron hands its launch arguments to the activation
 * callback, or keeps them until one is registered (windows_toast_activator.cc HandleToastActivation). A
 * toast without a `launch` attribute (Electron's generated one) activates with empty arguments.
 */
export function activateToast(toastXml: string | undefined): void {
  const alive = notifications.find((shown) => shown.toastXml !== undefined && shown.toastXml === toastXml);
  if (alive !== undefined) {
    alive.emit('click', standInEvent());
    return;
  }
  const launch = /<toast\b[^>]*\blaunch="([^"]*)"/u.exec(toastXml ?? '')?.[1] ?? '';
  const args = unescapeXmlAttribute(launch);
  const details: Electron.ActivationArguments = { type: 'click', arguments: args };
  const callback = notificationControl.activationCallback;
  if (callback === null) notificationControl.pendingActivation = details;
  else callback(details);
}

/**
 * The user presses the notification's button `index`, as each platform reports it. macOS: the `action`
 * event with `details.actionIndex` (docs/api/notification.md "Event: 'action'"; Electron 45 also passes
 * the index positionally, deprecated). Windows: a toast written as `toastXml` has its own `<action>`
 * elements, and a button's `arguments` go to the activation callback whether or not the Notification is
 * alive (windows_toast_notification.cc ToastEventHandler::Invoke hands action arguments on to
 * HandleToastActivation; windows_toast_activator.cc). Linux: libnotify is sent no button, whatever the
 * daemon can do (libnotify_notification.cc Show adds only "default"), so there is nothing to press
 * (returns false).
 */
export function pressNotificationAction(notification: StandInNotification, index: number): boolean {
  const platform = desktop().platform;
  if (platform === 'darwin') {
    if (index >= notification.actions.length) return false;
    notification.emit('action', { ...standInEvent(), actionIndex: index, selectionIndex: -1 }, index, -1);
    return true;
  }
  if (platform === 'win32') {
    const buttons = [...(notification.toastXml ?? '').matchAll(/<action\b[^>]*\barguments="([^"]*)"/gu)];
    const encoded = buttons[index]?.[1];
    if (encoded === undefined) return false;
    const args = unescapeXmlAttribute(encoded);
    const details: Electron.ActivationArguments = { type: 'action', arguments: args, actionIndex: index };
    const callback = notificationControl.activationCallback;
    if (callback === null) notificationControl.pendingActivation = details;
    else callback(details);
    return true;
  }
  return false;
}

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
  /**
   * The last setBounds (null: never placed); where the app cannot place windows (Wayland) only the size
   * takes. setSkipTaskbar's value where it has an effect (null: never called, or a desktop where it does
   * nothing: platformBehaviour skipTaskbarWorks).
   */
  bounds: Electron.Rectangle | null = null;
  skipTaskbar: boolean | null = null;
  /** Whether the page loaded: `ready-to-show` came (false while loading or when the load failed). */
  loaded = false;
  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    this.options = options;
    record('new BrowserWindow');
    windows.push(this);
  }
  /**
   * Electron's show() activates the window (native_window_views.cc NativeWindowViews::Show). A window
   * being mapped gets the focus everywhere; one already on screen is brought forward only where the app
   * may take the focus (not on Wayland: platformBehaviour focusesVisibleWindow).
   */
  show(): void {
    record('window.show');
    if (!this.visible || desktop().focusesVisibleWindow) this.focused = true;
    this.visible = true;
    this.minimized = false;
  }
  hide(): void {
    this.visible = false;
    this.focused = false;
  }
  focus(): void {
    if (desktop().focusesVisibleWindow || !this.visible) this.focused = this.visible;
  }
  /** Whether the window has an entry in the taskbar now (what a person sees there). */
  get onTaskbar(): boolean {
    return this.visible && this.skipTaskbar !== true;
  }
  /** The user clicks into the window (tests only). */
  userFocuses(): void {
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
    const placeable = desktop().windowsPlaceable;
    const { x, y, ...size } = bounds;
    this.bounds = { ...current, ...size, ...(placeable ? { x, y } : {}) } as Electron.Rectangle;
  }
  getSize(): number[] {
    const { width, height } = this.bounds ?? sizeOf(this.options);
    return [width, height];
  }
  setSkipTaskbar(skip: boolean): void {
    record('window.setSkipTaskbar');
    if (desktop().skipTaskbarWorks) this.skipTaskbar = skip;
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
  /**
   * Loads the page through the handler the app gave `protocol.handle` for its scheme: the page paints
   * (`ready-to-show`) only when that answers with the page; otherwise `did-fail-load` and a rejected
   * promise, as Electron's loadURL does (docs/api/web-contents.md `contents.loadURL`); a scheme nobody
   * handles fails too. http(s) URLs (the development server) are taken as loaded.
   */
  async loadURL(url: string, _options?: Electron.LoadURLOptions): Promise<void> {
    this.url = url;
    const scheme = new URL(url).protocol.replace(/:$/u, '');
    const handler = protocolHandlers.get(scheme);
    const served = scheme === 'http' || scheme === 'https';
    const answer = handler === undefined ? null : await handler(new Request(url));
    const page = answer === null ? null : await answer.text();
    if (this.destroyed) return;
    const failure =
      answer === null
        ? served
          ? null
          : { code: -302, name: 'ERR_UNKNOWN_URL_SCHEME' }
        : answer.ok && (answer.headers.get('content-type') ?? '').startsWith('text/html')
          ? null
          : { code: -6, name: 'ERR_FILE_NOT_FOUND' };
    if (failure !== null) {
      this.webContents.emit('did-fail-load', standInEvent(), failure.code, failure.name, url, true);
      throw new Error(`${failure.name} (${failure.code}) loading '${url}'`);
    }
    this.page = page;
    this.loaded = true;
    this.emit('ready-to-show', standInEvent());
  }
  /** The HTML the app's scheme served for this window (null: not from the app's scheme). */
  page: string | null = null;
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
  /** A quit under way (see app.quit), and which run of the app it belongs to. */
  quitting: null as Promise<void> | null,
  run: 0,
};

/**
 * Chromium's command line: the switches the user gave (process.argv) and those the app appended. A switch
 * appended again replaces the earlier value (Chromium's CommandLine keeps one value per switch, the last),
 * which is why `--enable-features` must be merged, not appended (docs/api/command-line.md).
 */
function switchValue(name: string): string | undefined {
  const given = process.argv
    .filter((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`))
    .map((arg) => arg.slice(name.length + 3));
  const appended = appControl.switches
    .filter((entry) => entry === name || entry.startsWith(`${name}=`))
    .map((entry) => entry.slice(name.length + 1));
  return [...given, ...appended].at(-1);
}
const commandLineStandIn = {
  appendSwitch(theSwitch: string, value?: string) {
    appControl.switches.push(value === undefined ? theSwitch : `${theSwitch}=${value}`);
  },
  hasSwitch: (theSwitch: string) => switchValue(theSwitch) !== undefined,
  getSwitchValue: (theSwitch: string) => switchValue(theSwitch) ?? '',
} satisfies Pick<Electron.CommandLine, 'appendSwitch' | 'hasSwitch' | 'getSwitchValue'>;

/** What Chromium runs with for a switch, once the app has appended its own (tests only). */
export const effectiveSwitch = (name: string): string | undefined => switchValue(name);

class StandInApp extends StandInEmitter {
  readonly #ready = new Promise<void>((resolve) => {
    appControl.readyResolve = resolve;
  });
  get isPackaged(): boolean {
    return appControl.isPackaged;
  }
  readonly dock = undefined;
  readonly commandLine: Pick<Electron.CommandLine, 'appendSwitch' | 'hasSwitch' | 'getSwitchValue'> =
    commandLineStandIn;
  whenReady(): Promise<void> {
    return this.#ready;
  }
  /**
   * Electron's order (shell/browser/browser.cc Browser::Quit, OnWindowAllClosed): before-quit at once (a
   * listener may cancel); a second quit while one is under way does nothing; the windows are asked to
   * close and each may refuse (which cancels the quit: OnWindowCloseCancelled); once all are gone,
   * will-quit, then quit — on later turns of the event loop, so `quit()` returns before the app has ended.
   * `appControl.quitting` settles when this quit has ended or been cancelled.
   */
  quit(): void {
    record('app.quit');
    if (appControl.exited !== null || appControl.quitting !== null) return;
    const beforeQuit = standInEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    const run = appControl.run;
    appControl.quitting = new Promise<void>((resolve) => {
      setImmediate(() => {
        if (appControl.run !== run) return resolve();
        appControl.quitting = null;
        for (const window of windows.filter((candidate) => !candidate.destroyed)) {
          window.close();
          if (!window.destroyed) return resolve();
        }
        const willQuit = standInEvent();
        this.emit('will-quit', willQuit);
        if (!willQuit.defaultPrevented) {
          appControl.exited = 0;
          this.emit('quit', standInEvent(), 0);
        }
        resolve();
      });
    });
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
  /** Electron 45's electron.d.ts `writeText(text): Promise<void>`: "resolves once the text has been written". */
  writeText: (text: string) => {
    clipboardControl.text = text;
    return Promise.resolve();
  },
} satisfies Pick<Electron.Clipboard, 'readText' | 'writeText'>;

export const errorBoxes: { title: string; content: string }[] = [];
const dialogStandIn = {
  showErrorBox: (title: string, content: string) => {
    errorBoxes.push({ title, content });
  },
} satisfies Pick<Electron.Dialog, 'showErrorBox'>;

/**
 * Chromium's network errors for Node's: Electron's net.fetch rejects with the ClientRequest's error, whose
 * message is Chromium's `net::ERR_…` name (lib/browser/api/net-fetch.ts: `r.on('error', (err) =>
 * p.reject(err))`), not Node's TypeError("fetch failed") with an errno in `cause`.
 */
const NET_ERRORS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'net::ERR_CONNECTION_REFUSED',
  ECONNRESET: 'net::ERR_CONNECTION_RESET',
  ENOTFOUND: 'net::ERR_NAME_NOT_RESOLVED',
  EAI_AGAIN: 'net::ERR_NAME_NOT_RESOLVED',
  ETIMEDOUT: 'net::ERR_CONNECTION_TIMED_OUT',
  EHOSTUNREACH: 'net::ERR_ADDRESS_UNREACHABLE',
  ENETUNREACH: 'net::ERR_INTERNET_DISCONNECTED',
  UND_ERR_SOCKET: 'net::ERR_CONNECTION_CLOSED',
};
function chromiumNetError(error: unknown): unknown {
  if (!(error instanceof TypeError)) return error; // an AbortError stays what it is
  let cause: unknown = error.cause;
  while (cause !== undefined && cause !== null) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && NET_ERRORS[code] !== undefined) return new Error(NET_ERRORS[code]);
    cause = (cause as { cause?: unknown }).cause;
  }
  return new Error('net::ERR_FAILED');
}
const netStandIn = {
  async fetch(
    input: string | GlobalRequest,
    init?: RequestInit & { bypassCustomProtocolHandlers?: boolean },
  ) {
    const response = await globalThis
      .fetch(input, init)
      .catch((error: unknown) => Promise.reject(chromiumNetError(error)));
    // With redirect: 'manual' Electron cancels the request at a 3xx and rejects, rather than handing back
    // the Fetch standard's opaque redirect (electron/electron #43715).
    if (init?.redirect === 'manual' && response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      throw new Error('Redirect was cancelled');
    }
    return response;
  },
  isOnline: () => true,
} satisfies Pick<Electron.Net, 'fetch' | 'isOnline'>;
type GlobalRequest = Request;

/** The handlers given to protocol.handle, by scheme; loadURL goes through them. */
const protocolHandlers = new Map<string, (request: GlobalRequest) => Response | Promise<Response>>();
/** The schemes registered as privileged, as given (before `ready`, as Electron requires). */
export const privilegedSchemes: Electron.CustomScheme[] = [];
const protocolStandIn = {
  registerSchemesAsPrivileged: (schemes: Electron.CustomScheme[]) => {
    privilegedSchemes.push(...schemes);
  },
  handle: (scheme: string, handler: (request: GlobalRequest) => Response | Promise<Response>) => {
    protocolHandlers.set(scheme, handler);
  },
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
  // "Not supported on Wayland (Linux)" (docs/api/screen.md): nothing to read there.
  getCursorScreenPoint: () => (desktop().windowsPlaceable ? { ...screenControl.cursor } : { x: 0, y: 0 }),
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

/** The default session: the download stand-in's members, and the permission handlers the app sets. */
export const defaultSessionStandIn = Object.assign(downloadSession, {
  setPermissionRequestHandler: () => {},
  setPermissionCheckHandler: () => {},
} satisfies Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>);
const sessionStandIn = { defaultSession: defaultSessionStandIn };

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
  trayControl.bounds = noBounds();
  privilegedSchemes.length = 0;
  protocolHandlers.clear();
  Object.assign(notificationControl, {
    supported: true,
    failing: false,
    linuxCapabilities: [...DAEMON_WITH_ACTIONS],
    activationCallback: null,
    pendingActivation: null,
  });
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
    quitting: null,
    run: appControl.run + 1,
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
