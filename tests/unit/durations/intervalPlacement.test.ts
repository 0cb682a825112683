/**
 * Where a success known only to have ended within a wide interval is placed (issue 18): where its kind's
 * prior puts it within the interval, not at the interval's middle in log-time. Under a rate budget a speech
 * job is seen pending at 0.3 s and done a minute later; the middle (4 s) is shorter than speech jobs take.
 */
import { describe, expect, it } from 'vitest';
import {
  buildDurationModel,
  durationQuantileMs,
  finishChance,
  type FinishedRun,
} from '../../../src/shared/durations';
import { accountPrior } from '../../../src/shared/durations/accountPrior';
import { taskKindInfo } from '../../../src/shared/taskKinds';
import { run } from './arbitraries';

/** `count` speech jobs, each seen pending at 0.3 s and done at `doneMs` (the budget's next look). */
const sparselySeen = (count: number, doneMs: number): FinishedRun[] =>
  Array.from({ length: count }, (_, i) =>
    run(doneMs, { kind: 'tts', finishedAt: 1_000 + i, lastPendingMs: 300 }),
  );

describe('a success known only to have ended within a wide interval', () => {
  it('is learned where its kind ends within the interval, not at the interval’s middle in log-time', () => {
    const model = buildDurationModel('tts', sparselySeen(40, 60_000));
    // The middle of [0.3 s, 60 s] in log-time is 4.2 s: learned there, most speech jobs "end" by 5 s.
    expect(finishChance(model, 0, 5_000)).toBeLessThan(0.3);
    const median = durationQuantileMs(model, 0.5);
    expect(median).toBeGreaterThan(6_000);
    expect(median).toBeLessThan(60_000);
  });

  it('still says what a narrow interval says', () => {
    const narrow = Array.from({ length: 40 }, (_, i) =>
      run(12_000, { kind: 'tts', finishedAt: 1_000 + i, lastPendingMs: 11_000 }),
    );
    const median = durationQuantileMs(buildDurationModel('tts', narrow), 0.5);
    expect(median).toBeGreaterThan(10_500);
    expect(median).toBeLessThan(12_500);
  });

  it('does not drag the account’s other kinds short', () => {
    // Each run's residual against its kind's prior: at the interval's middle, 4.2 s against speech's 10 s
    // moved every other kind's prior to under half its median.
    const dub = accountPrior('dub', sparselySeen(40, 60_000));
    const builtIn = taskKindInfo('dub').durationPrior.medianMs;
    expect(dub.medianMs).toBeGreaterThan(0.7 * builtIn);
  });
});
