const MASK = '[redacted]';

/**
 * Returns `value` with every occurrence of `secret` in its strings masked. Outcome messages quote what the
 * server sent, and a server (or a proxy) may echo the request's key back: it must never travel further.
 */
export function redactSecret<T>(value: T, secret: string): T {
  if (secret === '') return value;
  return mask(value, secret) as T;
}

function mask(value: unknown, secret: string): unknown {
  if (typeof value === 'string') return value.split(secret).join(MASK);
  if (Array.isArray(value)) return value.map((item) => mask(item, secret));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [mask(key, secret), mask(item, secret)]),
    );
  }
  return value;
}
