/**
 * The app's question to the session bus — is there a StatusNotifierWatcher, i.e. will a panel show the
 * tray icon? — asked of a real, private D-Bus session bus with the real `gdbus` and `dbus-send`, with and
 * without a watcher on it, and with no bus at all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import dbus from 'dbus-next';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { statusNotifierWatcherPresent } from '../../../src/main/shell/trayHost';

const WATCHER = 'org.kde.StatusNotifierWatcher';
const hasTools = ['/usr/bin/dbus-daemon', '/usr/bin/gdbus', '/usr/bin/dbus-send'].every((tool) => {
  try {
    return statSync(tool).isFile();
  } catch {
    return false;
  }
});

let daemon: ChildProcess | null = null;
let address = '';
const saved = { address: process.env['DBUS_SESSION_BUS_ADDRESS'], path: process.env['PATH'] };
const folders: string[] = [];

beforeAll(async () => {
  if (!hasTools) return;
  daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (daemon.stdout === null) throw new Error('dbus-daemon gave no output stream');
  const lines = createInterface({ input: daemon.stdout });
  address = await new Promise<string>((resolve) => lines.once('line', resolve));
});

afterAll(() => {
  daemon?.kill();
});

afterEach(() => {
  if (saved.address === undefined) Reflect.deleteProperty(process.env, 'DBUS_SESSION_BUS_ADDRESS');
  else process.env['DBUS_SESSION_BUS_ADDRESS'] = saved.address;
  process.env['PATH'] = saved.path;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A PATH holding only this one bus client, so the other is not found. */
function onlyOnPath(client: 'gdbus' | 'dbus-send'): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'camb-bus-client-'));
  folders.push(folder);
  symlinkSync(`/usr/bin/${client}`, path.join(folder, client));
  return folder;
}

describe.skipIf(!hasTools || process.platform !== 'linux')('statusNotifierWatcherPresent', () => {
  it('no watcher on the bus (stock GNOME): false, by gdbus and by dbus-send', async () => {
    process.env['DBUS_SESSION_BUS_ADDRESS'] = address;
    expect(await statusNotifierWatcherPresent()).toBe(false);
    process.env['PATH'] = onlyOnPath('dbus-send');
    expect(await statusNotifierWatcherPresent()).toBe(false);
  });

  it('a watcher owns its name (KDE, XFCE, the AppIndicator extension): true, by gdbus and by dbus-send', async () => {
    process.env['DBUS_SESSION_BUS_ADDRESS'] = address;
    const panel = dbus.sessionBus({ busAddress: address });
    try {
      // DBUS_NAME_FLAG_DO_NOT_QUEUE; 1 is DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER.
      expect(await panel.requestName(WATCHER, 4)).toBe(1);
      expect(await statusNotifierWatcherPresent()).toBe(true);
      process.env['PATH'] = onlyOnPath('dbus-send');
      expect(await statusNotifierWatcherPresent()).toBe(true);
    } finally {
      panel.disconnect();
    }
  });

  it('no bus to ask, or no client to ask it with: unknown (null), for the desktop name to decide', async () => {
    process.env['DBUS_SESSION_BUS_ADDRESS'] = `unix:path=${path.join(tmpdir(), 'no-such-bus-socket')}`;
    expect(await statusNotifierWatcherPresent()).toBeNull();
    process.env['DBUS_SESSION_BUS_ADDRESS'] = address;
    process.env['PATH'] = mkdtempSync(path.join(tmpdir(), 'camb-no-clients-'));
    folders.push(process.env['PATH']);
    expect(await statusNotifierWatcherPresent()).toBeNull();
  });
});
