import type { Logger } from './logger';
import type { Redactor } from './redactor';

type Details = Record<string, unknown>;

const MAX_DEPTH = 8;

/**
 * A copy of `value` made only of plain data with every string redacted. Errors become plain objects
 * because their message and stack are not enumerable and would otherwise be printed unredacted.
 */
function redactValue(value: unknown, redactor: Redactor, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === 'string') return redactor.redact(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'symbol') return redactor.redact(value.toString());
  if (typeof value === 'function') return `[function ${redactor.redact(value.name)}]`;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (value instanceof URL) return redactor.redact(value.href);
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  const inner = (item: unknown) => redactValue(item, redactor, seen, depth + 1);
  let copy: unknown;
  if (Array.isArray(value)) copy = value.map(inner);
  else if (value instanceof Map)
    copy = Object.fromEntries([...value].map(([k, v]) => [redactor.redact(String(k)), inner(v)]));
  else if (value instanceof Set) copy = [...value].map(inner);
  else {
    const entries = Object.entries(value).map(([k, v]) => [redactor.redact(k), inner(v)]);
    if (value instanceof Error) {
      entries.unshift(['name', inner(value.name)], ['message', inner(value.message)]);
      if (value.stack !== undefined) entries.push(['stack', inner(value.stack)]);
      if (value.cause !== undefined) entries.push(['cause', inner(value.cause)]);
    }
    copy = Object.fromEntries(entries);
  }
  seen.delete(value);
  return copy;
}

/** Deeply redacts log details (keys, values, errors); the result is plain, JSON-printable data. */
export function redactDetails(details: Details, redactor: Redactor): Details {
  return redactValue(details, redactor, new WeakSet(), 0) as Details;
}

/** Hands `inner` only redacted messages and details. */
export function redactingLogger(inner: Logger, redactor: Redactor): Logger {
  const forward =
    (write: Logger['info']): Logger['info'] =>
    (message, details) =>
      write(redactor.redact(message), details === undefined ? undefined : redactDetails(details, redactor));
  return {
    debug: forward(inner.debug.bind(inner)),
    info: forward(inner.info.bind(inner)),
    warn: forward(inner.warn.bind(inner)),
    error: forward(inner.error.bind(inner)),
  };
}
