import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { createBridge, type CambWatchBridge, type EventChannel } from '../../../src/shared/contract';
import { createHttpTransport, type HttpTransport } from '../../../src/webHost/browser/httpTransport';
import { startWebHost } from '../../../src/webHost/server/startWebHost';
import type { TrafficEntry, WebHost, WebHostOptions } from '../../../src/webHost/server/webHostTypes';
import { startFakeCambServer, type FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import { advanceVirtualTime } from '../../support/advanceVirtualTime';

export const SERVER_KEY = 'camb-watch-web-host-key-Zr8qP3wL6nV1';

/** What the page would see instead of the built renderer: enough to check serving without `npm run build`. */
export const FIXTURE_INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>CAMB Watch</title>
    <script type="module" crossorigin src="./assets/app.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>
`;
export const FIXTURE_SCRIPT = 'document.title = "fixture";\n';
export const FIXTURE_BRIDGE = 'window.fixtureBridge = true;\n';
/** A file beside the renderer folder that no request may reach. */
export const OUTSIDE_SECRET = 'outside-the-renderer-folder';

export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface WebHostHarness {
  readonly web: WebHost;
  readonly clock: VirtualClock;
  readonly server: FakeCambServer;
  readonly stateDir: string;
  /** Every body that crossed the local socket since the host started. */
  readonly traffic: TrafficEntry[];
  /** A bridge built exactly as the page builds it, over real HTTP and the real event stream. */
  readonly bridge: CambWatchBridge;
  readonly transport: HttpTransport;
  /** A request with full control over the path and headers (fetch would normalise both). */
  raw(options: {
    path: string;
    method?: string;
    headers?: http.OutgoingHttpHeaders;
    body?: string;
  }): Promise<RawResponse>;
  /** Resolves with the next payload of `event` that satisfies `matches`. */
  nextEvent<T = unknown>(event: EventChannel, matches?: (payload: T) => boolean): Promise<T>;
  /** Moves virtual time on timer by timer, letting real HTTP answers arrive before the clock moves again. */
  advance(ms: number): Promise<void>;
  /** Closes this host and starts another over the same state folder (and the same fake server and clock). */
  restart(): Promise<WebHostHarness>;
  close(): Promise<void>;
}

interface Shared {
  readonly clock: VirtualClock;
  readonly server: FakeCambServer;
  readonly stateDir: string;
  readonly fixtureDir: string;
}

async function open(
  shared: Shared,
  options: Omit<Partial<WebHostOptions>, 'clock'>,
): Promise<WebHostHarness> {
  const { clock, server, stateDir, fixtureDir } = shared;
  const web = await startWebHost({
    stateDir,
    clock,
    apiBase: server.baseUrl,
    rendererDir: path.join(fixtureDir, 'renderer'),
    bridgeScript: path.join(fixtureDir, 'bridge.js'),
    environment: {},
    ...options,
  });
  const traffic: TrafficEntry[] = [];
  web.observeTraffic((entry) => traffic.push(entry));
  const transport = createHttpTransport({ origin: web.origin, token: web.token, fetch });
  await transport.whenStreamOpened();
  const bridge = createBridge(transport);

  const raw: WebHostHarness['raw'] = ({ path: requestPath, method = 'GET', headers = {}, body }) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: web.port,
          path: requestPath,
          method,
          headers: { host: `127.0.0.1:${web.port}`, ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const advance = (ms: number) => advanceVirtualTime(clock, ms, () => web.service.whenIdle());

  const harness: WebHostHarness = {
    web,
    clock,
    server,
    stateDir,
    traffic,
    bridge,
    transport,
    raw,
    nextEvent: <T>(event: EventChannel, matches: (payload: T) => boolean = () => true) =>
      new Promise<T>((resolve) => {
        const stop = transport.subscribe(event, (payload) => {
          if (!matches(payload as T)) return;
          stop();
          resolve(payload as T);
        });
      }),
    advance,
    async restart() {
      transport.close();
      await web.close();
      return open(shared, options);
    },
    async close() {
      transport.close();
      await web.close();
      await server.close();
      fs.rmSync(stateDir, { recursive: true, force: true });
      fs.rmSync(fixtureDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** A web host over a fresh state folder, a fixture renderer, a fake CAMB server and a virtual clock. */
export async function createWebHostHarness(
  options: Omit<Partial<WebHostOptions>, 'clock'> & {
    /** The clock the host runs on and `advance` moves; default a new one. */
    clock?: VirtualClock;
    beforeStart?: (stateDir: string) => void;
  } = {},
): Promise<WebHostHarness> {
  const { beforeStart, clock = new VirtualClock(), ...hostOptions } = options;
  const server = await startFakeCambServer({ apiKey: SERVER_KEY, now: () => clock.now() });
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-web-state-'));
  const fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-web-fixture-'));
  fs.mkdirSync(path.join(fixtureDir, 'renderer', 'assets'), { recursive: true });
  fs.writeFileSync(path.join(fixtureDir, 'renderer', 'index.html'), FIXTURE_INDEX);
  fs.writeFileSync(path.join(fixtureDir, 'renderer', 'assets', 'app.js'), FIXTURE_SCRIPT);
  fs.writeFileSync(path.join(fixtureDir, 'bridge.js'), FIXTURE_BRIDGE);
  fs.writeFileSync(path.join(fixtureDir, 'secret.txt'), OUTSIDE_SECRET);
  beforeStart?.(stateDir);
  return open({ clock, server, stateDir, fixtureDir }, hostOptions);
}
