import { z } from 'zod';
import { clipText } from './clipText';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '../time';

/**
 * Durations as people read and type them. Shared so the tray, notifications, CLI and renderer all say
 * "4 min 12 s" the same way.
 */

const DISPLAY_UNITS = [
  { ms: DAY_MS, name: 'd' },
  { ms: HOUR_MS, name: 'h' },
  { ms: MINUTE_MS, name: 'min' },
  { ms: SECOND_MS, name: 's' },
] as const;

export interface DurationFormatOptions {
  /** How many units to show, most significant first: 2 gives "4 min 12 s", 1 gives "4 min". */
  readonly units?: number;
}

/**
 * "12 s", "4 min 12 s", "1 h 3 min", "2 d 4 h". Lower units are truncated, not rounded, so an elapsed
 * time never reads longer than it was; a zero trailing unit is left out ("5 min", not "5 min 0 s").
 * Negative or non-finite input (clock skew, missing data) reads as "0 s" rather than nonsense.
 */
export function formatDuration(ms: number, options: DurationFormatOptions = {}): string {
  const maxUnits = Math.max(1, options.units ?? 2);
  const total = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (total > 0 && total < SECOND_MS) return '< 1 s';

  let rest = Math.floor(total / SECOND_MS) * SECOND_MS;
  const first = DISPLAY_UNITS.findIndex((unit) => rest >= unit.ms);
  if (first < 0) return '0 s';
  return DISPLAY_UNITS.slice(first, first + maxUnits)
    .map((unit) => {
      const count = Math.floor(rest / unit.ms);
      rest -= count * unit.ms;
      return count === 0 ? '' : `${count} ${unit.name}`;
    })
    .filter((part) => part !== '')
    .join(' ');
}

/** Below this, "in 0 s" / "0 s ago" would be noise. */
const JUST_NOW_MS = SECOND_MS;

/**
 * When `at` is relative to `now`: "in 12 s", "3 min ago", "just now". One unit by default, because a
 * relative time is glanced at ("3 min ago"), not read precisely.
 */
export function formatRelative(at: number, now: number, options: DurationFormatOptions = {}): string {
  const diff = at - now;
  if (!Number.isFinite(diff) || Math.abs(diff) < JUST_NOW_MS) return 'just now';
  const text = formatDuration(Math.abs(diff), { units: options.units ?? 1 });
  return diff > 0 ? `in ${text}` : `${text} ago`;
}

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: SECOND_MS,
  sec: SECOND_MS,
  secs: SECOND_MS,
  second: SECOND_MS,
  seconds: SECOND_MS,
  m: MINUTE_MS,
  min: MINUTE_MS,
  mins: MINUTE_MS,
  minute: MINUTE_MS,
  minutes: MINUTE_MS,
  h: HOUR_MS,
  hr: HOUR_MS,
  hrs: HOUR_MS,
  hour: HOUR_MS,
  hours: HOUR_MS,
  d: DAY_MS,
  day: DAY_MS,
  days: DAY_MS,
};

/** Generous, but far below anything that could overflow a timer or a date. */
export const MAX_DURATION_MS = 365 * DAY_MS;

const EXAMPLES = 'for example 90s, 10m, 2h, 1h30m or 500ms';
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;

/** Quotes input back short and with control characters visible, whatever was typed. */
function quote(text: string): string {
  return JSON.stringify(clipText(text, 30));
}

/** Reads "90s", "10m", "2h", "1h30m", "500ms", "1.5h"; a plain number means seconds. */
function durationMsFrom(text: string): { ms: number } | { error: string } {
  const input = text.trim().toLowerCase();
  if (input === '') return { error: `A duration cannot be empty; use ${EXAMPLES}.` };
  if (input.startsWith('-')) return { error: `A duration cannot be negative (got ${quote(text)}).` };

  let total = 0;
  if (PLAIN_NUMBER.test(input)) {
    total = Number(input) * SECOND_MS;
  } else {
    const seen = new Set<number>();
    // Sticky: each component must start exactly where the previous one ended, so junk cannot hide between.
    const component = /(\d+(?:\.\d+)?)\s*([a-z]*)\s*/y;
    let consumed = 0;
    for (let match = component.exec(input); match !== null; match = component.exec(input)) {
      const [, amount = '', unit = ''] = match;
      const unitMs = UNIT_MS[unit];
      if (unit === '')
        return { error: `Every number in ${quote(text)} needs a unit (ms, s, m, h or d); ${EXAMPLES}.` };
      if (unitMs === undefined)
        return {
          error: `${quote(unit)} in ${quote(text)} is not a unit; use ms, s, m, h or d (${EXAMPLES}).`,
        };
      if (seen.has(unitMs)) return { error: `${quote(text)} gives the same unit twice; ${EXAMPLES}.` };
      seen.add(unitMs);
      total += Number(amount) * unitMs;
      consumed = component.lastIndex;
    }
    if (consumed !== input.length)
      return { error: `Could not read ${quote(text)} as a duration; use ${EXAMPLES}.` };
  }

  const ms = Math.round(total);
  if (ms <= 0) return { error: `A duration must be longer than zero (got ${quote(text)}).` };
  if (ms > MAX_DURATION_MS) {
    return {
      error: `${quote(text)} is longer than the longest duration allowed (${formatDuration(MAX_DURATION_MS)}).`,
    };
  }
  return { ms };
}

/** Duration text (CLI flags, settings) to whole milliseconds, with a message that says what to type. */
export const durationSchema = z.string().transform((text, ctx) => {
  const read = durationMsFrom(text);
  if ('error' in read) {
    ctx.addIssue({ code: 'custom', message: read.error });
    return z.NEVER;
  }
  return read.ms;
});

export type DurationParseResult = { ok: true; ms: number } | { ok: false; error: string };

export function parseDuration(text: string): DurationParseResult {
  const parsed = durationSchema.safeParse(text);
  if (parsed.success) return { ok: true, ms: parsed.data };
  return {
    ok: false,
    error: parsed.error.issues[0]?.message ?? `Could not read ${quote(text)} as a duration.`,
  };
}
