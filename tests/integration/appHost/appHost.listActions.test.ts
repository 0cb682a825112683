import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../../tools/fakeCamb/fakeCambServer';
import { createAppHostHarness, type AppHostHarness } from './appHostHarness';

let a: AppHostHarness;
afterEach(async () => {
  await a.close();
});

describe('app host: several tasks at once, Undo and seen', () => {
  it('removes several, hands back their records, and puts them back exactly', async () => {
    a = await createAppHostHarness();
    a.h.server.addTask('story', 'one', step.success(1));
    a.h.service.add('story', 'one', 'One');
    a.h.service.add('story', 'two');
    await a.h.advance(10_000);
    const before = a.h.service.list();

    const removed = (await a.invoke('removeTasks', { keys: ['story:one', 'story:two'] })) as {
      ok: true;
      value: { removed: unknown[] };
    };
    expect(removed.value.removed).toHaveLength(2);
    expect(a.eventsOf('tasksRemoved').at(-1)?.keys.sort()).toEqual(['story:one', 'story:two']);

    expect(await a.invoke('restoreTasks', { tasks: removed.value.removed })).toMatchObject({
      ok: true,
      value: { restored: expect.arrayContaining(['story:one', 'story:two']) },
    });
    expect(a.h.service.list()).toEqual(before);

    expect(await a.invoke('markSeen', { keys: ['story:one'] })).toEqual({ ok: true, value: { changed: 1 } });
    expect(await a.invoke('markAllSeen', {})).toEqual({ ok: true, value: { changed: 1 } });
    expect(a.h.service.list().some((task) => task.unseen)).toBe(false);
  });

  it('refuses a record that is not a task, in words, and puts nothing back', async () => {
    a = await createAppHostHarness();
    const refused = await a.invoke('restoreTasks', { tasks: [{ kind: 'story', taskId: 'x' }] });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/^tasks\.0\./u) });
    expect(a.h.service.list()).toEqual([]);
  });

  it('Clear finished hands back the records it took', async () => {
    a = await createAppHostHarness();
    a.h.server.addTask('story', 'done', step.success(2));
    a.h.service.add('story', 'done', 'Done');
    await a.h.advance(10_000);
    // An ending not looked at yet stays unless asked for.
    expect(await a.invoke('clearFinished', {})).toMatchObject({
      ok: true,
      value: { removed: [], tasks: [] },
    });
    expect(await a.invoke('clearFinished', { includeUnseen: true })).toMatchObject({
      ok: true,
      value: { removed: ['story:done'], tasks: [{ taskId: 'done', label: 'Done', status: 'SUCCESS' }] },
    });
  });
});
