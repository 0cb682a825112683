import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildDurationModel,
  durationModelSchema,
  durationQuantileMs,
  estimateRemaining,
  finishChance,
  type FinishedRun,
} from '../../../src/shared/durations';
import { TASK_KINDS, type TaskKind } from '../../../src/shared/taskKinds';

const HOUR = 3600_000;

const kindArb = fc.constantFrom(...TASK_KINDS);
/** Durations from a second to a day, spread evenly in log-time as real job lengths are. */
const durationArb = fc.double({ min: Math.log(1000), max: Math.log(24 * HOUR), noNaN: true }).map(Math.exp);
const ageArb = fc.double({ min: 0, max: 30 * 24 * HOUR, noNaN: true });

function runsOf(kind: TaskKind, durations: readonly number[]): FinishedRun[] {
  return durations.map((durationMs, i) => ({
    kind,
    durationMs: Math.round(durationMs),
    finishedAt: i,
    succeeded: true,
    lowerBound: false,
  }));
}

const modelArb = fc
  .tuple(kindArb, fc.array(durationArb, { maxLength: 60 }))
  .map(([kind, durations]) => buildDurationModel(kind, runsOf(kind, durations)));

/** Relative slack for the last bits of floating-point error. */
const close = (value: number) => 1e-9 * Math.max(1, Math.abs(value));

describe('the duration estimator', () => {
  it('never gives a negative time, and its quantiles are ordered', () => {
    fc.assert(
      fc.property(modelArb, ageArb, (model, age) => {
        const estimate = estimateRemaining(model, age);
        expect(estimate.lowMs).toBeGreaterThanOrEqual(0);
        expect(estimate.medianMs).toBeGreaterThanOrEqual(estimate.lowMs - close(estimate.lowMs));
        expect(estimate.highMs).toBeGreaterThanOrEqual(estimate.medianMs - close(estimate.medianMs));
        expect(Number.isFinite(estimate.highMs)).toBe(true);
      }),
    );
  });

  it('moves the expected finish (age + median remaining) later as a job keeps running', () => {
    fc.assert(
      fc.property(modelArb, ageArb, ageArb, (model, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const finishEarly = early + estimateRemaining(model, early).medianMs;
        const finishLate = late + estimateRemaining(model, late).medianMs;
        expect(finishLate).toBeGreaterThanOrEqual(finishEarly - close(finishEarly));
      }),
    );
  });

  it('gives a chance of finishing in [0, 1] that does not fall as the window grows', () => {
    fc.assert(
      fc.property(modelArb, ageArb, ageArb, ageArb, (model, from, x, y) => {
        const [to1, to2] = x <= y ? [x, y] : [y, x];
        const p1 = finishChance(model, from, to1);
        const p2 = finishChance(model, from, to2);
        expect(p1).toBeGreaterThanOrEqual(0);
        expect(p2).toBeLessThanOrEqual(1);
        expect(p2).toBeGreaterThanOrEqual(p1 - 1e-12);
        if (to1 <= from) expect(p1).toBe(0);
      }),
    );
  });

  // One cluster of runs inside the prior's usual range. History with a far outlier can rightly widen the
  // interval as it accumulates (one dub in seven taking an hour puts the 90th percentile there): more
  // data sharpens the picture, which is not always a narrower one.
  const clusterWithinPrior = kindArb.chain((kind) => {
    const prior = buildDurationModel(kind, []);
    const [low, high] = [durationQuantileMs(prior, 0.1), durationQuantileMs(prior, 0.9)];
    const center = fc.double({ min: Math.log(low), max: Math.log(high), noNaN: true });
    const jitter = fc.array(fc.double({ min: -0.4, max: 0.4, noNaN: true }), { minLength: 1, maxLength: 8 });
    return fc.tuple(
      fc.constant(kind),
      fc.tuple(center, jitter).map(([c, offsets]) => offsets.map((offset) => Math.exp(c + offset))),
    );
  });

  it('gives a wider interval with less data: the same runs seen fewer times', () => {
    fc.assert(
      fc.property(
        clusterWithinPrior,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 2, max: 10 }),
        ([kind, durations], fewer, factor) => {
          const repeat = (times: number) =>
            runsOf(kind, Array.from({ length: times }, () => durations).flat());
          const width = (times: number) => {
            const model = buildDurationModel(kind, repeat(times));
            return durationQuantileMs(model, 0.9) / durationQuantileMs(model, 0.1);
          };
          expect(width(fewer)).toBeGreaterThanOrEqual(width(fewer * factor) * (1 - 1e-6));
        },
      ),
    );
  });

  it('works from the prior alone for every kind, and its models fit their schema', () => {
    for (const kind of TASK_KINDS) {
      const model = buildDurationModel(kind, []);
      expect(model.basedOn).toBe(0);
      expect(durationModelSchema.safeParse(model).success).toBe(true);
      const estimate = estimateRemaining(model, 0);
      expect(estimate.lowMs).toBeGreaterThan(0);
      expect(estimate.highMs).toBeGreaterThan(estimate.lowMs);
      expect(estimate.basedOn).toBe(0);
    }
  });

  it('builds models that fit their schema from any history', () => {
    fc.assert(
      fc.property(modelArb, (model) => {
        expect(durationModelSchema.safeParse(model).success).toBe(true);
      }),
    );
  });
});
