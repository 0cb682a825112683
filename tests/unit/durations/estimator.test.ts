import { describe, expect, it } from 'vitest';
import {
  buildDurationModel,
  buildDurationModels,
  durationQuantileMs,
  estimateRemaining,
  finishChance,
  taskEstimate,
  type FinishedRun,
} from '../../../src/shared/durations';
import { TASK_KINDS } from '../../../src/shared/taskKinds';
import { logUniform, mulberry32 } from '../../../bench/prng';
import { MINUTE, run } from './arbitraries';

/**
 * 60 dubs spread evenly between 3 and 9 minutes, finished in a scrambled order (recent runs weigh more, so
 * runs finished shortest first would pull the model up).
 */
const dubs = Array.from({ length: 60 }, (_, i) => run((3 + (6 * ((i * 37) % 60)) / 59) * MINUTE));

describe('buildDurationModel', () => {
  it('learns the usual range of a kind from its history', () => {
    const model = buildDurationModel('dub', dubs);
    expect(model.basedOn).toBe(60);
    expect(durationQuantileMs(model, 0.1)).toBeGreaterThan(2.5 * MINUTE);
    // Within 5 s of 6 min before the tail past the 20 longest runs could come from a log-normal fit (which
    // moves the smoothing at the middle a little): within 3 % now.
    expect(Math.abs(durationQuantileMs(model, 0.5) - 6 * MINUTE)).toBeLessThan(0.03 * 6 * MINUTE);
    expect(durationQuantileMs(model, 0.9)).toBeLessThan(10 * MINUTE);
  });

  it('leaves out lower-bound runs, and fits only its own kind’s runs (others move its prior alone)', () => {
    const model = buildDurationModel('dub', [...dubs, run(2 * 3600_000, { lowerBound: true })]);
    expect(model).toEqual(buildDurationModel('dub', dubs));
    // A speech job's run moves the dub's prior a little (accountPrior.ts), worth 3 runs against 60: the
    // dubs' own range stands.
    const withSpeech = buildDurationModel('dub', [...dubs, run(1000, { kind: 'tts' })]);
    expect(withSpeech.basedOn).toBe(60);
    expect(durationQuantileMs(withSpeech, 0.5)).toBeCloseTo(durationQuantileMs(model, 0.5), -4);
  });

  it('uses only the most recent 500 runs of a kind', () => {
    const old = Array.from({ length: 300 }, () => run(60 * MINUTE));
    const recent = Array.from({ length: 500 }, () => run(5 * MINUTE));
    expect(buildDurationModel('dub', [...old, ...recent])).toEqual(buildDurationModel('dub', recent));
  });

  it('lets history replace the prior as it accumulates', () => {
    const quick = (count: number) => Array.from({ length: count }, () => run(30_000));
    const median = (count: number) => durationQuantileMs(buildDurationModel('dub', quick(count)), 0.5);
    // The prior says dubs take about 15 minutes; runs of 30 s pull the median towards 30 s.
    expect(median(0)).toBeGreaterThan(10 * MINUTE);
    expect(median(3)).toBeLessThan(median(0));
    expect(median(30)).toBeLessThan(40_000);
  });

  it('builds one model per kind', () => {
    const models = buildDurationModels(dubs);
    expect(Object.keys(models).sort()).toEqual([...TASK_KINDS].sort());
    expect(models.dub.basedOn).toBe(60);
    expect(models.story.basedOn).toBe(0);
  });
});

