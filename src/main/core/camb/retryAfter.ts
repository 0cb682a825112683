const MONTH_NAME = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
const DELTA_SECONDS = /^-?\d+(\.\d+)?$/;

/**
 * Reads a Retry-After header (RFC 9110: delta-seconds or an HTTP date) as milliseconds from `receivedAt`.
 * Times in the past count as "now" (0); anything unreadable is null, so the caller's own backoff applies.
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
  if (!Number.isFinite(ms) || ms > Number.MAX_SAFE_INTEGER) return null;
  return Math.max(0, ms);
}
