const MONTH_NAME = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
const DELTA_SECONDS = /^-?\d+(\.\d+)?$/;

/**
 * Reads a Retry-After header (RFC 9110: delta-seconds or an HTTP date) as milliseconds from `receivedAt`.
 * A wait of zero, a negative one or a date in the past is no advice at all (null), like anything unreadable:
 * "retry now" from a server that is rate limiting would have the client hammer it, so the caller's own
 * backoff applies. Callers also read a wait shorter than their backoff that way (see `atLeastBackoff`).
 */
export function parseRetryAfter(value: string | null | undefined, receivedAt: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === '') return null;
  if (DELTA_SECONDS.test(text)) return finiteOrNull(Math.ceil(Number(text) * 1000));
  // Date.parse accepts almost anything ("1", "x 2"), so only text that looks like a date is read as one.
  if (!MONTH_NAME.test(text)) return null;
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return null;
  return finiteOrNull(at - receivedAt);
}

function finiteOrNull(ms: number): number | null {
  if (!Number.isFinite(ms) || ms > Number.MAX_SAFE_INTEGER || ms <= 0) return null;
  return ms;
}

/** How long to hold off after a 429: CAMB's Retry-After when it asks for longer than `backoffMs`, else the backoff. */
export function atLeastBackoff(retryAfterMs: number | null, backoffMs: number): number {
  return Math.max(retryAfterMs ?? 0, backoffMs);
}
