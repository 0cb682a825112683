import { formatRelative } from '../../shared/format/duration';

/** "3 min ago"; a time slightly ahead of ours (clock skew) reads "just now", never "in 2 s ago". */
export function formatAgo(at: number, now: number): string {
  return at >= now ? 'just now' : formatRelative(at, now);
}

/**
 * "in 20 s" ("in about 20 s" when `approximate`); a check that is already due reads "any moment", since
 * the schedule is approximate.
 */
export function formatUntil(at: number, now: number, approximate = false): string {
  if (at <= now + 1000) return 'any moment';
  const text = formatRelative(at, now);
  return approximate ? text.replace(/^in /u, 'in about ') : text;
}

/** Local date and time for tooltips and the status history. */
export function formatClockTime(at: number): string {
  return new Date(at).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
}
