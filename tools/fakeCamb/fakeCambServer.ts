import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { TASK_KIND_TABLE } from '../../src/shared/taskKinds';
import type { TaskKind } from '../../src/shared/taskKinds';
import type { Fault } from './faults';
import { matchRoute, resultKey, statusKey } from './routes';
import type { Route } from './routes';
import { StatusTimeline, statusBody } from './timeline';
import type { TimelineStep } from './timeline';
import { streamFault, streamOversized } from './streams';

export { faults, proxyErrorPage, MAINTENANCE_PAGE } from './faults';
export type { Fault, CannedAnswer, ValidationDetailBody } from './faults';
export { step } from './timeline';
export type { TimelineStep, StatusReportSpec } from './timeline';

/**
 * A local stand-in for CAMB.AI's task API (shared/docs/CAMB-API.md), over real HTTP on 127.0.0.1. It plays
 * scripted status timelines per task, serves results, and answers with any fault of the API on demand.
 * It knows nothing of vitest, so the CLI tests and the demo mode can run it as well.
 */
export interface FakeCambServerOptions {
  /** The key(s) accepted in `x-api-key`; anything else gets 401. */
  readonly apiKey: string | readonly string[];
  /** The server's clock for timelines (`untilMs`) and the request log. Default Date.now. */
  readonly now?: () => number;
  /** Path prefix of the API, as on client.camb.ai. Default `/apis`. */
  readonly basePath?: string;
  /** Port on 127.0.0.1; default 0, any free port. */
  readonly port?: number;
  /**
   * How much later than `now()` each request counts as arrived in the log, as if the network had delayed
   * it: round-trip jitter for tests of where a rate limit is enforced. Default none.
   */
  readonly arrivalDelayMs?: () => number;
}

export interface RequestLogEntry {
  readonly method: string;
  /** Path below the base path, as sent (still URI-encoded), without query. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly at: number;
  /** Whether x-api-key was an accepted key. The key itself is never stored. */
  readonly hadValidKey: boolean;
  /** Request headers (lower-case names), without x-api-key. */
  readonly headers: Readonly<Record<string, string>>;
  readonly route: Route['route'];
  readonly kind: TaskKind | null;
  /** Task id for status requests, run id for result requests. */
  readonly id: string | null;
  /** What the server did, e.g. "status PENDING", "fault 502 html", "401", "result". Set once answered. */
  answer: string;
}

/** Audio bytes to serve instead of JSON (what tts-result sends without output_type=file_url). */
export class RawBody {
  constructor(
    readonly bytes: Buffer,
    readonly contentType: string,
  ) {}
}

export interface ResultOptions {
  /** For kinds whose result path holds one (translated-story). */
  readonly targetLanguage?: string;
  /** Which of the kind's result endpoints (translated-tts: 0 = tts-result, 1 = translation-result). Default 0. */
  readonly endpoint?: number;
}

export interface FakeCambServer {
  /** e.g. `http://127.0.0.1:43121/apis`: give it to the client or CAMB_API_BASE. */
  readonly baseUrl: string;
  readonly port: number;
  /** Starts (or restarts) a task's timeline; a single step holds forever. */
  addTask(kind: TaskKind, taskId: string, timeline: TimelineStep | readonly TimelineStep[]): void;
  removeTask(kind: TaskKind, taskId: string): void;
  /** The next status requests for this task get these faults, in order; then its timeline resumes. */
  injectFaults(kind: TaskKind, taskId: string, faults: readonly Fault[]): void;
  /** The next requests for this run's result endpoint get these faults, in order. */
  injectResultFaults(
    kind: TaskKind,
    runId: number | string,
    faults: readonly Fault[],
    options?: ResultOptions,
  ): void;
  /** The next requests to any path, valid key or not, get these faults, in order. */
  injectGlobalFaults(faults: readonly Fault[]): void;
  /** Replaces the accepted key(s), as when a user rotates theirs. */
  setApiKey(apiKey: string | readonly string[]): void;
  /**
   * A file the fake storage serves at `/files/<name>` without a key, as CAMB.AI's signed result links
   * are; returns its link, to put in a result. Plain http on 127.0.0.1: only a local API base allows it.
   */
  addFile(name: string, body: Buffer | string, contentType?: string): string;
  /** The next requests for this file get these faults, in order (a 404 is what an expired link gets). */
  injectFileFaults(name: string, faults: readonly Fault[]): void;
  /** The JSON (or RawBody) a result endpoint answers for this run. */
  addResult(kind: TaskKind, runId: number | string, body: unknown, options?: ResultOptions): void;
  readonly requests: readonly RequestLogEntry[];
  /** Status requests received for the task, whatever they were answered with. */
  requestCount(kind: TaskKind, taskId: string): number;
  /** Resolves once `count` requests (matching `filter`, if given) have arrived; for tests of hung requests. */
  waitForRequests(count: number, filter?: (entry: RequestLogEntry) => boolean): Promise<void>;
  clearRequests(): void;
  /** Stops listening and destroys every connection, hung ones included. */
  close(): Promise<void>;
}

