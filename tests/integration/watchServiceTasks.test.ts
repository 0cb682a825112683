import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { WatchServiceEvents } from '../../src/main/core/watchService/watchServiceTypes';
import { taskKey } from '../../src/shared/watchedTask';
import type { WatchedTask } from '../../src/shared/watchedTask';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { createWatchServiceHarness, TEST_API_KEY } from '../support/watchServiceHarness';
import type { WatchServiceHarness } from '../support/watchServiceHarness';

let h: WatchServiceHarness;

afterEach(async () => {
  expect(h.everythingSaid()).not.toContain(TEST_API_KEY);
  await h.close();
});

function changesOf(key: string): WatchedTask[] {
  return h.run.events
    .filter((event) => event.name === 'taskChanged')
    .map((event) => (event.payload as WatchServiceEvents['taskChanged']).task)
    .filter((task) => taskKey(task.kind, task.taskId) === key);
}

describe('watch service: a task from paste to notification', () => {
  it('resumes tasks added before start() only once start() has the key', async () => {
    h = await createWatchServiceHarness({ start: false });
    h.server.addTask('dub', 'early', step.pending());
    expect(h.service.add('dub', 'early')).toMatchObject({ ok: true, added: true });
    await h.advance(30_000);
    expect(h.server.requests).toHaveLength(0);

    await h.service.start();
    await h.settle();
    expect(h.statusRequests('dub', 'early')).toBe(1);
    expect(h.service.get(taskKey('dub', 'early'))?.status).toBe('PENDING');
  });

  it('polls a pasted task to SUCCESS, records its history and notifies exactly once', async () => {
    h = await createWatchServiceHarness();
    h.server.addTask('story', 'task-1', [step.pending({ untilMs: 30_000 }), step.success(4242)]);
    const addedAt = h.clock.now();
    const key = taskKey('story', 'task-1');

    const added = h.service.add('story', '  {"task_id": "task-1", "status": "PENDING"} ', 'Chapter 1');
    expect(added).toMatchObject({ ok: true, added: true, task: { taskId: 'task-1', label: 'Chapter 1' } });
    await h.settle();
    // First check at once.
    expect(h.statusRequests('story', 'task-1')).toBe(1);
    expect(h.service.get(key)).toMatchObject({ status: 'PENDING', lastCheckAt: addedAt, finishedAt: null });
    expect(h.service.trayModel()).toMatchObject({ icon: 'active', pendingCount: 1 });

    await h.advance(60_000);
    const task = h.service.get(key);
    expect(task).toMatchObject({ status: 'SUCCESS', runId: 4242, notified: true });
    expect(h.service.nextChecks().map((check) => check.key)).not.toContain(key);
    expect(task?.history.map((entry) => entry.status)).toEqual(['PENDING', 'SUCCESS']);
    expect(task?.history[0]?.at).toBe(addedAt);
    const finishedAt = task?.finishedAt ?? 0;
    expect(task?.history[1]?.at).toBe(finishedAt);
    // Finished at 30 s of age, so detected within max(3 s, 10 % of 30 s).
    expect(finishedAt).toBeGreaterThanOrEqual(addedAt + 30_000);
    expect(finishedAt).toBeLessThanOrEqual(addedAt + 33_000);

    expect(h.run.notifications()).toEqual([
      expect.objectContaining({ type: 'task', outcome: 'succeeded', title: 'Story ready', taskKey: key }),
    ]);
    const body = h.run.notifications()[0]?.body ?? '';
    expect(body).toContain('Chapter 1');
    expect(body).toContain('run 4242');

    // The task's life as events: added unchecked, pending, finished, then marked notified.
    const changes = changesOf(key);
    expect(changes[0]).toMatchObject({ status: null, notified: false });
    expect(changes.map((t) => t.status)).toContain('PENDING');
    expect(changes.at(-1)).toMatchObject({ status: 'SUCCESS', notified: true });

    expect(h.service.trayModel()).toMatchObject({ icon: 'idle', pendingCount: 0 });
    const icons = h.run.events
      .filter((event) => event.name === 'trayChanged')
      .map((event) => (event.payload as WatchServiceEvents['trayChanged']).tray.icon);
    expect(icons.indexOf('active')).toBeGreaterThanOrEqual(0);
    expect(icons.lastIndexOf('idle')).toBeGreaterThan(icons.indexOf('active'));

    // Finished: no more requests, however long we wait, and no second notification.
    const requests = h.server.requests.length;
    await h.advance(3_600_000);
    expect(h.server.requests).toHaveLength(requests);
    expect(h.run.notifications()).toHaveLength(1);
  });

  it('groups three finishes of one round into "3 jobs finished"', async () => {
    h = await createWatchServiceHarness();
    // Added 300 ms apart, so the three finishes are seen at different instants of one 1 s round.
    for (const id of ['a', 'b', 'c']) {
      h.server.addTask('tts', id, [step.pending({ untilMs: 20_000 }), step.success(100)]);
      h.service.add('tts', id, `Voice ${id}`);
      await h.advance(300);
    }
    await h.advance(60_000);
    const seenAt = h.service.list().map((t) => t.finishedAt ?? 0);
    expect(new Set(seenAt).size).toBe(3);
    expect(Math.max(...seenAt) - Math.min(...seenAt)).toBeLessThan(1000);
    expect(h.service.list().map((t) => t.status)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
    expect(h.run.notifications()).toEqual([
      expect.objectContaining({ type: 'group', title: '3 jobs finished' }),
    ]);
    const group = h.run.notifications()[0];
    expect(group?.type === 'group' ? [...group.taskKeys].sort() : []).toEqual(['tts:a', 'tts:b', 'tts:c']);
    expect(h.service.list().every((t) => t.notified)).toBe(true);
  });

  it('shows two finishes of one round as two notifications', async () => {
    h = await createWatchServiceHarness();
    for (const id of ['a', 'b']) {
      h.server.addTask('story', id, [step.pending({ untilMs: 20_000 }), step.success(7)]);
      h.service.add('story', id, `Tale ${id}`);
    }
    await h.advance(60_000);
    const notifications = h.run.notifications();
    expect(notifications.map((n) => n.type)).toEqual(['task', 'task']);
    expect(notifications.map((n) => n.body).join(' ')).toMatch(/Tale a.*Tale b|Tale b.*Tale a/);
  });

  it('refuses invalid pasted ids without sending anything, and dedupes a second add', async () => {
    h = await createWatchServiceHarness();
    for (const bad of ['', '   ', 'has space', '../etc', 'a/b', 'x'.repeat(129), '{"nope": 1}', '{broken']) {
      const outcome = h.service.add('story', bad);
      expect(outcome.ok, bad).toBe(false);
      expect(outcome.ok ? '' : outcome.error).not.toBe('');
    }
    await h.advance(10_000);
    expect(h.server.requests).toHaveLength(0);
    expect(h.service.list()).toEqual([]);

    h.server.addTask('dub', 'same', step.pending());
    const first = h.service.add('dub', 'same', 'First label');
    await h.settle();
    const second = h.service.add('dub', '{"task_id":"same"}', 'Other label');
    expect(second).toMatchObject({ ok: true, added: false, task: { label: 'First label' } });
    expect(h.service.list()).toHaveLength(1);
    expect(first.ok && second.ok && second.task.addedAt === first.task.addedAt).toBe(true);
    // The duplicate did not trigger an extra check.
    expect(h.statusRequests('dub', 'same')).toBe(1);
  });
});

describe('watch service: dispose', () => {
  it('sends nothing and notifies nothing after dispose, and leaves the list saved', async () => {
    h = await createWatchServiceHarness();
    h.server.addTask('story', 'cut', [step.pending({ polls: 1 }), step.success(1)]);
    h.service.add('story', 'cut', 'Cut short');
    await h.settle();
    h.service.dispose();
    await h.advance(60 * 60_000);
    expect(h.server.requests).toHaveLength(1);
    expect(h.run.notifications()).toEqual([]);
    expect(h.clock.pendingTimers).toBe(0);
    const saved = JSON.parse(fs.readFileSync(h.storeFile, 'utf8')) as { tasks: { status: string | null }[] };
    expect(saved.tasks).toEqual([expect.objectContaining({ label: 'Cut short', status: 'PENDING' })]);
  });
});

describe('watch service: failures', () => {
  it.each([
    {
      name: 'ERROR with HARMFUL_CONTENT_DETECTED',
      final: step.error('HARMFUL_CONTENT_DETECTED', 'The text was flagged'),
      title: 'Story failed',
      body: 'Harmful content detected: The text was flagged.',
    },
    {
      name: 'TIMEOUT',
      final: step.timeout(),
      title: 'Story timed out',
      body: 'CAMB.AI gave up on this job. Submit it again.',
    },
    {
      name: 'PAYMENT_REQUIRED',
      final: step.paymentRequired(),
      title: 'Story ran out of credits',
      body: 'Top up your CAMB.AI credits, then resubmit it.',
    },
  ])('notifies $name as a failure and turns the tray to attention', async ({ final, title, body }) => {
    h = await createWatchServiceHarness();
    h.server.addTask('story', 'doomed', [step.pending({ polls: 2 }), final]);
    h.service.add('story', 'doomed', 'Doomed');
    await h.advance(30_000);
    expect(h.run.notifications()).toEqual([
      expect.objectContaining({ type: 'task', outcome: 'failed', title }),
    ]);
    expect(h.run.notifications()[0]?.body).toContain(body);
    expect(h.service.get('story:doomed')).toMatchObject({ notified: true });
    expect(h.service.nextChecks()).toEqual([]);
    expect(h.service.trayModel().icon).toBe('attention');
  });

  it('stays silent about failures when notifyOnFailure is off, and about a muted task', async () => {
    h = await createWatchServiceHarness();
    h.service.updateSettings({ notifyOnFailure: false });
    h.server.addTask('dub', 'quiet', [step.pending({ polls: 1 }), step.error('SOMETHING')]);
    h.server.addTask('story', 'muted', [step.pending({ polls: 1 }), step.success(5)]);
    h.service.add('dub', 'quiet');
    h.service.add('story', 'muted');
    expect(h.service.setMuted('story:muted', true)).toMatchObject({ muted: true });
    await h.advance(30_000);
    expect(h.service.get('dub:quiet')?.status).toBe('ERROR');
    expect(h.service.get('story:muted')?.status).toBe('SUCCESS');
    expect(h.run.notifications()).toEqual([]);
    expect(h.service.trayModel().icon).toBe('attention');
  });
});

describe('watch service: the tray over time', () => {
  it('lets the attention icon of a failure go by itself after a day, with nothing else happening', async () => {
    h = await createWatchServiceHarness();
    h.server.addTask('story', 'doomed', [step.pending({ polls: 1 }), step.error('SOMETHING')]);
    h.service.add('story', 'doomed');
    await h.advance(30_000);
    expect(h.service.get('story:doomed')?.status).toBe('ERROR');
    const trayIcons = () =>
      h.run.events
        .filter((event) => event.name === 'trayChanged')
        .map((event) => (event.payload as WatchServiceEvents['trayChanged']).tray.icon);
    expect(trayIcons().at(-1)).toBe('attention');
    // Nothing is polled any more, so only the passing of time can change the icon.
    await h.advance(25 * 3600_000);
    expect(h.service.trayModel().icon).toBe('idle');
    expect(trayIcons().at(-1)).toBe('idle');
  });
});

describe('watch service: results', () => {
  it('fetches the links of a succeeded task, and says not-ready for a pending one', async () => {
    h = await createWatchServiceHarness();
    h.server.addTask('story', 'done', step.success(4242));
    h.server.addTask('story', 'running', step.pending());
    h.server.addResult('story', 4242, { audio_url: 'https://cdn.example/story.mp3' });
    h.service.add('story', 'done');
    h.service.add('story', 'running');
    await h.settle();

    const result = await h.service.fetchResult('story:done');
    expect(result).toMatchObject({
      type: 'result',
      result: { runId: 4242, links: [{ name: 'audio_url', url: 'https://cdn.example/story.mp3' }] },
    });
    const before = h.server.requests.length;
    expect(await h.service.fetchResult('story:running')).toMatchObject({ type: 'not-ready' });
    expect(await h.service.fetchResult('story:absent')).toMatchObject({ type: 'not-ready' });
    expect(h.server.requests).toHaveLength(before);
  });
});

describe('watch service: a task CAMB.AI does not know', () => {
  it('stops polling it, says why, keeps it stopped across a restart, and "check now" brings it back', async () => {
    h = await createWatchServiceHarness();
    const key = taskKey('story', 'typo');
    h.service.add('story', 'typo', 'Mistyped');
    await h.settle();
    expect(h.statusRequests('story', 'typo')).toBe(1);
    expect(h.service.get(key)?.stoppedReason).toMatch(/does not know this task id/);
    expect(h.service.trayModel()).toMatchObject({ icon: 'attention', pendingCount: 0 });

    await h.advance(10 * 60_000);
    expect(h.statusRequests('story', 'typo')).toBe(1);

    const second = await h.restart();
    await h.advance(10 * 60_000);
    expect(h.statusRequests('story', 'typo')).toBe(1);

    // The user fixed things at CAMB.AI's end (or the task appeared late): checking again resumes it.
    h.server.addTask('story', 'typo', [step.pending({ polls: 1 }), step.success(7)]);
    second.service.checkNow(key);
    await h.advance(60_000);
    expect(second.service.get(key)).toMatchObject({ status: 'SUCCESS', runId: 7, stoppedReason: null });
    expect(second.notifications().map((n) => n.title)).toEqual(['Story ready']);
  });
});
