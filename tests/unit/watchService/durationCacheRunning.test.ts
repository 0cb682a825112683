import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { createDurationCache, runningAgesOf } from '../../../src/main/core/watchService/durationCache';
import { durationQuantileMs, type FinishedRun } from '../../../src/shared/durations';

const MINUTE = 60_000;

/** 20 dubs that each took about a minute. */
const quickDubs: FinishedRun[] = Array.from({ length: 20 }, (_, i) => ({
  kind: 'dub',
  durationMs: MINUTE + i * 1_000,
  finishedAt: i,
  succeeded: true,
  lowerBound: false,
}));

describe('duration models and the jobs still running', () => {
  it('counts a batch still running as lasting longer than its age, refitted as it ages', async () => {
    const clock = new VirtualClock();
    const batchAddedAt = clock.now();
    const batch = Array.from({ length: 80 }, () => ({
      kind: 'dub' as const,
      addedAt: batchAddedAt,
      status: 'PENDING',
      stoppedReason: null,
    }));
    const cache = createDurationCache({
      clock,
      finishedRuns: () => quickDubs,
      runningAges: (now) => runningAgesOf(batch, now),
      changed: () => {},
    });
    // Just added: the batch says nothing yet, the history says about a minute.
    expect(durationQuantileMs(cache.current().dub, 0.5)).toBeLessThan(2 * MINUTE);
    await clock.advance(10 * MINUTE);
    // Ten minutes on, 80 of 100 dubs are still running: most dubs take longer than ten minutes.
    expect(durationQuantileMs(cache.current().dub, 0.5)).toBeGreaterThan(10 * MINUTE);
    cache.dispose();
  });

  it('leaves finished and stopped tasks out of the running ages', () => {
    const tasks = [
      { kind: 'tts' as const, addedAt: 0, status: 'PENDING', stoppedReason: null },
      { kind: 'tts' as const, addedAt: 0, status: 'SUCCESS', stoppedReason: null },
      { kind: 'dub' as const, addedAt: 5_000, status: null, stoppedReason: null },
      { kind: 'dub' as const, addedAt: 20_000, status: 'PENDING', stoppedReason: null },
    ];
    expect(runningAgesOf(tasks, 10_000)).toEqual({ tts: [10_000], dub: [5_000] });
  });
});

describe('duration models and the account’s other kinds', () => {
  it('rebuilds a running kind’s model when another kind’s run is recorded (its prior reads them)', async () => {
    const clock = new VirtualClock();
    const dubs = [{ kind: 'dub' as const, addedAt: clock.now(), status: 'PENDING', stoppedReason: null }];
    let runs: FinishedRun[] = [];
    const told: number[] = [];
    const cache = createDurationCache({
      clock,
      finishedRuns: () => runs,
      runningAges: (now) => runningAgesOf(dubs, now),
      changed: (models) => told.push(durationQuantileMs(models.dub, 0.5)),
    });
    const before = durationQuantileMs(cache.current().dub, 0.5);
    // Forty speech jobs, each three times its usual 10 s: the account runs slow.
    runs = Array.from({ length: 40 }, (_, i) => ({
      kind: 'tts',
      durationMs: 30_000 + i * 100,
      finishedAt: clock.now() + i,
      succeeded: true,
      lowerBound: false,
    }));
    cache.learned(['tts']);
    await clock.advance(1_000);
    expect(told).toHaveLength(1);
    expect(told[0]).toBeGreaterThan(2 * before);
    cache.dispose();
  });
});