/** tts and text-to-sound send bytes unless asked for `output_type=file_url`. */
const AUDIO_BY_ENDPOINT: Readonly<Record<string, RawBody>> = {
  'tts-result': new RawBody(Buffer.concat([Buffer.from('fLaC'), Buffer.alloc(60)]), 'audio/flac'),
  'text-to-sound-result': new RawBody(
    Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVE')]),
    'audio/wav',
  ),
};

interface Waiter {
  readonly count: number;
  readonly filter: (entry: RequestLogEntry) => boolean;
  readonly resolve: () => void;
}

export async function startFakeCambServer(options: FakeCambServerOptions): Promise<FakeCambServer> {
  const now = options.now ?? Date.now;
  const basePath = (options.basePath ?? '/apis').replace(/\/+$/, '');
  let apiKeys = new Set(keyList(options.apiKey));
  const timelines = new Map<string, StatusTimeline>();
  const results = new Map<string, unknown>();
  const files = new Map<string, RawBody>();
  const fileFaults = new Map<string, Fault[]>();
  const pathFaults = new Map<string, Fault[]>();
  let globalFaults: Fault[] = [];
  const log: RequestLogEntry[] = [];
  let waiters: Waiter[] = [];
  const sockets = new Set<Socket>();

  function record(entry: RequestLogEntry): void {
    log.push(entry);
    waiters = waiters.filter((waiter) => {
      if (log.filter(waiter.filter).length < waiter.count) return true;
      waiter.resolve();
      return false;
    });
  }

  function takeFault(queue: Fault[] | undefined): Fault | undefined {
    return queue?.shift();
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake-camb.invalid');
    const header = req.headers['x-api-key'];
    const hadValidKey = typeof header === 'string' && apiKeys.has(header);
    const below = url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : null;
    const route: Route = url.pathname.startsWith('/files/')
      ? { route: 'file', name: safeDecode(url.pathname.slice('/files/'.length)) }
      : below === null
        ? { route: 'unknown' }
        : matchRoute(below);
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path: below ?? url.pathname,
      query: Object.fromEntries(url.searchParams),
      at: now() + (options.arrivalDelayMs?.() ?? 0),
      hadValidKey,
      headers: headersWithoutKey(req),
      route: route.route,
      kind:
        route.route === 'status' ? route.kind : route.route === 'result' ? (route.kinds[0] ?? null) : null,
      id: route.route === 'status' ? route.taskId : route.route === 'result' ? route.runId : null,
      answer: '',
    };
    record(entry);
    // The storage is another host in real life: the API's global faults and its key do not apply.
    if (route.route === 'file') return serveFile(route.name, req, res, entry);

    const globalFault = takeFault(globalFaults);
    if (globalFault !== undefined) return playFault(globalFault, req, res, entry);
    if (!hadValidKey) return sendJson(res, entry, '401', 401, { error: 'Invalid API key', status: 401 });
    if (entry.method !== 'GET') return sendJson(res, entry, '405', 405, { detail: 'Method Not Allowed' });
    if (route.route === 'unknown') return sendJson(res, entry, '404', 404, { detail: 'Not Found' });
    const pathFault = takeFault(pathFaults.get(route.key));
    if (pathFault !== undefined) return playFault(pathFault, req, res, entry);

    if (route.route === 'status') {
      const timeline = timelines.get(route.key);
      if (timeline === undefined) {
        return sendJson(res, entry, '404', 404, { detail: `Task ${route.taskId} not found` });
      }
      const report = timeline.poll(now());
      return sendJson(res, entry, `status ${report.status}`, 200, statusBody(report));
    }
    const stored = results.get(route.key);
    if (stored === undefined)
      return sendJson(res, entry, '404', 404, { detail: `Run ${route.runId} not found` });
    const audio = AUDIO_BY_ENDPOINT[route.endpoint];
    if (
      stored instanceof RawBody ||
      (audio !== undefined && url.searchParams.get('output_type') !== 'file_url')
    ) {
      const raw = stored instanceof RawBody ? stored : (audio as RawBody);
      entry.answer = `result bytes ${raw.contentType}`;
      res.writeHead(200, { 'content-type': raw.contentType, 'content-length': raw.bytes.length });
      res.end(raw.bytes);
      return;
    }
    return sendJson(res, entry, 'result', 200, withoutTranscriptUnlessAsked(stored, url));
  }

  function serveFile(name: string, req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry): void {
    const fault = takeFault(fileFaults.get(name));
    if (fault !== undefined) return playFault(fault, req, res, entry);
    const file = files.get(name);
    if (file === undefined || (entry.method !== 'GET' && entry.method !== 'HEAD')) {
      entry.answer = 'file 404';
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('No such file.');
      return;
    }
    entry.answer = 'file';
    res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.bytes.length });
    res.end(entry.method === 'HEAD' ? undefined : file.bytes);
  }

  function playFault(fault: Fault, req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry): void {
    if (fault.type === 'hang') {
      entry.answer = 'fault hang';
      return;
    }
    if (fault.type === 'reset') {
      entry.answer = 'fault reset';
      req.socket.resetAndDestroy();
      return;
    }
    if (fault.type === 'oversized') {
      entry.answer = `fault oversized ${fault.bytes}`;
      streamOversized(res, fault.bytes);
      return;
    }
    entry.answer = `fault ${fault.name}`;
    if (fault.type === 'stream') return streamFault(res, fault);
    res.writeHead(fault.status, fault.headers);
    res.end(fault.body);
  }

  const server = createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  function resultTemplate(kind: TaskKind, resultOptions: ResultOptions): string {
    const paths = TASK_KIND_TABLE[kind].resultPaths;
    const template = paths[resultOptions.endpoint ?? 0];
    if (template === undefined)
      throw new Error(`${kind} has no result endpoint #${resultOptions.endpoint ?? 0}`);
    if (template.includes('{target_language}') && resultOptions.targetLanguage === undefined) {
      throw new Error(`${kind} results need a targetLanguage`);
    }
    return template;
  }

  return {
    baseUrl: `http://127.0.0.1:${port}${basePath}`,
    port,
    addTask(kind, taskId, timeline) {
      const steps = Array.isArray(timeline) ? timeline : [timeline as TimelineStep];
      timelines.set(statusKey(kind, taskId), new StatusTimeline(steps, now()));
    },
    removeTask(kind, taskId) {
      timelines.delete(statusKey(kind, taskId));
    },
    injectFaults(kind, taskId, list) {
      appendFaults(pathFaults, statusKey(kind, taskId), list);
    },
    injectResultFaults(kind, runId, list, resultOptions = {}) {
      const template = resultTemplate(kind, resultOptions);
      appendFaults(pathFaults, resultKey(template, String(runId), resultOptions.targetLanguage), list);
    },
    injectGlobalFaults(list) {
      globalFaults = [...globalFaults, ...list];
    },
    setApiKey(apiKey) {
      apiKeys = new Set(keyList(apiKey));
    },
    addFile(name, body, contentType = 'application/octet-stream') {
      files.set(name, new RawBody(Buffer.from(body), contentType));
      return `http://127.0.0.1:${port}/files/${encodeURIComponent(name)}`;
    },
    injectFileFaults(name, list) {
      appendFaults(fileFaults, name, list);
    },
    addResult(kind, runId, body, resultOptions = {}) {
      const template = resultTemplate(kind, resultOptions);
      results.set(resultKey(template, String(runId), resultOptions.targetLanguage), body);
    },
    get requests() {
      return log;
    },
    requestCount(kind, taskId) {
      return log.filter((entry) => entry.route === 'status' && entry.kind === kind && entry.id === taskId)
        .length;
    },
    waitForRequests(count, filter = () => true) {
      if (log.filter(filter).length >= count) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push({ count, filter, resolve }));
    },
    clearRequests() {
      log.length = 0;
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function headersWithoutKey(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(req.headers)
      .filter(([name]) => name !== 'x-api-key')
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]),
  );
}

function keyList(apiKey: string | readonly string[]): string[] {
  return typeof apiKey === 'string' ? [apiKey] : [...apiKey];
}

function appendFaults(queues: Map<string, Fault[]>, key: string, list: readonly Fault[]): void {
  queues.set(key, [...(queues.get(key) ?? []), ...list]);
}

function sendJson(
  res: ServerResponse,
  entry: RequestLogEntry,
  answer: string,
  status: number,
  body: unknown,
): void {
  entry.answer = answer;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** story-result includes the transcript only when asked with include_transcript=true, like the real API. */
function withoutTranscriptUnlessAsked(body: unknown, url: URL): unknown {
  if (url.searchParams.get('include_transcript') === 'true') return body;
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !('transcript' in body))
    return body;
  if (!url.pathname.includes('/story-result/') && !url.pathname.includes('/translated-story-result/'))
    return body;
  const { transcript: _omitted, ...rest } = body as Record<string, unknown>;
  return rest;
}
