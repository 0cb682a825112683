import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  type EventChannel,
  type EventPayload,
  type InvokeChannel,
  type InvokeParsedRequest,
  type InvokeResponse,
} from './channels';
import { describeInvalidPayload, type InvokeEnvelope } from './envelope';

/**
 * One handler per action. The mapped type is the compile-time coverage check: an object of this type that
 * lacks a channel, or answers one with the wrong shape, does not compile.
 */
export type ContractHandlers = {
  readonly [C in InvokeChannel]: (
    request: InvokeParsedRequest<C>,
  ) => InvokeResponse<C> | Promise<InvokeResponse<C>>;
};

/** Sends one event to the UI; the hosts implement it with webContents.send or a server-sent event. */
export type EventSink = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void;

function isInvokeChannel(channel: string): channel is InvokeChannel {
  return Object.hasOwn(INVOKE_CHANNELS, channel);
}

export interface DispatchOptions {
  /** Told about a handler that threw or answered outside the contract: a bug, never the user's fault. */
  readonly onBug?: (channel: string, error: unknown) => void;
  /**
   * The sentence for a handler that threw a foreseen refusal (a change that could not be saved), or null
   * for a bug: the refusal is answered as it is, in words, not as "something went wrong".
   */
  readonly refusal?: (error: unknown) => string | null;
}

/**
 * Runs one request from the UI: refuses unknown channels and payloads outside the schema with a sentence
 * that says what was wrong, and passes the handler's answer through the response schema, which also strips
 * anything the contract does not name before it leaves main.
 */
export async function dispatchInvoke(
  handlers: ContractHandlers,
  channel: string,
  payload: unknown,
  options: DispatchOptions = {},
): Promise<InvokeEnvelope> {
  if (!isInvokeChannel(channel)) return { ok: false, error: `CAMB Watch has no action called "${channel}".` };
  const { request, response } = INVOKE_CHANNELS[channel];
  const parsed = request.safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, error: describeInvalidPayload(parsed.error) };
  let answer: unknown;
  try {
    const handler = handlers[channel] as (request: unknown) => unknown;
    answer = await handler(parsed.data);
  } catch (error) {
    const refusal = options.refusal?.(error) ?? null;
    if (refusal !== null) return { ok: false, error: refusal };
    options.onBug?.(channel, error);
    return { ok: false, error: 'Something went wrong in CAMB Watch; the details are in its log.' };
  }
  const checked = response.safeParse(answer);
  if (!checked.success) {
    options.onBug?.(
      channel,
      new Error(`answer outside the contract: ${describeInvalidPayload(checked.error)}`),
    );
    return { ok: false, error: 'Something went wrong in CAMB Watch; the details are in its log.' };
  }
  return { ok: true, value: checked.data };
}

/** Checks an event against its schema before it is sent, so only contract data ever reaches the page. */
export function checkedEvent<E extends EventChannel>(event: E, payload: EventPayload<E>): EventPayload<E> {
  return EVENT_CHANNELS[event].parse(payload) as EventPayload<E>;
}
