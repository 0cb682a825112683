/**
 * A relay between a client and a D-Bus session bus, passing bytes both ways, that a test can tell to
 * play a bus going away at the worst moment: it reads the client's next call and closes cleanly without
 * answering — what a dbus-daemon does when it reads a message in the same turn of its loop as its SIGTERM
 * (the client then sees an end of stream, not a socket error).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BusRelay {
  /** A bus address (`unix:path=…`) that reaches the bus through the relay. */
  readonly address: string;
  /** Swallows the next bytes any client writes and ends that client's stream, without an error. */
  endOnNextCall(): void;
  stop(): Promise<void>;
}

/** `busAddress`: the bus's own `unix:path=…` address (as `startPrivateSessionBus` gives it). */
export async function startBusRelay(busAddress: string): Promise<BusRelay> {
  const busPath = /^unix:path=([^,;]+)/u.exec(busAddress)?.[1];
  if (busPath === undefined) throw new Error(`the relay reaches only unix:path= buses, not ${busAddress}`);
  const folder = mkdtempSync(path.join(tmpdir(), 'camb-bus-relay-'));
  const socketPath = path.join(folder, 'relay');
  let endOnNext = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.createConnection(busPath);
    sockets.add(client).add(upstream);
    upstream.on('data', (chunk) => client.write(chunk));
    client.on('data', (chunk) => {
      if (!endOnNext) {
        upstream.write(chunk);
        return;
      }
      endOnNext = false;
      upstream.destroy();
      client.end();
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    address: `unix:path=${socketPath}`,
    endOnNextCall() {
      endOnNext = true;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
