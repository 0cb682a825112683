import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_DURATION_MS,
  durationSchema,
  formatDuration,
  formatRelative,
  parseDuration,
} from '../../../src/shared/format/duration';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [500, '< 1 s'],
    [12 * S, '12 s'],
    [12 * S + 999, '12 s'],
    [MIN, '1 min'],
    [4 * MIN + 12 * S, '4 min 12 s'],
    [H + 3 * MIN + 59 * S, '1 h 3 min'],
    [H + 5 * S, '1 h'],
    [2 * D + 4 * H + 30 * MIN, '2 d 4 h'],
    [45 * D, '45 d'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('shows as many units as asked', () => {
    expect(formatDuration(4 * MIN + 12 * S, { units: 1 })).toBe('4 min');
    expect(formatDuration(D + 2 * H + 3 * MIN + 4 * S, { units: 4 })).toBe('1 d 2 h 3 min 4 s');
  });

  it('reads nonsense input (clock skew, missing data) as zero', () => {
    expect(formatDuration(-5 * S)).toBe('0 s');
    expect(formatDuration(Number.NaN)).toBe('0 s');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('0 s');
  });

  it('reads back, through parseDuration, as the time truncated to whole seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: S, max: MAX_DURATION_MS }), (ms) => {
        const text = formatDuration(ms, { units: 4 });
        const parsed = parseDuration(text.replaceAll(' ', '').replace('min', 'm'));
        expect(parsed.ok && parsed.ms).toBe(Math.floor(ms / S) * S);
      }),
    );
  });
});

describe('formatRelative', () => {
  const now = 1_700_000_000_000;

  it.each([
    [now + 12 * S, 'in 12 s'],
    [now - 3 * MIN - 12 * S, '3 min ago'],
    [now - 500, 'just now'],
    [now + 999, 'just now'],
    [now, 'just now'],
    [now - 2 * D - 5 * H, '2 d ago'],
  ])('%d reads "%s"', (at, text) => {
    expect(formatRelative(at, now)).toBe(text);
  });

  it('can be more precise when asked', () => {
    expect(formatRelative(now - 3 * MIN - 12 * S, now, { units: 2 })).toBe('3 min 12 s ago');
  });
});

describe('parseDuration', () => {
  it.each([
    ['90s', 90 * S],
    ['10m', 10 * MIN],
    ['2h', 2 * H],
    ['1h30m', 90 * MIN],
    ['500ms', 500],
    ['45', 45 * S],
    ['1.5h', 90 * MIN],
    [' 1h 30m ', 90 * MIN],
    ['2H', 2 * H],
    ['10min', 10 * MIN],
    ['3 minutes', 3 * MIN],
    ['1d', D],
    ['1m500ms', MIN + 500],
  ])('"%s" is %d ms', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, ms });
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['abc', /Could not read "abc"/],
    ['10x', /"x" .*not a unit/],
    ['-5s', /negative/],
    ['0', /longer than zero/],
    ['0s', /longer than zero/],
    ['1h1h', /same unit twice/],
    ['10m5', /needs a unit/],
    ['1e3', /"e" .*not a unit/],
    ['400d', /longest duration allowed \(365 d\)/],
    ['99999999999999999999999h', /longest duration allowed/],
  ])('rejects "%s" and says why', (text, message) => {
    const result = parseDuration(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('always suggests what to type when it cannot read the text', () => {
    const result = parseDuration('soon');
    expect(!result.ok && result.error).toContain('90s, 10m, 2h, 1h30m or 500ms');
  });

  it('quotes only the start of a huge input', () => {
    const result = parseDuration(`1h${'x'.repeat(5000)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeLessThan(200);
  });

  it('adds up hours, minutes and seconds in any combination', () => {
    fc.assert(
      fc.property(fc.nat(99), fc.nat(59), fc.nat(59), (h, m, s) => {
        fc.pre(h + m + s > 0);
        expect(parseDuration(`${h}h${m}m${s}s`)).toEqual({ ok: true, ms: h * H + m * MIN + s * S });
      }),
    );
  });

  it('never throws and always answers with whole milliseconds within bounds', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseDuration(text);
        if (result.ok) {
          expect(Number.isInteger(result.ms)).toBe(true);
          expect(result.ms).toBeGreaterThan(0);
          expect(result.ms).toBeLessThanOrEqual(MAX_DURATION_MS);
        } else {
          expect(result.error).not.toBe('');
        }
      }),
    );
  });

  it('works as a zod schema at other boundaries', () => {
    expect(durationSchema.parse('2h')).toBe(2 * H);
    const failed = durationSchema.safeParse('soon');
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.message).toMatch(/Could not read "soon"/);
  });
});
