/** Unseen endings and Undo through the real service, on a real store folder, across a restart. */
import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { createWatchServiceHarness, type WatchServiceHarness } from '../support/watchServiceHarness';

let h: WatchServiceHarness;
afterEach(async () => {
  await h.close();
});

describe('watch service: unseen endings', () => {
  it('marks a job that ends while watched unseen, keeps it across a restart, and Mark all seen clears it', async () => {
    h = await createWatchServiceHarness();
    h.server.addTask('story', 'done', [step.pending({ polls: 1 }), step.success(9)]);
    h.server.addTask('story', 'running', step.pending());
    h.service.add('story', 'done');
    h.service.add('story', 'running');
    await h.advance(60_000);
    expect(h.service.get('story:done')).toMatchObject({ status: 'SUCCESS', unseen: true });
    expect(h.service.get('story:running')?.unseen).toBe(false);
    expect(h.service.trayModel().unseenCount).toBe(1);

    await h.restart();
    expect(h.service.get('story:done')?.unseen).toBe(true);
    expect(h.service.trayModel()).toMatchObject({ unseenCount: 1 });

    expect(h.service.markAllSeen()).toHaveLength(1);
    await h.restart();
    expect(h.service.get('story:done')?.unseen).toBe(false);
    expect(h.service.trayModel().unseenCount).toBe(0);
  });

  it('polls a running job put back by Undo again, and leaves a finished one as it was', async () => {
    h = await createWatchServiceHarness();
    h.server.addTask('story', 'done', step.success(3));
    h.server.addTask('story', 'running', [step.pending({ untilMs: 5 * 60_000 }), step.success(4)]);
    h.service.add('story', 'done');
    h.service.add('story', 'running', 'Long job');
    await h.advance(30_000);
    const removed = h.service.removeMany(['story:done', 'story:running']);
    expect(h.service.list()).toEqual([]);
    const doneRequests = h.statusRequests('story', 'done');

    expect(h.service.restore(removed).rejected).toEqual([]);
    await h.restart();
    expect(h.service.get('story:running')?.label).toBe('Long job');
    await h.advance(6 * 60_000);
    expect(h.service.get('story:running')?.status).toBe('SUCCESS');
    expect(h.statusRequests('story', 'done')).toBe(doneRequests);
  });
});
