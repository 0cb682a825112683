import { pathToFileURL } from 'node:url';
import { clipText } from '../../../shared/format/clipText';
import type { TaskKey } from '../../../shared/watchedTask';
import { APP_NAME, DESKTOP_FILE_ID, EXECUTABLE_NAME } from '../appIdentity';
import type { NotificationAction } from '../notifications';

/**
 * The arguments of org.freedesktop.Notifications.Notify (Desktop Notifications Specification 1.2,
 * "org.freedesktop.Notifications.Notify"), worked out from a notice and what the daemon says it can do.
 * Pure: the bus (notificationsBus.ts) only sends what this says.
 */

/** A notice as the shell hands it over: the same one Electron's Notification would show. */
export interface FreedesktopNotice {
  readonly title: string;
  readonly body: string;
  /** The task a click opens; null opens the window as it is. */
  readonly taskKey: TaskKey | null;
  /** Buttons under the text (a ready job's Open result, Download, Copy link; a failure's fix; Keep waiting). */
  readonly actions: readonly NotificationAction[];
  /** No sound from the daemon: the user chose none, or the app plays its own chime. */
  readonly silent: boolean;
}

/** A hint's D-Bus type and value: a string, a boolean or a byte (the spec's hints use no others here). */
export type HintValue =
  | { readonly type: 's'; readonly value: string }
  | { readonly type: 'b'; readonly value: boolean }
  | { readonly type: 'y'; readonly value: number };

export interface NotifyArguments {
  readonly appName: string;
  readonly replacesId: number;
  readonly appIcon: string;
  readonly summary: string;
  readonly body: string;
  /** Pairs of key and label, flattened as the spec sends them: [key1, label1, key2, label2, …]. */
  readonly actions: readonly string[];
  readonly hints: Readonly<Record<string, HintValue>>;
  /** -1: the daemon's own default, as Electron asks (libnotify_notification.cc, NOTIFY_EXPIRES_DEFAULT). */
  readonly expireTimeout: number;
}

/**
 * The action a click on the notification's body invokes (the spec: "default" is the key of the default
 * action, which servers invoke on a click and usually do not show as a button). Electron adds the same one
 * (libnotify_notification.cc Show: `notify_notification_add_action(…, "default", "View", …)`).
 */
export const DEFAULT_ACTION_KEY = 'default';
const DEFAULT_ACTION_LABEL = 'Open';

/** A summary is one line in every daemon; a body a few. Job labels come from the user and from CAMB.AI. */
const SUMMARY_MAX_CHARS = 120;
const BODY_MAX_CHARS = 400;
/** Button labels are ours ("Switch to dub"), but kept short whatever a kind's name becomes. */
const BUTTON_MAX_CHARS = 40;

/** The spec's urgency levels (hints "urgency", a byte): Electron's default, normal, for every notice here. */
const URGENCY_NORMAL = 1;

/**
 * Text for a daemon that parses body markup (capability "body-markup": a subset of XML, `<b>`, `<i>`,
 * `<a>`…): `&`, `<` and `>` written as entities, so a job named `<b>x</b>` or `a & b` shows as written.
 */
export function escapeBodyMarkup(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * The icon as a file:// URI the daemon opens itself (the spec's "image-path": a URI or an icon name), or
 * none for a file inside Electron's app.asar archive, which only Electron's own file functions can read.
 */
function readableIconUri(iconPath: string | undefined): string | undefined {
  if (iconPath === undefined || /\.asar[\\/]/u.test(iconPath)) return undefined;
  return pathToFileURL(iconPath).href;
}

/**
 * Notify's arguments for `notice`. The app's icon by its theme name (the .deb installs it, the AppImage's
 * first run too: linuxDesktop), and the PNG itself as `image-path` where the daemon can read it (a
 * development build). `desktop-entry` names the desktop file, as Electron sends it, so the daemon shows the
 * app's name and icon and groups its notifications. `suppress-sound` when the notice is silent (Electron
 * sends no sound hint on Linux; a daemon that plays sounds would otherwise play one over the app's chime).
 */
export function notifyArguments(
  notice: FreedesktopNotice,
  capabilities: ReadonlySet<string>,
  iconPath?: string,
): NotifyArguments {
  const body = clipText(notice.body, BODY_MAX_CHARS);
  const buttons = notice.taskKey === null ? [] : notice.actions;
  const image = readableIconUri(iconPath);
  return {
    appName: APP_NAME,
    replacesId: 0,
    appIcon: EXECUTABLE_NAME,
    // The summary is plain text in every daemon (the spec: markup is for the body only).
    summary: clipText(notice.title, SUMMARY_MAX_CHARS),
    body: capabilities.has('body-markup') ? escapeBodyMarkup(body) : body,
    actions: [
      DEFAULT_ACTION_KEY,
      DEFAULT_ACTION_LABEL,
      ...buttons.flatMap((action) => [action.id, clipText(action.label, BUTTON_MAX_CHARS)]),
    ],
    hints: {
      urgency: { type: 'y', value: URGENCY_NORMAL },
      'desktop-entry': { type: 's', value: DESKTOP_FILE_ID },
      ...(image === undefined ? {} : { 'image-path': { type: 's', value: image } }),
      ...(notice.silent ? { 'suppress-sound': { type: 'b', value: true } } : {}),
    },
    expireTimeout: -1,
  };
}
