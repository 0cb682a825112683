import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { WatchServiceEvents } from '../../src/main/core/watchService/watchServiceTypes';
import { taskKey } from '../../src/shared/watchedTask';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { createWatchServiceHarness, TEST_API_KEY } from '../support/watchServiceHarness';
import type { WatchServiceHarness } from '../support/watchServiceHarness';

const harnesses: WatchServiceHarness[] = [];

async function harness(...args: Parameters<typeof createWatchServiceHarness>): Promise<WatchServiceHarness> {
  const created = await createWatchServiceHarness(...args);
  harnesses.push(created);
  return created;
}

afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    expect(h.everythingSaid()).not.toContain(TEST_API_KEY);
    await h.close();
  }
});

describe('watch service: restart', () => {
  it('keeps the list across a restart, never re-polls or re-notifies finished tasks, resumes the rest', async () => {
    const h = await harness();
    h.server.addTask('story', 'done', [step.pending({ polls: 1 }), step.success(11)]);
    h.server.addTask('dub', 'running', [step.pending({ untilMs: 600_000 }), step.success(22)]);
    h.service.add('story', 'done', 'Finished one');
    h.service.add('dub', 'running', 'Still going');
    h.service.rename('dub:running', 'Still going (renamed)');
    await h.advance(30_000);
    expect(h.service.get('story:done')).toMatchObject({ status: 'SUCCESS', notified: true });
    expect(h.run.notifications()).toHaveLength(1);
    const before = h.service.list();
    const doneRequests = h.statusRequests('story', 'done');
    const runningRequests = h.statusRequests('dub', 'running');

    const second = await h.restart();
    expect(second.service.list()).toEqual(before);
    expect(second.service.get('story:done')).toMatchObject({ label: 'Finished one', notified: true });
    expect(second.service.get('dub:running')?.label).toBe('Still going (renamed)');
    // The unfinished task resumes on its schedule: due where the last run left it.
    const due = second.service.nextChecks().find((check) => check.key === 'dub:running')?.nextCheckAt ?? 0;
    expect(due).toBeGreaterThan(h.clock.now());
    await h.advance(due - h.clock.now());
    expect(h.statusRequests('dub', 'running')).toBe(runningRequests + 1);

    await h.advance(15 * 60_000);
    expect(h.statusRequests('story', 'done')).toBe(doneRequests);
    expect(second.service.get('dub:running')).toMatchObject({ status: 'SUCCESS', runId: 22 });
    // Only the task that finished after the restart is announced.
    expect(second.notifications().map((n) => n.type === 'task' && n.taskKey)).toEqual(['dub:running']);
    expect(second.events.some((event) => event.name === 'storeRecovered')).toBe(false);
  });

  it('announces a finish recorded just before quitting, once, after the restart', async () => {
    const h = await harness();
    h.server.addTask('tts', 'quick', step.success(9));
    h.service.add('tts', 'quick', 'Quick');
    await h.settle();
    // The answer is in, the notification round has not closed yet.
    expect(h.service.get('tts:quick')).toMatchObject({ status: 'SUCCESS', notified: false });
    expect(h.run.notifications()).toEqual([]);

    const second = await h.restart();
    await h.advance(5_000);
    expect(second.notifications()).toEqual([expect.objectContaining({ title: 'Speech ready' })]);
    expect(second.service.get('tts:quick')?.notified).toBe(true);

    const third = await h.restart();
    await h.advance(60_000);
    expect(third.notifications()).toEqual([]);
    expect(h.statusRequests('tts', 'quick')).toBe(1);
  });

  it('never announces a finish that happened while the task was muted, even after unmuting and a restart', async () => {
    const h = await harness();
    h.server.addTask('dub', 'quiet', [step.pending({ polls: 1 }), step.success(5)]);
    h.service.add('dub', 'quiet', 'Quiet one');
    h.service.setMuted('dub:quiet', true);
    await h.advance(30_000);
    expect(h.service.get('dub:quiet')).toMatchObject({ status: 'SUCCESS', notified: true });
    expect(h.run.notifications()).toEqual([]);

    h.service.setMuted('dub:quiet', false);
    const second = await h.restart();
    await h.advance(30_000);
    expect(second.notifications()).toEqual([]);
  });

  it('moves a corrupt store file aside, starts empty and keeps working', async () => {
    const h = await harness();
    h.service.add('story', 'lost');
    const damaged = '{"tasks": [ {"kind": "story", "taskId": "lost"';
    const run = await h.restart({ beforeOpen: () => fs.writeFileSync(h.storeFile, damaged) });

    const recoveries = run.events
      .filter((event) => event.name === 'storeRecovered')
      .map((event) => event.payload as WatchServiceEvents['storeRecovered']);
    expect(recoveries).toHaveLength(1);
    const movedTo = recoveries[0]?.movedTo ?? '';
    expect(movedTo).toContain('.corrupt-');
    expect(fs.readFileSync(movedTo, 'utf8')).toBe(damaged);
    expect(run.service.list()).toEqual([]);

    h.server.addTask('story', 'fresh', [step.pending({ polls: 1 }), step.success(3)]);
    run.service.add('story', 'fresh');
    await h.advance(30_000);
    expect(run.service.get(taskKey('story', 'fresh'))?.status).toBe('SUCCESS');
    expect(run.notifications()).toHaveLength(1);
    // The new list was saved over the moved file's old place.
    const saved = JSON.parse(fs.readFileSync(h.storeFile, 'utf8')) as { tasks: { taskId: string }[] };
    expect(saved.tasks.map((t) => t.taskId)).toEqual(['fresh']);
  });
});

