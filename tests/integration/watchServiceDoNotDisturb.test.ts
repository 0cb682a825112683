import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { createWatchServiceHarness, TEST_API_KEY } from '../support/watchServiceHarness';
import type { WatchServiceHarness } from '../support/watchServiceHarness';

let h: WatchServiceHarness;

afterEach(async () => {
  expect(h.everythingSaid()).not.toContain(TEST_API_KEY);
  await h.close();
});

const HOUR = 60 * 60 * 1000;

/** Three jobs finishing at different times: two succeed, one fails. */
function addThreeJobs(): void {
  h.server.addTask('story', 'ok-1', [step.pending({ untilMs: 60_000 }), step.success(1)]);
  h.server.addTask('dub', 'ok-2', [step.pending({ untilMs: 5 * 60_000 }), step.success(2)]);
  h.server.addTask('tts', 'bad-1', [step.pending({ untilMs: 20 * 60_000 }), step.error('SOURCE_TOO_LONG')]);
  h.service.add('story', 'ok-1');
  h.service.add('dub', 'ok-2');
  h.service.add('tts', 'bad-1');
}

describe('watch service: Do not disturb', () => {
  it('holds notifications for an hour, then says what finished in one summary and turns itself off', async () => {
    h = await createWatchServiceHarness();
    const settings = h.service.setDoNotDisturb('hour');
    expect(settings.doNotDisturbUntil).toBe(h.clock.now() + HOUR);
    addThreeJobs();
    await h.advance(30 * 60_000);
    expect(h.service.list().every((task) => task.finishedAt !== null)).toBe(true);
    expect(h.run.notifications()).toEqual([]);

    await h.advance(31 * 60_000);
    expect(h.run.notifications()).toEqual([
      expect.objectContaining({
        type: 'group',
        title: 'While Do not disturb was on',
        body: '3 jobs finished while Do not disturb was on: 2 succeeded, 1 failed.',
      }),
    ]);
    expect(h.service.getSettings().doNotDisturbUntil).toBeNull();
  });

  it('is kept across a restart, and turning it off early delivers the summary at once', async () => {
    h = await createWatchServiceHarness();
    h.service.setDoNotDisturb('tomorrow');
    const until = h.service.getSettings().doNotDisturbUntil;
    await h.restart();
    expect(h.service.getSettings().doNotDisturbUntil).toBe(until);
    h.server.addTask('story', 'late', [step.pending({ untilMs: 30_000 }), step.timeout()]);
    h.service.add('story', 'late');
    await h.advance(60_000);
    expect(h.run.notifications()).toEqual([]);

    h.service.setDoNotDisturb('off');
    expect(h.run.notifications().map((n) => n.body)).toEqual([
      '1 job finished while Do not disturb was on: 1 failed.',
    ]);
    expect(h.service.getSettings().doNotDisturbUntil).toBeNull();
  });

  it('with nothing held, ends without a word', async () => {
    h = await createWatchServiceHarness();
    h.service.setDoNotDisturb('hour');
    await h.advance(HOUR + 1_000);
    expect(h.run.notifications()).toEqual([]);
    expect(h.service.getSettings().doNotDisturbUntil).toBeNull();
  });
});

describe('watch service: notification sounds', () => {
  it('carries the sound chosen per outcome, kept across a restart', async () => {
    h = await createWatchServiceHarness();
    h.service.updateSettings({ soundOnSuccess: 'none', soundOnFailure: 'chime' });
    await h.restart();
    expect(h.service.getSettings()).toMatchObject({ soundOnSuccess: 'none', soundOnFailure: 'chime' });
    h.server.addTask('story', 'fine', [step.pending({ untilMs: 10_000 }), step.success(5)]);
    h.server.addTask('dub', 'broke', [step.pending({ untilMs: 60_000 }), step.paymentRequired()]);
    h.service.add('story', 'fine');
    h.service.add('dub', 'broke');
    await h.advance(120_000);
    expect(h.run.notifications().map((n) => [n.title, n.sound])).toEqual([
      ['Story ready', 'none'],
      ['Dub ran out of credits', 'chime'],
    ]);
    // What to do, in the list's words.
    expect(h.run.notifications()[1]?.body).toContain('Top up your CAMB.AI credits, then resubmit it.');
  });
});
