import { describe, expect, it } from 'vitest';
import { atLeastBackoff, parseRetryAfter } from '../../../src/main/core/camb/retryAfter';

const at = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', at)).toBe(120_000);
    expect(parseRetryAfter(' 5 ', at)).toBe(5000);
    expect(parseRetryAfter('1.5', at)).toBe(1500);
  });

  it('reads the three HTTP date forms relative to receivedAt', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:01:00 GMT', at)).toBe(60_000);
    expect(parseRetryAfter('Thursday, 01-Jan-26 12:00:30 GMT', at)).toBe(30_000);
    expect(parseRetryAfter('Thu Jan  1 12:00:10 2026', at)).not.toBeNull();
  });

  it('reads zero, negative and past waits as no advice, so the caller backs off as usual', () => {
    expect(parseRetryAfter('0', at)).toBeNull();
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', at)).toBeNull();
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:00:00 GMT', at)).toBeNull();
    expect(parseRetryAfter('-5', at)).toBeNull();
  });

  it('never waits less than the backoff', () => {
    expect(atLeastBackoff(null, 2000)).toBe(2000);
    expect(atLeastBackoff(500, 2000)).toBe(2000);
    expect(atLeastBackoff(30_000, 2000)).toBe(30_000);
  });

  it('returns null for absent or unreadable values', () => {
    for (const value of [null, undefined, '', '   ', 'soon', '1 2', '12abc', 'Foo, 99 Bar 2026', '1e400']) {
      expect(parseRetryAfter(value, at)).toBeNull();
    }
    expect(parseRetryAfter('9'.repeat(400), at)).toBeNull();
  });
});
