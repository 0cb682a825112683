import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../bench/prng';
import { MAX_INTERVAL_MS, MIN_INTERVAL_MS } from '../../../src/main/core/scheduler';
import type { DurationModels } from '../../../src/shared/durations';
import type { TaskKind } from '../../../src/shared/taskKinds';
import { taskKey } from '../../../src/shared/watchedTask';
import type { TaskKey } from '../../../src/shared/watchedTask';
import { around, modelsWith } from './durations';
import { gaps, PENDING, rig, SUCCESS, T0, task } from './harness';
import type { Script } from './harness';

const MINUTE = 60_000;
const KINDS = ['tts', 'story', 'dub'] as const satisfies readonly TaskKind[];
const TYPICAL_MS: Record<(typeof KINDS)[number], number> = {
  tts: 8_000,
  story: 4 * MINUTE,
  dub: 20 * MINUTE,
};
const PRIOR_ONLY = modelsWith();
const LEARNED = modelsWith({
  tts: around(TYPICAL_MS.tts),
  story: around(TYPICAL_MS.story),
  dub: around(TYPICAL_MS.dub),
});

interface Job {
  readonly kind: (typeof KINDS)[number];
  readonly addedAfterMs: number;
  /** How long it runs, as a share of its kind's typical time. */
  readonly length: number;
}

const jobs = (max: number) =>
  fc.array(
    fc.record({
      kind: fc.constantFrom(...KINDS),
      addedAfterMs: fc.nat(5 * MINUTE),
      length: fc.double({ min: 0.3, max: 3, noNaN: true }),
    }),
    { minLength: 1, maxLength: max },
  );

/** Runs `list` on a rig for `runMs` and returns the send times per job; CAMB says SUCCESS once a job's time is up. */
async function run(
  list: readonly Job[],
  options: Parameters<typeof rig>[0],
  runMs: number,
  finish = true,
): Promise<{ times: Map<TaskKey, number[]>; sent: { key: TaskKey; at: number }[] }> {
  const finishAt = new Map<TaskKey, number>();
  const script: Script = ({ key, sentAt }) =>
    finish && sentAt >= (finishAt.get(key) ?? Infinity) ? SUCCESS : PENDING;
  const { scheduler, camb, advance, clock } = rig(options, script);
  const ordered = list
    .map((job, i) => ({ ...job, id: `j${i}` }))
    .sort((a, b) => a.addedAfterMs - b.addedAfterMs);
  for (const job of ordered) {
    await clock.advanceTo(T0 + job.addedAfterMs);
    const key = taskKey(job.kind, job.id);
    finishAt.set(key, clock.now() + Math.round(job.length * TYPICAL_MS[job.kind]));
    scheduler.track(task(job.id, { key, kind: job.kind, addedAt: clock.now() }));
  }
  await advance(T0 + runMs - clock.now());
  scheduler.dispose();
  const times = new Map<TaskKey, number[]>();
  for (const request of camb.sent) times.set(request.key, [...(times.get(request.key) ?? []), request.at]);
  return { times, sent: camb.sent };
}

