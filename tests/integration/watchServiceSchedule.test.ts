import { afterEach, describe, expect, it } from 'vitest';
import { MIN_INTERVAL_MS } from '../../src/main/core/scheduler';
import { durationAwareInterval } from '../../src/main/core/scheduler/durationAware';
import { RESPONSIVENESS_SHARE } from '../../src/shared/settings';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { createWatchServiceHarness, TEST_API_KEY } from '../support/watchServiceHarness';
import type { WatchServiceHarness } from '../support/watchServiceHarness';

let h: WatchServiceHarness;

afterEach(async () => {
  expect(h.everythingSaid()).not.toContain(TEST_API_KEY);
  await h.close();
});

/** The harness's fixed jitter draw (0.5) shortens each interval by 2.5 %. */
const jittered = (ms: number) => Math.floor(ms * 0.975);

describe('watch service: the check-times setting', () => {
  it('paces a new job from the stories that finished before it, and by age once set to a fixed pace', async () => {
    h = await createWatchServiceHarness();
    // Five stories that each take two minutes teach the service how long stories take.
    for (let i = 0; i < 5; i++) {
      h.server.addTask('story', `taught-${i}`, [step.pending({ untilMs: 120_000 }), step.success(100 + i)]);
      expect(h.service.add('story', `taught-${i}`)).toMatchObject({ ok: true, added: true });
    }
    await h.advance(4 * 60_000);
    expect(h.service.finishedRuns().filter((run) => run.kind === 'story' && !run.lowerBound)).toHaveLength(5);

    h.server.addTask('story', 'new', step.pending());
    h.service.add('story', 'new');
    await h.advance(0);
    await h.settle();
    const story = () => h.service.list().find((task) => task.taskId === 'new');
    const firstCheckAt = story()?.lastCheckAt ?? 0;
    const addedAt = story()?.addedAt ?? 0;
    expect(firstCheckAt).toBeGreaterThan(0);
    const paceAt = (checkAt: number) =>
      durationAwareInterval(h.service.durations().story, checkAt - addedAt, RESPONSIVENESS_SHARE.balanced);
    // Seconds old, a story may still fail early (every kind keeps that chance): looked at again after 3 s.
    expect(paceAt(firstCheckAt)).toBe(MIN_INTERVAL_MS);
    for (let i = 0; i < 4 && (story()?.lastCheckAt ?? 0) - addedAt <= 5_000; i++) {
      await h.advance(MIN_INTERVAL_MS);
      await h.settle();
    }
    const lastCheckAt = story()?.lastCheckAt ?? 0;
    expect(lastCheckAt - addedAt).toBeGreaterThan(5_000);
    // Past that, a story is far from the two minutes stories take: the next look comes later (as the
    // service's own models say; five runs and the broad prior still allow a quick end), where the fixed
    // pace by age would look again after 3 s.
    const learned = paceAt(lastCheckAt);
    expect(learned).toBeGreaterThan(2 * MIN_INTERVAL_MS);
    expect(h.service.nextChecks().find((check) => check.key === 'story:new')?.nextCheckAt).toBe(
      lastCheckAt + jittered(learned),
    );

    expect(h.service.updateSettings({ schedule: 'adaptive' }).schedule).toBe('adaptive');
    await h.advance(MIN_INTERVAL_MS);
    expect(story()?.lastCheckAt).toBe(lastCheckAt + jittered(MIN_INTERVAL_MS));
  });
});