describe('watch service: export and import', () => {
  it('round-trips the list into a fresh service, which polls the unfinished tasks', async () => {
    const source = await harness();
    source.server.addTask('story', 'finished', step.success(1));
    source.server.addTask('dub', 'unfinished', step.pending());
    source.service.add('story', 'finished', 'Done already');
    await source.advance(1_000);
    source.service.add('dub', 'unfinished', 'Not yet');
    await source.advance(10_000);
    const exported = source.service.exportJson();

    const target = await harness();
    target.server.addTask('dub', 'unfinished', [step.pending({ polls: 1 }), step.success(2)]);
    const report = target.service.importJson(exported);
    expect([...report.added].sort()).toEqual(['dub:unfinished', 'story:finished']);
    expect(report.rejected).toEqual([]);
    expect(target.service.list()).toEqual(source.service.list());

    await target.advance(60_000);
    expect(target.statusRequests('story', 'finished')).toBe(0);
    expect(target.statusRequests('dub', 'unfinished')).toBeGreaterThanOrEqual(2);
    expect(target.service.get('dub:unfinished')).toMatchObject({ status: 'SUCCESS', notified: true });
    // The finished task was notified in the source service; only the newly finished one notifies here.
    expect(target.run.notifications().map((n) => n.title)).toEqual(['Dub ready']);

    // Importing the same file again adds nothing.
    const again = target.service.importJson(exported);
    expect(again.added).toEqual([]);
    expect([...again.alreadyWatched].sort()).toEqual(['dub:unfinished', 'story:finished']);
  });

  it('keeps the display order of tasks added at the same instant', async () => {
    const source = await harness();
    for (const id of ['first', 'second', 'third']) source.service.add('story', id);
    const target = await harness({ storedKey: null });
    target.service.importJson(source.service.exportJson());
    expect(target.service.list().map((t) => t.taskId)).toEqual(source.service.list().map((t) => t.taskId));
  });

  it('refuses a file that is not an export without touching the list', async () => {
    const h = await harness();
    h.service.add('story', 'kept');
    const report = h.service.importJson('{"format": "something else"}');
    expect(report.added).toEqual([]);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]?.reason).not.toBe('');
    expect(h.service.list().map((t) => t.taskId)).toEqual(['kept']);
  });
});
