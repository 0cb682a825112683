/**
 * "Taking longer than usual" (issue 19, beyond #1): once per job, a desktop notification when a running
 * job has gone past what nine in ten jobs of its kind took here — and only once 3 runs of the kind have
 * finished, the rows' rule. Real HTTP against the fake CAMB server, virtual time, one faulty task (never
 * answered) among working ones.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { faults, step } from '../../tools/fakeCamb/fakeCambServer';
import { createWatchServiceHarness, TEST_API_KEY } from '../support/watchServiceHarness';
import type { WatchServiceHarness } from '../support/watchServiceHarness';

let h: WatchServiceHarness;

afterEach(async () => {
  expect(h.everythingSaid()).not.toContain(TEST_API_KEY);
  await h.close();
});

const MINUTE = 60_000;

/** Stories that finish in 2, 3 and 4 minutes, so "usual" for stories is known. */
function finishThreeStories(): void {
  [2, 3, 4].forEach((minutes) => {
    h.server.addTask('story', `done-${minutes}`, [
      step.pending({ untilMs: minutes * MINUTE }),
      step.success(minutes),
    ]);
    h.service.add('story', `done-${minutes}`);
  });
}

const lateAlerts = () => h.run.notifications().filter((notification) => notification.type === 'late');

describe('watch service: taking longer than usual', () => {
  it('tells once, for the running job past its usual time, with what usual is and what it offers', async () => {
    h = await createWatchServiceHarness();
    finishThreeStories();
    h.server.addTask('story', 'long', step.pending());
    h.service.add('story', 'long', 'Long story');
    // The faulty one: every check fails, so CAMB.AI never said it runs. Unanswered is not late.
    h.server.injectFaults(
      'story',
      'unanswered',
      Array.from({ length: 500 }, () => faults.serverError()),
    );
    h.service.add('story', 'unanswered', 'Never answered');

    await h.advance(5 * MINUTE);
    expect(h.service.list().filter((task) => task.status === 'SUCCESS')).toHaveLength(3);
    expect(lateAlerts()).toEqual([]);

    await h.advance(25 * MINUTE);
    expect(lateAlerts()).toEqual([
      {
        type: 'late',
        taskKey: 'story:long',
        taskName: 'Long story',
        title: 'Story taking longer than usual',
        body: expect.stringMatching(
          /^Long story has run \d+ min; stories usually take .+\. CAMB\.AI still says it is running\.$/u,
        ) as unknown,
        sound: 'system',
        actions: ['open-studio', 'keep-waiting'],
      },
    ]);

    // Hours more of checks: still one.
    await h.advance(3 * 60 * MINUTE);
    expect(lateAlerts()).toHaveLength(1);
    expect(h.service.get('story:unanswered')?.status).toBeNull();
  });

  it('says nothing from fewer than 3 finished runs of the kind, nor for a muted job', async () => {
    h = await createWatchServiceHarness();
    [2, 3].forEach((minutes) => {
      h.server.addTask('dub', `done-${minutes}`, [
        step.pending({ untilMs: minutes * MINUTE }),
        step.success(minutes),
      ]);
      h.service.add('dub', `done-${minutes}`);
    });
    h.server.addTask('dub', 'long', step.pending());
    h.service.add('dub', 'long', 'Long dub');
    finishThreeStories();
    h.server.addTask('story', 'quiet', step.pending());
    h.service.add('story', 'quiet', 'Muted story');
    h.service.setMuted('story:quiet', true);

    await h.advance(2 * 60 * MINUTE);
    expect(h.service.list().filter((task) => task.status === 'SUCCESS')).toHaveLength(5);
    expect(lateAlerts()).toEqual([]);
  });

  it('keeps quiet while Do not disturb is on, and tells a job still late afterwards at its next check', async () => {
    h = await createWatchServiceHarness();
    finishThreeStories();
    h.server.addTask('story', 'long', step.pending());
    h.service.add('story', 'long', 'Long story');
    h.service.setDoNotDisturb('hour');

    await h.advance(59 * MINUTE);
    expect(lateAlerts()).toEqual([]);
    await h.advance(10 * MINUTE);
    expect(h.service.getSettings().doNotDisturbUntil).toBeNull();
    expect(lateAlerts().map((alert) => alert.taskKey)).toEqual(['story:long']);
  });
});
