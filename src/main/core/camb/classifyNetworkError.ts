import { redirectNotFollowed } from './classifyFailure';
import type { Malformed, NetworkFailure, NetworkReason } from './outcomes';

/** Node's and undici's error codes, found on the error or somewhere down its `cause` chain. */
const NODE_CODES: Readonly<Record<string, NetworkReason>> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  ECONNABORTED: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  EAI_FAIL: 'dns',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
};

/** Chromium's net error names, as Electron's net.fetch puts them in its messages ("net::ERR_..."). */
const CHROMIUM_CODES: Readonly<Record<string, NetworkReason>> = {
  ERR_CONNECTION_REFUSED: 'refused',
  ERR_CONNECTION_RESET: 'reset',
  ERR_CONNECTION_CLOSED: 'reset',
  ERR_CONNECTION_ABORTED: 'reset',
  ERR_EMPTY_RESPONSE: 'reset',
  ERR_NAME_NOT_RESOLVED: 'dns',
  ERR_NAME_RESOLUTION_FAILED: 'dns',
  ERR_TIMED_OUT: 'timeout',
  ERR_CONNECTION_TIMED_OUT: 'timeout',
};

const PHRASES: Readonly<Record<NetworkReason, string>> = {
  refused: 'the connection was refused',
  reset: 'the connection was closed before an answer came',
  dns: 'its name could not be resolved',
  timeout: 'it did not answer in time',
  other: 'a network error occurred',
};

/** Codes that mean more than their reason says, worded for the person reading the message. */
const SPECIAL_PHRASES: Readonly<Record<string, string>> = {
  ERR_INTERNET_DISCONNECTED: 'this computer is offline',
  ENETUNREACH: 'the network is unreachable',
  EHOSTUNREACH: 'the host is unreachable',
};

export interface NetworkErrorContext {
  /** Our own timer fired and aborted the request. */
  readonly timedOut?: boolean;
  readonly timeoutMs?: number;
  /** Where the request went, e.g. `client.camb.ai`; never the full URL. */
  readonly host?: string;
}

/**
 * Electron's net.fetch with `redirect: 'manual'` does not hand back the 3xx as the Fetch standard's
 * opaque redirect: it cancels the request and rejects with "Redirect was cancelled" (electron/electron
 * #43715, working as its `net` module documents manual redirects). Undici returns the 3xx itself.
 */
const CANCELLED_REDIRECT = /\bredirect was cancel+ed\b/i;

/**
 * Classifies whatever a fetch implementation threw (undici, Electron net.fetch, an abort). Never throws.
 * A cancelled redirect is an answer, not a failure to reach CAMB.AI: it is classified as the 3xx it was,
 * so the scheduler never counts it towards "CAMB.AI is unreachable".
 */
export function classifyNetworkError(
  error: unknown,
  context: NetworkErrorContext = {},
): NetworkFailure | Malformed {
  const where = `Could not reach ${context.host ?? 'CAMB.AI'}`;
  if (safely(() => CANCELLED_REDIRECT.test(messageChain(error)), false)) return redirectNotFollowed('');
  if (context.timedOut === true || isAbort(error)) {
    const within = context.timeoutMs === undefined ? '' : ` within ${formatSeconds(context.timeoutMs)}`;
    return { type: 'network', reason: 'timeout', message: `${where}: no answer${within}` };
  }
  const code = safely(() => findCode(error), null);
  const reason = code === null ? 'other' : (NODE_CODES[code] ?? CHROMIUM_CODES[code] ?? 'other');
  const phrase = (code !== null ? SPECIAL_PHRASES[code] : undefined) ?? PHRASES[reason];
  return { type: 'network', reason, message: `${where}: ${phrase} (${code ?? describe(error)})` };
}

function isAbort(error: unknown): boolean {
  return safely(
    () => error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'),
    false,
  );
}

/** The first recognisable code in the error, its causes, or (for happy-eyeballs) its aggregated errors. */
function findCode(error: unknown, depth = 0): string | null {
  if (depth > 6 || error === null || typeof error !== 'object') return null;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && code !== '') return code;
  if (typeof message === 'string') {
    const chromium = /net::(ERR_[A-Z0-9_]+)/.exec(message);
    if (chromium?.[1] !== undefined) return chromium[1];
  }
  const nested = [cause, ...(Array.isArray(errors) ? errors : [])];
  for (const inner of nested) {
    const found = findCode(inner, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** The messages of the error and its causes, joined: a wrapper may carry the one that says what happened. */
function messageChain(error: unknown, depth = 0): string {
  if (depth > 6 || error === null || typeof error !== 'object') return '';
  const { message, cause } = error as { message?: unknown; cause?: unknown };
  const own = typeof message === 'string' ? message : '';
  return `${own}\n${messageChain(cause, depth + 1)}`;
}

function describe(error: unknown): string {
  const text = safely(() => (error instanceof Error ? error.message : String(error)), '');
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat === '' ? 'no details' : flat.slice(0, 120);
}

/** Thrown values can be anything, including objects whose getters or toString throw. */
function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