describe('duration-aware schedule', () => {
  it('with no history sends exactly what the adaptive schedule sends, budget or not', async () => {
    await fc.assert(
      fc.asyncProperty(jobs(25), fc.constantFrom(Infinity, 2, 5), fc.nat(), async (list, rate, seed) => {
        const common = { ratePerSecond: rate, durationModels: () => PRIOR_ONLY };
        const adaptive = await run(
          list,
          { ...common, random: mulberry32(seed), schedule: 'adaptive' },
          12 * MINUTE,
        );
        const aware = await run(
          list,
          { ...common, random: mulberry32(seed), schedule: 'duration-aware' },
          12 * MINUTE,
        );
        expect(aware.sent).toEqual(adaptive.sent);
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('checks each job no more often than every 3 s and at least every 60 s when the budget allows', async () => {
    await fc.assert(
      fc.asyncProperty(jobs(25), fc.nat(), async (list, seed) => {
        const { times } = await run(
          list,
          {
            random: mulberry32(seed),
            maxJitter: 0.05,
            schedule: 'duration-aware',
            durationModels: () => LEARNED,
          },
          30 * MINUTE,
          false,
        );
        for (const checks of times.values()) {
          for (const gap of gaps(checks)) {
            expect(gap).toBeGreaterThanOrEqual(MIN_INTERVAL_MS);
            expect(gap).toBeLessThanOrEqual(MAX_INTERVAL_MS);
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  /** Two dubs due together under a budget of one request at a time: which is asked about first. */
  async function firstAsked(
    schedule: 'adaptive' | 'duration-aware',
    young: { lastCheckAgoMs: number },
    urgent?: 'young',
  ): Promise<TaskKey[]> {
    const { scheduler, camb, advance } = rig({ ratePerSecond: 1, schedule, durationModels: () => LEARNED });
    scheduler.pause();
    // Seen running `lastCheckAgoMs` ago, 90 s after it was added: dubs take about 20 min.
    scheduler.track(
      task('young', {
        key: taskKey('dub', 'young'),
        kind: 'dub',
        addedAt: T0 - 90_000 - young.lastCheckAgoMs,
        lastCheckAt: T0 - young.lastCheckAgoMs,
      }),
    );
    // Seen running 15 s ago, at the age dubs usually finish.
    scheduler.track(
      task('ripe', {
        key: taskKey('dub', 'ripe'),
        kind: 'dub',
        addedAt: T0 - 20 * MINUTE,
        lastCheckAt: T0 - 15_000,
      }),
    );
    if (urgent !== undefined) scheduler.checkNow(taskKey('dub', urgent));
    scheduler.resume();
    await advance(0);
    return camb.sent.map((request) => request.key);
  }

  it('under a tight budget, asks first about the job likely finished, not the most overdue', async () => {
    // The young dub waited longer since its check, so it is the more overdue; the ripe one is likelier done.
    expect(await firstAsked('duration-aware', { lastCheckAgoMs: 50_000 })).toEqual([taskKey('dub', 'ripe')]);
    expect(await firstAsked('adaptive', { lastCheckAgoMs: 50_000 })).toEqual([taskKey('dub', 'young')]);
  });

  it('under a tight budget, a check the user asked for goes first however unlikely the finish', async () => {
    expect(await firstAsked('duration-aware', { lastCheckAgoMs: 50_000 }, 'young')).toEqual([
      taskKey('dub', 'young'),
    ]);
  });

  it('under a tight budget, a job kept waiting past the starvation limit goes first', async () => {
    // Two jobs and one request a second: the limit is a minute. Seen running 61 s ago, still young.
    expect(await firstAsked('duration-aware', { lastCheckAgoMs: 61_000 })).toEqual([taskKey('dub', 'young')]);
  });

  it('never starves a job: under a tight budget every job is still checked within the starvation bound', async () => {
    await fc.assert(
      fc.asyncProperty(jobs(40), fc.nat(), async (list, seed) => {
        const spacingMs = 550;
        const { times } = await run(
          list,
          {
            ratePerSecond: 2,
            random: mulberry32(seed),
            schedule: 'duration-aware',
            durationModels: () => LEARNED,
          },
          30 * MINUTE,
          false,
        );
        // A job waiting longer than max(60 s, three rounds of the budget) goes first; a round takes n × spacing.
        const roundMs = list.length * spacingMs;
        const bound = Math.max(MAX_INTERVAL_MS, 3 * roundMs) + roundMs + 1_000;
        for (const checks of times.values()) {
          const last = checks.at(-1) ?? T0;
          expect(Math.max(...gaps(checks), T0 + 30 * MINUTE - last)).toBeLessThanOrEqual(bound);
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('follows the models as they change, and paces by age again once switched to adaptive', async () => {
    let models: DurationModels = PRIOR_ONLY;
    const key = taskKey('dub', 'd');
    const { scheduler, advance, nextCheckAt } = rig({
      schedule: 'duration-aware',
      durationModels: () => models,
    });
    scheduler.track(task('d', { key, kind: 'dub', addedAt: T0 }));
    await advance(0);
    // No history: the adaptive pace, 3 s at first.
    expect(nextCheckAt(key)).toBe(T0 + MIN_INTERVAL_MS);
    models = LEARNED;
    await advance(MIN_INTERVAL_MS);
    // 3 s old, a dub may still fail early (every kind keeps that chance): checked as adaptive would.
    expect(nextCheckAt(key)).toBe(T0 + 2 * MIN_INTERVAL_MS);
    await advance(MIN_INTERVAL_MS);
    // Past that, dubs take about 20 min: a dub seconds old is checked a minute later.
    expect(nextCheckAt(key)).toBe(T0 + 2 * MIN_INTERVAL_MS + MAX_INTERVAL_MS);
    scheduler.setSchedule('adaptive');
    expect(nextCheckAt(key)).toBe(T0 + 3 * MIN_INTERVAL_MS);
  });
});
