import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_BACKOFF } from '../../../src/main/core/scheduler/backoff';

describe('backoffDelayMs', () => {
  it('doubles from the base and stops at the cap', () => {
    const delays = [1, 2, 3, 4, 8, 9, 50].map((n) => backoffDelayMs(n, DEFAULT_BACKOFF));
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 256_000, 300_000, 300_000]);
  });

  it('is zero without failures and stays finite after any number of them', () => {
    expect(backoffDelayMs(0, DEFAULT_BACKOFF)).toBe(0);
    expect(backoffDelayMs(100_000, { baseMs: 1, maxMs: Number.MAX_VALUE })).toBeLessThan(Infinity);
  });
});
