/**
 * A D-Bus session bus of a test's own: the real dbus-daemon, listening on a socket in a temporary folder,
 * with no service folders, so nothing is activated behind the test's back (a notification daemon
 * installed on the machine, say) and every name on it is one the test put there.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface PrivateSessionBus {
  /** What DBUS_SESSION_BUS_ADDRESS would say: `unix:path=…,guid=…`. */
  readonly address: string;
  stop(): void;
}

/** Whether this machine has a dbus-daemon to start (Linux with the dbus package). */
export const hasDbusDaemon = (() => {
  try {
    return statSync('/usr/bin/dbus-daemon').isFile();
  } catch {
    return false;
  }
})();

/**
 * A session bus's configuration with no service folders (nothing is activated) that lets every client
 * own, send and listen to anything; `listen` is its address (`unix:dir=…`, `unix:tmpdir=…`).
 */
export function bareSessionBusConfig(listen: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>${listen}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;
}

/**
 * `abstract`: listening on an abstract socket (`unix:abstract=…`, no file: what older dbus-launch sessions
 * gave on Linux) instead of a socket file in the folder.
 */
export async function startPrivateSessionBus(
  options: { abstract?: boolean } = {},
): Promise<PrivateSessionBus> {
  const folder = mkdtempSync(path.join(tmpdir(), 'camb-session-bus-'));
  const config = path.join(folder, 'session.conf');
  const listen = options.abstract === true ? `unix:abstract=${folder}/bus` : `unix:dir=${folder}`;
  writeFileSync(config, bareSessionBusConfig(listen));
  const daemon = spawn('/usr/bin/dbus-daemon', [`--config-file=${config}`, '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (daemon.stdout === null) throw new Error('dbus-daemon gave no output stream');
  const lines = createInterface({ input: daemon.stdout });
  const address = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    daemon.once('exit', (code) => reject(new Error(`dbus-daemon ended (${code}) before it listened`)));
  });
  return {
    address,
    stop() {
      daemon.kill();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
