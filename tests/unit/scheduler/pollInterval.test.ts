import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adaptiveInterval,
  applyJitter,
  detectionBoundMs,
  fixedInterval,
} from '../../../src/main/core/scheduler/pollInterval';
import { RESPONSIVENESS_SHARE } from '../../../src/shared/settings';

describe('adaptiveInterval', () => {
  it('is min(60 s, max(3 s, share × age)) for each responsiveness', () => {
    const { eager, balanced, frugal } = RESPONSIVENESS_SHARE;
    expect(adaptiveInterval(0, balanced)).toBe(3_000);
    expect(adaptiveInterval(30_000, balanced)).toBe(3_000);
    expect(adaptiveInterval(100_000, balanced)).toBe(10_000);
    expect(adaptiveInterval(100_000, eager)).toBe(5_000);
    expect(adaptiveInterval(100_000, frugal)).toBe(20_000);
    expect(adaptiveInterval(600_000, balanced)).toBe(60_000);
    expect(adaptiveInterval(10 * 3600_000, frugal)).toBe(60_000);
  });

  it('never shrinks as a task ages, so the bound for its duration covers every earlier interval', () => {
    fc.assert(
      fc.property(
        fc.nat(10 * 3600_000),
        fc.nat(10 * 3600_000),
        fc.constantFrom(...Object.values(RESPONSIVENESS_SHARE)),
        (a, b, share) => {
          const [young, old] = a <= b ? [a, b] : [b, a];
          expect(adaptiveInterval(young, share)).toBeLessThanOrEqual(detectionBoundMs(old, share));
        },
      ),
    );
  });
});

describe('applyJitter', () => {
  it('only ever shortens, by at most the given share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3_600_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ms, r) => {
          const jittered = applyJitter(ms, r, 0.05);
          expect(jittered).toBeLessThanOrEqual(ms);
          expect(jittered).toBeGreaterThanOrEqual(Math.floor(ms * 0.95));
        },
      ),
    );
  });

  it('leaves the interval whole when the draw is 0', () => {
    expect(applyJitter(60_000, 0, 0.05)).toBe(60_000);
    expect(applyJitter(60_000, 0.5, 0.05)).toBe(58_500);
  });
});

describe('fixedInterval', () => {
  it('ignores age and share', () => {
    const every5s = fixedInterval(5_000);
    expect(every5s(0, 0.1)).toBe(5_000);
    expect(every5s(3600_000, 0.2)).toBe(5_000);
  });
});
