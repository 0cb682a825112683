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
    const fresh = h.service.list().find((task) => task.taskId === 'new');
    const firstCheckAt = fresh?.lastCheckAt ?? 0;
    expect(firstCheckAt).toBeGreaterThan(0);
    // A story seconds old is far from the two minutes stories take: the next look comes many seconds later
    // (as the service's own models say), where the fixed pace by age would look again after 3 s.
    const learned = durationAwareInterval(
      h.service.durations().story,
      firstCheckAt - (fresh?.addedAt ?? 0),
      RESPONSIVENESS_SHARE.balanced,
    );
    expect(learned).toBeGreaterThan(5 * MIN_INTERVAL_MS);
    expect(h.service.nextChecks().find((check) => check.key === 'story:new')?.nextCheckAt).toBe(
      firstCheckAt + jittered(learned),
    );

    expect(h.service.updateSettings({ schedule: 'adaptive' }).schedule).toBe('adaptive');
    await h.advance(MIN_INTERVAL_MS);
    expect(h.service.list().find((task) => task.taskId === 'new')?.lastCheckAt).toBe(
      firstCheckAt + jittered(MIN_INTERVAL_MS),
    );
  });
});