describe('estimateRemaining', () => {
  const model = buildDurationModel('dub', dubs);

  it('gives the usual range for a job that has just started', () => {
    const estimate = estimateRemaining(model, 0);
    expect(estimate.lowMs).toBeGreaterThan(2.5 * MINUTE);
    expect(estimate.highMs).toBeLessThan(10 * MINUTE);
    expect(estimate.longerThanUsual).toBe(false);
    expect(estimate.basedOn).toBe(60);
  });

  it('gives less time left as a job runs within the usual time', () => {
    expect(estimateRemaining(model, 5 * MINUTE).medianMs).toBeLessThan(estimateRemaining(model, 0).medianMs);
  });

  it('gives a later, wider estimate, and says so, once a job is past the usual time', () => {
    const usual = estimateRemaining(model, 0);
    const late = estimateRemaining(model, 20 * MINUTE);
    expect(late.longerThanUsual).toBe(true);
    expect(late.lowMs).toBeGreaterThanOrEqual(0);
    expect(late.highMs - late.lowMs).toBeGreaterThan(usual.highMs - usual.lowMs);
  });

  it('still estimates a job older than a week', () => {
    const estimate = estimateRemaining(model, 10 * 24 * 3600_000);
    expect(estimate.medianMs).toBeGreaterThan(0);
    expect(Number.isFinite(estimate.highMs)).toBe(true);
  });

  it('reads a negative or missing age as a job just started', () => {
    expect(estimateRemaining(model, -5)).toEqual(estimateRemaining(model, 0));
    expect(estimateRemaining(model, Number.NaN)).toEqual(estimateRemaining(model, 0));
  });
});

describe('finishChance', () => {
  const model = buildDurationModel('dub', dubs);

  it('is small before the usual time and large across it', () => {
    expect(finishChance(model, 0, MINUTE)).toBeLessThan(0.05);
    expect(finishChance(model, 0, 12 * MINUTE)).toBeGreaterThan(0.9);
    expect(finishChance(model, 5 * MINUTE, 6 * MINUTE)).toBeGreaterThan(0.1);
  });

  it('is 0 for an empty window and 1 by the end of time', () => {
    expect(finishChance(model, 5 * MINUTE, 5 * MINUTE)).toBe(0);
    expect(finishChance(model, 5 * MINUTE, MINUTE)).toBe(0);
    expect(finishChance(model, 0, Number.POSITIVE_INFINITY)).toBe(1);
  });
});

describe('calibration', () => {
  /** Jobs from 30 s to 2 h, the estimator learning from each as it ends (no peeking): a job's 80 % range
   *  before it starts should hold its duration about 80 % of the time. */
  it.each([1, 2, 3])(
    'holds about four in five durations in its 80-percent range (seed %i)',
    (seed) => {
      const random = mulberry32(seed);
      const learned: FinishedRun[] = [];
      let model = buildDurationModel('story', learned);
      let inside = 0;
      let counted = 0;
      for (let i = 0; i < 300; i += 1) {
        const durationMs = Math.round(logUniform(random, 30_000, 2 * 3600_000));
        const estimate = estimateRemaining(model, 0);
        if (i >= 20) {
          counted += 1;
          if (durationMs >= estimate.lowMs && durationMs <= estimate.highMs) inside += 1;
        }
        learned.push(run(durationMs, { kind: 'story', finishedAt: i }));
        model = buildDurationModel('story', learned);
      }
      expect(inside / counted).toBeGreaterThanOrEqual(0.75);
      expect(inside / counted).toBeLessThanOrEqual(0.85);
      // 300 refits of up to 300 runs: about 4 s on a quiet machine.
    },
    30_000,
  );
});

describe('taskEstimate', () => {
  const models = buildDurationModels(dubs);
  const task = { kind: 'dub' as const, addedAt: 1000, status: 'PENDING', stoppedReason: null };

  it('estimates a watched task from its age', () => {
    expect(taskEstimate(task, models, 1000 + 4 * MINUTE)).toEqual(estimateRemaining(models.dub, 4 * MINUTE));
    expect(taskEstimate({ ...task, status: null }, models, 1000)).toEqual(estimateRemaining(models.dub, 0));
  });

  it('has nothing to say of a finished or stopped task', () => {
    expect(taskEstimate({ ...task, status: 'SUCCESS' }, models, 5000)).toBeNull();
    expect(taskEstimate({ ...task, stoppedReason: 'not found' }, models, 5000)).toBeNull();
  });
});
