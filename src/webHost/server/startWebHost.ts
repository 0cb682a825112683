import fs from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppHost, type HostPlatform } from '../../main/core/appHost';
import { isLocalApiBase } from '../../main/core/links';
import { systemClock, type Clock } from '../../main/core/clock';
import { DEFAULT_CAMB_API_BASE } from '../../main/core/camb';
import { silentLogger, type Logger } from '../../main/core/logging';
import { redactingLogger } from '../../main/core/logging';
import { createRedactor } from '../../main/core/logging';
import { openDocumentStore } from '../../main/core/persistence';
import { openWithFolderLock } from '../../main/core/persistence';
import { rememberingSecretStore } from '../../main/core/secrets';
import { createUpdateController, updatesNotAvailable, type UpdateController } from '../../main/core/updates';
import { createWatchService } from '../../main/core/watchService';
import {
  BRIDGE_SCRIPT_PATH,
  EVENTS_PATH,
  INVOKE_PATH_PREFIX,
  WEB_HOST_PATH_PREFIX,
} from '../browser/webHostPaths';
import { handleEvents, handleInvoke, refusal, sendJson, type EventStreams } from './contractEndpoints';
import { developmentSecretStore } from './developmentSecrets';
import { showNotificationsAsNotices } from './notificationNotices';
import { createToken, hasOwnHost, hasOwnOriginIfAny, hasToken } from './requestGuard';
import { pagePolicy, setSecurityHeaders } from './securityHeaders';
import { contentTypeFor } from '../../main/core/appProtocol';
import { createStaticFiles } from './staticFiles';
import type { TrafficEntry, WebHost, WebHostOptions } from './webHostTypes';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DEFAULT_RENDERER_DIR = path.join(REPOSITORY_ROOT, 'out', 'renderer');
export const DEFAULT_BRIDGE_SCRIPT = path.join(REPOSITORY_ROOT, 'out', 'web-bridge', 'bridge.js');

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} on 127.0.0.1 is already in use.`) : error),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

/**
 * Runs the real core in this process and serves the built renderer on 127.0.0.1, with the contract
 * carried over HTTP: `POST /__camb-watch/invoke/<action>` and the event stream `GET /__camb-watch/events`,
 * both guarded by a per-run token and a Host check. For development (`npm run dev:web`) and the
 * end-to-end tests; never packaged.
 *
 * ```ts
 * const clock = new VirtualClock();
 * const web = await startWebHost({ stateDir, clock, apiBase: fake.baseUrl, rendererDir });
 * await page.goto(web.url);                 // the token travels in the #fragment
 * await clock.advance(3_000); await web.service.whenIdle();
 * await web.close();
 * ```
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  const bridgeScript = options.bridgeScript ?? DEFAULT_BRIDGE_SCRIPT;
  if (!fs.existsSync(path.join(rendererDir, 'index.html')))
    throw new Error(
      `The renderer has not been built: ${rendererDir} has no index.html. Run \`npm run build\`.`,
    );
  const stateDir = path.resolve(options.stateDir);
  const downloadsDir = path.join(stateDir, 'downloads');
  fs.mkdirSync(downloadsDir, { recursive: true });

  const clock = options.clock ?? systemClock;
  const fetchImpl = options.fetch ?? fetch;
  const keysSeen = new Set<string>();
  const logger: Logger = redactingLogger(
    options.logger ?? silentLogger,
    createRedactor(() => [...keysSeen]),
  );
  const secrets = rememberingSecretStore(
    options.secrets ?? developmentSecretStore(options.environment ?? process.env),
    (key) => keysSeen.add(key),
  );

  // One writer per folder: the desktop app or another web host on it would lose half of the actions.
  const { store, recovery, lock } = await openWithFolderLock(stateDir, 'the web host', logger, () =>
    openDocumentStore({ cwd: stateDir, clock, logger }),
  );
  const service = createWatchService({
    clock,
    fetch: fetchImpl,
    ...(options.apiBase !== undefined ? { baseUrl: options.apiBase } : {}),
    store,
    recovery,
    secrets,
    logger,
  });
  // A local simulator's result files play in the details as CAMB.AI's would (its origin only, never http
  // elsewhere); against the real CAMB.AI the page keeps the desktop app's policy.
  const localMediaOrigin =
    options.apiBase !== undefined && isLocalApiBase(options.apiBase) ? new URL(options.apiBase).origin : null;
  const policy = pagePolicy(localMediaOrigin);
  const openedLinks: string[] = [];
  const shownFiles: string[] = [];
  const platform: HostPlatform = {
    host: 'web',
    downloadsDir,
    // A development session must not start programs on the machine (or on CI): links and files are
    // recorded, and a result link goes back to the page, which opens it in a tab of its own browser.
    openExternal: async (url) => {
      openedLinks.push(url);
      logger.info('The page asked to open a link', { url });
    },
    linksOpenInPage: true,
    showItemInFolder: (file) => {
      shownFiles.push(file);
      logger.info('The page asked to show a file in its folder', { file });
    },
  };
  const host = createAppHost({
    service,
    platform,
    fetch: fetchImpl,
    clock,
    logger,
    allowLoopbackHttp: isLocalApiBase(options.apiBase),
    localMediaOrigin,
    apiBase: options.apiBase ?? DEFAULT_CAMB_API_BASE,
    ...testUpdates(options, clock, logger),
  });
  const stopNotices = showNotificationsAsNotices(service, host);

  const token = createToken();
  const trafficListeners = new Set<(entry: TrafficEntry) => void>();
  const record = (entry: TrafficEntry) => {
    for (const listener of trafficListeners) listener(entry);
  };
  const streams: EventStreams = new Set();
  const files = createStaticFiles(rendererDir, policy);
  // The bridge and its source map: served without the token, they hold no secret.
  const bridgeFiles = new Map([
    [BRIDGE_SCRIPT_PATH, bridgeScript],
    [`${BRIDGE_SCRIPT_PATH}.map`, `${bridgeScript}.map`],
  ]);
  let port = 0;

  async function serveFile(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return sendText(res, 405, 'Method not allowed.');
    }
    const bridgeFile = bridgeFiles.get(pathname);
    if (bridgeFile !== undefined) {
      try {
        const body = await fs.promises.readFile(bridgeFile);
        res.writeHead(200, { 'content-type': contentTypeFor(bridgeFile), 'content-length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      } catch {
        return sendText(
          res,
          404,
          `The browser bridge has not been built (${bridgeFile}): run \`npm run build\`.`,
        );
      }
    }
    const file = await files.read(pathname);
    if (!file.found) return sendText(res, 404, 'Not found.');
    res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res, policy);
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (!hasOwnHost(req, port) || !hasOwnOriginIfAny(req, port)) {
      logger.warn('Refused a request addressed to another host or from another origin', {
        host: req.headers.host ?? null,
        origin: req.headers.origin ?? null,
      });
      return sendText(
        res,
        403,
        'This server answers only pages it served itself, on 127.0.0.1 or localhost.',
      );
    }
    if (!pathname.startsWith(WEB_HOST_PATH_PREFIX) || bridgeFiles.has(pathname))
      return serveFile(req, res, pathname);
    if (!hasToken(req, token)) {
      req.resume();
      return sendJson(
        res,
        403,
        refusal('The web host did not accept this page: open the address it printed (it carries a token).'),
        pathname,
        record,
      );
    }
    if (pathname === EVENTS_PATH) return handleEvents(req, res, host, streams, record, logger);
    if (pathname.startsWith(INVOKE_PATH_PREFIX))
      return handleInvoke(req, res, pathname.slice(INVOKE_PATH_PREFIX.length), host, record);
    req.resume();
    sendJson(res, 404, refusal('The web host has no such endpoint.'), pathname, record);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      logger.error('The web host failed to answer a request', { error: String(error) });
      if (!res.headersSent) sendText(res, 500, 'The web host failed; the details are in its log.');
      else res.destroy();
    });
  });
  try {
    await listen(server, options.port ?? 0);
    port = (server.address() as AddressInfo).port;
    await service.start();
  } catch (error) {
    stopNotices();
    server.close();
    host.dispose();
    service.dispose();
    lock.release();
    throw error;
  }
  const origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  async function close(): Promise<void> {
    stopNotices();
    for (const stream of streams) stream.end();
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await stopped;
    host.dispose();
    await host.whenDownloadsSettled();
    service.dispose();
    lock.release();
  }

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    service,
    host,
    openedLinks,
    shownFiles,
    observeTraffic(listener) {
      trafficListeners.add(listener);
      return () => trafficListeners.delete(listener);
    },
    close: () => (closing ??= close()),
  };
}

/** The update controller a test asked for: a scripted updater, or a copy that cannot update (and why). */
function testUpdates(options: WebHostOptions, clock: Clock, logger: Logger): { updates?: UpdateController } {
  if (options.updater !== undefined)
    return {
      updates: createUpdateController({
        clock,
        logger,
        availability: { available: true },
        updater: options.updater,
      }),
    };
  const unavailable = options.updatesUnavailable;
  if (unavailable === undefined) return {};
  return { updates: updatesNotAvailable(clock, logger, unavailable.reason, unavailable.releasesUrl) };
}
