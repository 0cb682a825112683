import { createRedactor, type Redactor } from '../logging';

/**
 * Returns `value` with the secret masked in all its strings (keys included), in every spelling the
 * redactor knows (verbatim, URL-encoded, JSON-escaped). Outcome messages quote what the server sent, and a
 * server or proxy may echo the request's key back: it must never travel further. Unlike log redaction this
 * keeps the data's full depth, because result details are shown to the user.
 */
export function redactSecret<T>(value: T, secret: string): T {
  if (secret === '') return value;
  return mask(
    value,
    createRedactor(() => [secret]),
  ) as T;
}

function mask(value: unknown, redactor: Redactor): unknown {
  if (typeof value === 'string') return redactor.redact(value);
  if (Array.isArray(value)) return value.map((item) => mask(item, redactor));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redactor.redact(key), mask(item, redactor)]),
    );
  }
  return value;
}
