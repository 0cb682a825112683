/**
 * The two outcomes of a job, failing and succeeding, as the estimator keeps them apart (issue 18): where a
 * failure known only to within its interval is placed, and an interval that holds a likely failure as often
 * as it holds the whole.
 */
import { describe, expect, it } from 'vitest';
import { buildDurationModel, durationQuantileMs, estimateRemaining } from '../../../src/shared/durations';
import { momentsWithin } from '../../../src/shared/durations/logNormal';
import { MINUTE, run } from './arbitraries';

/** 60 dubs that succeeded in 3–9 minutes, each seen PENDING a few seconds before its ending. */
const successes = Array.from({ length: 60 }, (_, i) => {
  const ms = (3 + (6 * ((i * 37) % 60)) / 59) * MINUTE;
  return run(ms, { lastPendingMs: ms - 3_000 });
});

/**
 * 40 dubs refused 2–5 s after submission, as checks at 0 s, 3 s and 6 s see them: a refusal before 3 s
 * is known as "between 0 and 3 s", a later one as "between 3 and 6 s".
 */
const refusalsMs = Array.from({ length: 40 }, (_, i) => 2_000 + (3_000 * (i + 0.5)) / 40);
const refusals = refusalsMs.map((ms) =>
  ms <= 3_000
    ? run(3_000, { succeeded: false, lastPendingMs: 0 })
    : run(6_000, { succeeded: false, lastPendingMs: 3_000 }),
);

/** Scrambled, so neither outcome is all of the recent runs. */
const history = [...successes, ...refusals].sort(
  (a, b) => ((a.durationMs * 7919) % 97) - ((b.durationMs * 7919) % 97),
);

describe('an ending known to within its interval', () => {
  it('places a failure where refusals happen, not evenly over the seconds it may have happened in', () => {
    // Refused jobs first seen failed at 12 s, last seen pending at 3 s: evenly in log-time their middle
    // would be 6 s; the early-failure piece puts them at about 4 s.
    const late = Array.from({ length: 30 }, () => run(12_000, { succeeded: false, lastPendingMs: 3_000 }));
    const model = buildDurationModel('dub', late);
    expect(durationQuantileMs(model, 0.5)).toBeLessThan(5_000);
    expect(durationQuantileMs(model, 0.5)).toBeGreaterThan(3_000);
  });
});

describe('an interval that holds each likely outcome', () => {
  const model = buildDurationModel('dub', history);

  /** The share of `truths` (each a job's whole duration) inside the estimate shown at `ageMs`. */
  const held = (ageMs: number, truths: readonly number[]) => {
    const estimate = estimateRemaining(model, ageMs);
    const alive = truths.filter((ms) => ms > ageMs);
    return (
      alive.filter((ms) => ms - ageMs >= estimate.lowMs && ms - ageMs <= estimate.highMs).length /
      alive.length
    );
  };

  it('holds about 80 % of the refusals still possible, at 0 s and at 3 s old', () => {
    for (const ageMs of [0, 3_000]) {
      expect(held(ageMs, refusalsMs)).toBeGreaterThanOrEqual(0.7);
      expect(held(ageMs, refusalsMs)).toBeLessThanOrEqual(0.9);
    }
  });

  it('costs the successes nothing: the high end stays where the whole puts it', () => {
    const truths = successes.map((r) => r.durationMs);
    expect(held(3_000, truths)).toBeGreaterThanOrEqual(0.8);
    // Past the seconds refusals happen in, the interval is the whole's own.
    const older = estimateRemaining(model, 2 * MINUTE);
    expect(older.lowMs).toBeGreaterThan(30_000);
  });

  it('leaves the interval alone when failures are unlikely', () => {
    const onlySuccesses = buildDurationModel('dub', successes);
    const estimate = estimateRemaining(onlySuccesses, 0);
    // The 1 % floor of early failures does not pull the low end down to seconds.
    expect(estimate.lowMs).toBeGreaterThan(2 * MINUTE);
  });
});

describe('momentsWithin', () => {
  it('is a narrow piece’s own mean and spread when the piece lies inside the interval', () => {
    const { mean, variance } = momentsWithin([{ logWeight: 0, mu: 1, sigma: 0.1 }], -2, 4);
    expect(mean).toBeCloseTo(1, 2);
    expect(Math.sqrt(variance)).toBeCloseTo(0.1, 1);
  });

  it('leans towards the piece where the interval cuts it, and is even where no piece has weight', () => {
    expect(momentsWithin([{ logWeight: 0, mu: 0, sigma: 1 }], 0, 3).mean).toBeLessThan(1.5);
    // Far out in a piece's tail the mass sits at the interval's end nearest it.
    expect(momentsWithin([{ logWeight: 0, mu: 0, sigma: 0.01 }], 100, 104).mean).toBeLessThan(100.2);
    const none = momentsWithin([{ logWeight: -Infinity, mu: 0, sigma: 1 }], 100, 104);
    expect(none.mean).toBeCloseTo(102, 6);
    expect(none.variance).toBeCloseTo(16 / 12, 6);
    expect(momentsWithin([], 5, 5)).toEqual({ mean: 5, variance: 0 });
  });
});
