import fc from 'fast-check';
import { mulberry32 } from '../../../bench/prng';
import { describe, expect, it } from 'vitest';
import { adaptiveInterval, detectionBoundMs } from '../../../src/main/core/scheduler';
import { RESPONSIVENESS_SHARE } from '../../../src/shared/settings';
import type { Responsiveness } from '../../../src/shared/settings';
import { gaps, keyOf, named, PENDING, rig, SUCCESS, T0, task } from './harness';
import type { Script } from './harness';
import { FakeCamb } from './harness';
import { createScheduler } from '../../../src/main/core/scheduler';
import { JumpingClock } from './jumpingClock';

const finishesAfter =
  (durationMs: number): Script =>
  ({ sentAt }) =>
    sentAt - T0 >= durationMs ? SUCCESS : PENDING;

/** The send times the formula prescribes with no jitter, from T0 up to `untilMs` later. */
function expectedSchedule(share: number, untilMs: number): number[] {
  const times = [T0];
  for (;;) {
    const last = times[times.length - 1] ?? T0;
    const next = last + Math.floor(adaptiveInterval(last - T0, share));
    if (next > T0 + untilMs) return times;
    times.push(next);
  }
}

describe('scheduler timing', () => {
  it('checks a new task at once', () => {
    const { scheduler, camb } = rig();
    scheduler.track(task('a'));
    expect(camb.sent).toEqual([{ key: keyOf('a'), at: T0 }]);
  });

  it.each(Object.keys(RESPONSIVENESS_SHARE) as Responsiveness[])(
    'spaces checks by min(60 s, max(3 s, share × age)) when %s',
    async (responsiveness) => {
      const { scheduler, camb, advance } = rig({ responsiveness });
      scheduler.track(task('a'));
      await advance(40 * 60_000);
      expect(camb.times(keyOf('a'))).toEqual(
        expectedSchedule(RESPONSIVENESS_SHARE[responsiveness], 40 * 60_000),
      );
    },
  );

  it.each([30_000, 31_000, 47_500, 5 * 60_000, 20 * 60_000, 3 * 3600_000])(
    'detects a task that runs %i ms within min(60 s, max(3 s, 10 percent of it))',
    async (durationMs) => {
      const { scheduler, events, advance } = rig(
        { random: mulberry32(durationMs) },
        finishesAfter(durationMs),
      );
      scheduler.track(task('a'));
      await advance(durationMs + 61_000);
      const [finished] = named(events, 'finished');
      expect(finished).toBeDefined();
      const delay = (finished?.at ?? Infinity) - (T0 + durationMs);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(detectionBoundMs(durationMs, 0.1));
    },
  );

  it('detects every task within its bound, whatever its duration, responsiveness and jitter (unconstrained)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1_000, max: 4 * 3600_000 }),
        fc.constantFrom(...(Object.keys(RESPONSIVENESS_SHARE) as Responsiveness[])),
        fc.infiniteStream(fc.double({ min: 0, max: 0.999_999, noNaN: true })),
        async (durationMs, responsiveness, draws) => {
          const random = () => draws.next().value as number;
          const { scheduler, events, advance } = rig(
            { responsiveness, random, ratePerSecond: Infinity, maxConcurrent: Infinity },
            finishesAfter(durationMs),
          );
          scheduler.track(task('a'));
          await advance(durationMs + 61_000);
          const finishedAt = named(events, 'finished')[0]?.at ?? Infinity;
          expect(finishedAt - (T0 + durationMs)).toBeLessThanOrEqual(
            detectionBoundMs(durationMs, RESPONSIVENESS_SHARE[responsiveness]),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('lets jitter shorten an interval by at most 5 %, never lengthen it', async () => {
    const { scheduler, camb, advance } = rig({ random: () => 0.999_999 });
    scheduler.track(task('a'));
    await advance(30 * 60_000);
    const times = camb.times(keyOf('a'));
    expect(times.length).toBeGreaterThan(20);
    gaps(times).forEach((gap, i) => {
      const planned = adaptiveInterval((times[i] ?? 0) - T0, 0.1);
      expect(gap).toBeLessThanOrEqual(planned);
      expect(gap).toBeGreaterThanOrEqual(Math.floor(planned * 0.95));
      expect(gap).toBeLessThan(planned);
    });
  });

  it('resumes a restored task from its last check', async () => {
    const { scheduler, camb, advance, nextCheckAt } = rig();
    // An hour old, last checked 10 s ago: the next check is 60 s after that one, 50 s from now.
    scheduler.track(task('a', { addedAt: T0 - 3600_000, lastCheckAt: T0 - 10_000, status: 'PENDING' }));
    expect(nextCheckAt(keyOf('a'))).toBe(T0 + 50_000);
    await advance(49_999);
    expect(camb.sent).toEqual([]);
    await advance(1);
    expect(camb.times(keyOf('a'))).toEqual([T0 + 50_000]);
  });

  it('checks overdue restored tasks at once, the most overdue first', async () => {
    const { scheduler, camb, advance } = rig({ ratePerSecond: 1, arrivalJitterMs: 0 });
    scheduler.track(task('slightly', { addedAt: T0 - 3600_000, lastCheckAt: T0 - 70_000 }));
    scheduler.track(task('badly', { addedAt: T0 - 3600_000, lastCheckAt: T0 - 600_000 }));
    await advance(1_000);
    expect(camb.sent).toEqual([
      { key: keyOf('slightly'), at: T0 },
      { key: keyOf('badly'), at: T0 + 1_000 },
    ]);
    // 'slightly' went first only because it was tracked while the budget was free; with both waiting, order is by due time.
    const second = rig({ ratePerSecond: 1, arrivalJitterMs: 0 });
    second.scheduler.track(task('blocker'));
    second.scheduler.track(task('slightly', { addedAt: T0 - 3600_000, lastCheckAt: T0 - 70_000 }));
    second.scheduler.track(task('badly', { addedAt: T0 - 3600_000, lastCheckAt: T0 - 600_000 }));
    await second.advance(2_000);
    expect(second.camb.sent.map((r) => r.key)).toEqual([keyOf('blocker'), keyOf('badly'), keyOf('slightly')]);
  });

  it('checks a restored task whose last check lies in the future (clock set back) within one interval', async () => {
    const { scheduler, camb, advance } = rig();
    // Saved before the clock was corrected by an hour.
    scheduler.track(task('a', { addedAt: T0 - 600_000, lastCheckAt: T0 + 3600_000, status: 'PENDING' }));
    await advance(60_000);
    expect(camb.times(keyOf('a'))).toHaveLength(1);
  });

  it('keeps polling when the clock is set back while a check is in flight', async () => {
    const clock = new JumpingClock(T0);
    const camb = new FakeCamb(clock.elapsed, undefined, 1_000);
    const scheduler = createScheduler({ clock, check: camb.check, random: () => 0 });
    scheduler.track(task('a'));
    clock.jump(-3600_000);
    await clock.advance(1_000 + 3_000);
    expect(camb.sent).toHaveLength(2);
    scheduler.dispose();
  });

  it('reschedules pending checks when the responsiveness changes', async () => {
    const { scheduler, camb, advance, nextCheckAt } = rig();
    scheduler.track(task('a', { addedAt: T0 - 200_000, lastCheckAt: T0 }));
    expect(nextCheckAt(keyOf('a'))).toBe(T0 + 20_000);
    scheduler.setResponsiveness('eager');
    expect(nextCheckAt(keyOf('a'))).toBe(T0 + 10_000);
    scheduler.setResponsiveness('frugal');
    expect(nextCheckAt(keyOf('a'))).toBe(T0 + 40_000);
    await advance(40_000);
    expect(camb.times(keyOf('a'))).toEqual([T0 + 40_000]);
  });
});
