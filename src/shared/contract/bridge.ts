import {
  EVENT_CHANNEL_NAMES,
  EVENT_CHANNELS,
  INVOKE_CHANNEL_NAMES,
  INVOKE_CHANNELS,
  type EventChannel,
  type EventPayload,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
} from './channels';
import { describeInvalidPayload, invokeEnvelopeSchema } from './envelope';

type Action<C extends InvokeChannel> =
  // Actions without parameters can be called without an argument.
  Record<string, never> extends InvokeRequest<C>
    ? (request?: InvokeRequest<C>) => Promise<InvokeResponse<C>>
    : (request: InvokeRequest<C>) => Promise<InvokeResponse<C>>;

export type EventListenerName<E extends EventChannel> = `on${Capitalize<E>}`;

/**
 * `window.cambWatch`: one function per action and one `on<Event>(listener)` per event, returning the
 * function that unsubscribes. Nothing else is reachable from the page.
 */
export type CambWatchBridge = { readonly [C in InvokeChannel]: Action<C> } & {
  readonly [E in EventChannel as EventListenerName<E>]: (
    listener: (payload: EventPayload<E>) => void,
  ) => () => void;
};

/** How a bridge reaches the app: Electron IPC in the preload, HTTP and server-sent events in the web host. */
export interface BridgeTransport {
  /** Sends a request and resolves with the app's envelope (see envelope.ts). */
  invoke(channel: InvokeChannel, request: unknown): Promise<unknown>;
  subscribe(event: EventChannel, listener: (payload: unknown) => void): () => void;
}

export class BridgeError extends Error {
  override readonly name = 'BridgeError';
}

export function eventListenerName<E extends EventChannel>(event: E): EventListenerName<E> {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as EventListenerName<E>;
}

/**
 * Builds the bridge from the contract. Answers and events are checked against their schemas here too, so a
 * contract drift shows up as a clear error instead of a half-drawn window.
 */
export function createBridge(transport: BridgeTransport): CambWatchBridge {
  const bridge: Record<string, unknown> = {};
  for (const channel of INVOKE_CHANNEL_NAMES) {
    bridge[channel] = async (request: unknown = {}) => {
      const envelope = invokeEnvelopeSchema.safeParse(await transport.invoke(channel, request));
      if (!envelope.success) throw new BridgeError(`The app sent an unreadable answer to ${channel}.`);
      if (!envelope.data.ok) throw new BridgeError(envelope.data.error);
      const response = INVOKE_CHANNELS[channel].response.safeParse(envelope.data.value);
      if (!response.success) {
        throw new BridgeError(
          `The app's answer to ${channel} was not understood: ${describeInvalidPayload(response.error)}`,
        );
      }
      return response.data;
    };
  }
  for (const event of EVENT_CHANNEL_NAMES) {
    bridge[eventListenerName(event)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function')
        throw new BridgeError(`${eventListenerName(event)} needs a function`);
      return transport.subscribe(event, (payload) => {
        const parsed = EVENT_CHANNELS[event].safeParse(payload);
        if (parsed.success) listener(parsed.data);
      });
    };
  }
  return Object.freeze(bridge) as CambWatchBridge;
}
