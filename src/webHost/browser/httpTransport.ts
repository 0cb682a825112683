import { BridgeError, type BridgeTransport, type EventChannel } from '../../shared/contract';
import { createEventStreamParser } from './serverSentEvents';
import { EVENTS_PATH, INVOKE_PATH_PREFIX } from './webHostPaths';
import { backoffDelayMs, type BackoffPolicy } from '../../shared/backoff';
import { SECOND_MS } from '../../shared/time';

export const NO_TOKEN_MESSAGE = 'Open the address the web host printed (it carries a token).';
const UNREACHABLE_MESSAGE = 'The web host is not answering: is `npm run dev:web` still running?';

/** An action waits at most this long for the event stream to open, so its events are not missed. */
const STREAM_OPEN_WAIT_MS = 3_000;

export interface HttpTransportOptions {
  /** The web host's origin; '' in the page itself (same-origin paths). */
  readonly origin: string;
  /** null when the page was opened without one: every action then says how to get it. */
  readonly token: string | null;
  readonly fetch: typeof fetch;
  /** Waits before reconnecting the event stream after its `attempt`-th failure in a row. */
  readonly waitBeforeReconnect?: (attempt: number) => Promise<void>;
  /**
   * The event stream opened again after a gap: events sent meanwhile were missed, so what the page shows
   * may be out of date (the page reloads to redraw from a fresh snapshot).
   */
  readonly onReopened?: () => void;
}

export interface HttpTransport extends BridgeTransport {
  /** Resolves once the event stream has opened for the first time, or failed to. */
  whenStreamOpened(): Promise<void>;
  /** Stops the event stream for good. */
  close(): void;
}

/** 0.5 s, 1 s, 2 s, … up to 10 s between attempts: a local host that restarts is back within seconds. */
const RECONNECT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 10 * SECOND_MS };

function waitWithBackoff(attempt: number): Promise<void> {
  const delay = backoffDelayMs(Math.max(1, attempt), RECONNECT_BACKOFF);
  return new Promise((resolve) => setTimeout(resolve, delay));
}

/**
 * The contract over HTTP: each action is a POST answered with its envelope, and every event arrives over
 * one server-sent event stream read with fetch, reconnected with backoff when it drops. The token
 * travels only in the Authorization header.
 */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const { origin, token } = options;
  const waitBeforeReconnect = options.waitBeforeReconnect ?? waitWithBackoff;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const controller = new AbortController();
  let markOpened = () => {};
  const opened = new Promise<void>((resolve) => (markOpened = resolve));
  let everOpened = false;

  function dispatch(event: string, data: string): void {
    const subscribed = listeners.get(event);
    if (subscribed === undefined || subscribed.size === 0) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const listener of [...subscribed]) listener(payload);
  }

  /** Reads one connection to its end; false when the host refused the token (no use retrying). */
  async function readStream(authorization: string): Promise<boolean> {
    const response = await options.fetch(`${origin}${EVENTS_PATH}`, {
      headers: { authorization, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    if (response.status === 403) return false;
    if (!response.ok || response.body === null) throw new Error(`HTTP ${response.status}`);
    if (everOpened) options.onReopened?.();
    everOpened = true;
    markOpened();
    const parser = createEventStreamParser(({ event, data }) => dispatch(event, data));
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      parser.push(decoder.decode(value, { stream: true }));
    }
  }

  async function followEvents(authorization: string): Promise<void> {
    let failures = 0;
    while (!controller.signal.aborted) {
      try {
        if (!(await readStream(authorization))) break;
        failures = 0;
      } catch {
        failures++;
      }
      markOpened();
      if (controller.signal.aborted) break;
      await waitBeforeReconnect(Math.max(1, failures));
    }
    markOpened();
  }

  if (token !== null) void followEvents(`Bearer ${token}`);
  else markOpened();

  return {
    async invoke(channel, request) {
      if (token === null) throw new BridgeError(NO_TOKEN_MESSAGE);
      await Promise.race([opened, new Promise((resolve) => setTimeout(resolve, STREAM_OPEN_WAIT_MS))]);
      let response: Response;
      try {
        response = await options.fetch(`${origin}${INVOKE_PATH_PREFIX}${channel}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(request ?? {}),
        });
      } catch {
        throw new BridgeError(UNREACHABLE_MESSAGE);
      }
      try {
        // Refusals carry an envelope too, whose words the bridge shows.
        return (await response.json()) as unknown;
      } catch {
        throw new BridgeError(
          `The web host answered ${channel} with HTTP ${response.status} and no envelope.`,
        );
      }
    },
    subscribe(event: EventChannel, listener) {
      let subscribed = listeners.get(event);
      if (subscribed === undefined) listeners.set(event, (subscribed = new Set()));
      // One entry per subscription, so subscribing the same function twice unsubscribes one at a time.
      const entry = (payload: unknown) => listener(payload);
      subscribed.add(entry);
      return () => void subscribed.delete(entry);
    },
    whenStreamOpened: () => opened,
    close: () => controller.abort(),
  };
}
