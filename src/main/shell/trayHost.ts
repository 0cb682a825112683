import { execFile } from 'node:child_process';
import { parseNameHasOwner } from '../core/window';

/** The session bus answers at once; a bus that does not is treated as unknown, not waited for. */
const BUS_TIMEOUT_MS = 2_000;

const WATCHER = 'org.kde.StatusNotifierWatcher';

/** Two clients that most desktops carry (glib's gdbus, dbus' dbus-send), asked in turn. */
const ASK_THE_BUS: readonly (readonly [string, readonly string[]])[] = [
  [
    'gdbus',
    [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.DBus',
      '--object-path',
      '/org/freedesktop/DBus',
      '--method',
      'org.freedesktop.DBus.NameHasOwner',
      WATCHER,
    ],
  ],
  [
    'dbus-send',
    [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      `string:${WATCHER}`,
    ],
  ],
];

function ask(command: string, args: readonly string[]): Promise<boolean | null> {
  return new Promise((resolve) => {
    execFile(command, [...args], { timeout: BUS_TIMEOUT_MS }, (error, stdout) => {
      resolve(error === null ? parseNameHasOwner(stdout) : null);
    });
  });
}

/**
 * Linux: whether a StatusNotifierWatcher is on the session bus, i.e. whether a panel will show Electron's
 * tray icon (Electron registers a StatusNotifierItem with it: shell/browser/ui/tray_icon_linux.cc). Null
 * off Linux, or when no client could ask (trayDesktop then guesses from XDG_CURRENT_DESKTOP).
 */
export async function statusNotifierWatcherPresent(): Promise<boolean | null> {
  if (process.platform !== 'linux') return null;
  for (const [command, args] of ASK_THE_BUS) {
    const answer = await ask(command, args);
    if (answer !== null) return answer;
  }
  return null;
}
