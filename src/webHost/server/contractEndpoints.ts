import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppHost } from '../../main/core/appHost';
import type { Logger } from '../../main/core/logging';
import { INVOKE_CHANNELS, type EventSink, type InvokeEnvelope } from '../../shared/contract';
import { EVENTS_PATH } from '../browser/webHostPaths';
import { readJsonBody } from './readJsonBody';
import type { TrafficEntry } from './webHostTypes';

type RecordTraffic = (entry: TrafficEntry) => void;

/** Writes a JSON answer and tells the traffic log exactly what was written. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  channel: string,
  record: RecordTraffic,
): void {
  const text = JSON.stringify(body);
  record({ direction: 'response', channel, body: text });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function refusal(error: string): InvokeEnvelope {
  return { ok: false, error };
}

/**
 * `POST /__camb-watch/invoke/<channel>` with a JSON body: one action of the contract, answered with its
 * envelope. A refused request (bad JSON, too large, unknown action) answers an envelope too, so the page
 * shows the words either way.
 */
export async function handleInvoke(
  req: IncomingMessage,
  res: ServerResponse,
  channel: string,
  host: AppHost,
  record: RecordTraffic,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return sendJson(res, 405, refusal('Actions are sent with POST.'), channel, record);
  }
  if (!Object.hasOwn(INVOKE_CHANNELS, channel)) {
    req.resume();
    return sendJson(res, 404, await host.dispatch(channel, undefined), channel, record);
  }
  const body = await readJsonBody(req);
  if (!body.ok) {
    if (body.status === 413) res.setHeader('connection', 'close');
    return sendJson(res, body.status, refusal(body.error), channel, record);
  }
  record({ direction: 'request', channel, body: body.text });
  sendJson(res, 200, await host.dispatch(channel, body.value), channel, record);
}

/** The open event streams, so closing the host can end them (a browser keeps one open forever). */
export type EventStreams = Set<ServerResponse>;

/**
 * `GET /__camb-watch/events`: every contract event as a server-sent event (`event: <name>` and one
 * `data:` line of JSON) until the page goes away. The sink is attached before the headers go out, so
 * a page that has seen the stream open cannot miss an event caused by its next action.
 */
export function handleEvents(
  req: IncomingMessage,
  res: ServerResponse,
  host: AppHost,
  streams: EventStreams,
  record: RecordTraffic,
  logger: Logger,
): void {
  if (req.method !== 'GET') {
    res.setHeader('allow', 'GET');
    return sendJson(res, 405, refusal('The event stream is read with GET.'), EVENTS_PATH, record);
  }
  const sink: EventSink = (event, payload) => {
    const data = JSON.stringify(payload);
    record({ direction: 'event', channel: event, body: data });
    res.write(`event: ${event}\ndata: ${data}\n\n`);
  };
  const detach = host.attach(sink);
  streams.add(res);
  const end = () => {
    detach();
    streams.delete(res);
  };
  res.once('close', end);
  res.on('error', (error) => logger.debug('An event stream broke', { error: String(error) }));
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    // Nothing between here and the page may hold events back.
    'x-accel-buffering': 'no',
  });
  res.write(': connected\n\n');
}
