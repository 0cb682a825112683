import { afterEach, describe, expect, it } from 'vitest';
import { peakInWindow } from '../../bench/stats';
import { DEFAULT_RATE_PER_SECOND } from '../../src/main/core/scheduler';
import { TASK_KINDS } from '../../src/shared/taskKinds';
import { taskKey } from '../../src/shared/watchedTask';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { createWatchServiceHarness, TEST_API_KEY } from '../support/watchServiceHarness';
import type { WatchServiceHarness } from '../support/watchServiceHarness';

let h: WatchServiceHarness;

afterEach(async () => {
  expect(h.everythingSaid()).not.toContain(TEST_API_KEY);
  await h.close();
});

const DUB_ID = '9d0c5a7e-1b2f-4c3d-8e9f-0a1b2c3d4e5f';

describe('watch service: smart ids', () => {
  it('asks the other kinds once about an id added as the wrong kind, suggests the one that knows it, within the budget', async () => {
    h = await createWatchServiceHarness();
    // Busy working tasks keep the budget full, so the probe has to share it.
    const working = Array.from({ length: 20 }, (_, i) => `story-${i}`);
    for (const id of working)
      h.server.addTask('story', id, [step.pending({ untilMs: 60_000 }), step.success(i(id))]);
    h.server.addTask('dub', DUB_ID, [step.pending({ untilMs: 30_000 }), step.success(77)]);
    for (const id of working) h.service.add('story', id);
    h.service.add('story', DUB_ID);
    await h.advance(10_000);

    const wrong = h.service.get(taskKey('story', DUB_ID));
    expect(wrong).toMatchObject({ stopCause: 'not-found', suggestedKind: 'dub' });
    // Once per other kind, and never the watched kind again.
    for (const kind of TASK_KINDS.filter((k) => k !== 'story'))
      expect(h.statusRequests(kind, DUB_ID), kind).toBe(1);
    expect(h.statusRequests('story', DUB_ID)).toBe(1);
    const arrivals = h.server.requests.filter((r) => r.route === 'status').map((r) => r.at);
    expect(peakInWindow(arrivals, 1_000)).toBeLessThanOrEqual(DEFAULT_RATE_PER_SECOND);

    // Said once, with what to do: the notification names the kind that knows the id.
    const stops = h.run.notifications().filter((n) => n.title === 'Story stopped');
    expect(stops).toHaveLength(1);
    expect(stops[0]?.body).toContain('CAMB.AI does not know this id as a story task, but as a dub task.');
    expect(stops[0]).toMatchObject({ sound: 'system' });

    // Check now asks the watched kind again, not the others.
    h.service.checkNow(taskKey('story', DUB_ID));
    await h.advance(2_000);
    expect(h.statusRequests('dub', DUB_ID)).toBe(1);
    expect(h.run.notifications().filter((n) => n.title === 'Story stopped')).toHaveLength(1);

    // One click: it is watched as a dub, under its new key, and finishes.
    const switched = h.service.changeKind(taskKey('story', DUB_ID), 'dub');
    expect(switched).toMatchObject({ ok: true, merged: false, task: { kind: 'dub', suggestedKind: null } });
    expect(h.service.get(taskKey('story', DUB_ID))).toBeUndefined();
    await h.advance(40_000);
    expect(h.service.get(taskKey('dub', DUB_ID))).toMatchObject({ status: 'SUCCESS', runId: 77 });
    expect(h.run.notifications().map((n) => n.title)).toContain('Dub ready');

    // The switch is on disk at once: a restart finds the dub, not the story.
    await h.restart();
    expect(
      h.service
        .list()
        .filter((t) => t.taskId === DUB_ID)
        .map((t) => t.kind),
    ).toEqual(['dub']);
  });

  it('suggests nothing when no other kind knows the id, and says to check the id and its kind', async () => {
    h = await createWatchServiceHarness();
    h.service.add('dub', 'nobody-knows-me');
    await h.advance(10_000);
    expect(h.service.get(taskKey('dub', 'nobody-knows-me'))).toMatchObject({
      stopCause: 'not-found',
      suggestedKind: null,
    });
    const [stop] = h.run.notifications();
    expect(stop?.title).toBe('Dub stopped');
    expect(stop?.body).toContain('Check the id and its kind');
  });

  it('changing to a kind and id already watched keeps the one there and drops this one', async () => {
    h = await createWatchServiceHarness();
    h.server.addTask('dub', DUB_ID, step.pending());
    h.service.add('dub', DUB_ID, 'The real one');
    h.service.add('story', DUB_ID, 'The mistake');
    await h.advance(5_000);
    const outcome = h.service.changeKind(taskKey('story', DUB_ID), 'dub');
    expect(outcome).toMatchObject({ ok: true, merged: true, task: { kind: 'dub', label: 'The real one' } });
    expect(h.service.list().map((t) => taskKey(t.kind, t.taskId))).toEqual([taskKey('dub', DUB_ID)]);
    expect(h.service.changeKind(taskKey('story', DUB_ID), 'dub')).toMatchObject({ ok: false });
  });

  it('keeps the label, mute and age of a task whose kind is changed by hand', async () => {
    h = await createWatchServiceHarness();
    h.server.addTask('tts', 'speech-1', step.pending());
    h.service.add('story', 'speech-1', 'Greeting');
    h.service.setMuted(taskKey('story', 'speech-1'), true);
    const addedAt = h.service.get(taskKey('story', 'speech-1'))?.addedAt;
    const outcome = h.service.changeKind(taskKey('story', 'speech-1'), 'tts');
    expect(outcome).toMatchObject({
      ok: true,
      task: { kind: 'tts', label: 'Greeting', muted: true, addedAt },
    });
    await h.advance(5_000);
    expect(h.service.get(taskKey('tts', 'speech-1'))?.status).toBe('PENDING');
  });
});

function i(id: string): number {
  return Number(id.split('-').at(-1)) + 1;
}
