import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { createWatchServiceHarness, type WatchServiceHarness } from '../support/watchServiceHarness';

let h: WatchServiceHarness;

afterEach(async () => {
  await h.close();
});

describe('watch service: the notice that the budget cannot keep up', () => {
  it('counts only the jobs still polled: tasks CAMB.AI does not know stop, and leave the count', async () => {
    h = await createWatchServiceHarness();
    // 280 jobs need more than a minute a round at 5 requests a second; 260 do not.
    for (let i = 0; i < 260; i++) {
      h.server.addTask('story', `running-${i}`, step.pending());
      h.service.add('story', `running-${i}`);
    }
    for (let i = 0; i < 20; i++) h.service.add('story', `unknown-${i}`);
    await h.settle();
    expect(h.service.state().budgetNotice).toBe('280 active jobs: each is checked about every 1 min.');

    // Every job has been asked once: the unknown ones answered 404 and are polled no more.
    await h.advance(90_000);
    expect(h.service.get('story:unknown-0')?.stopCause).toBe('not-found');
    expect(h.service.state().budgetNotice).toBeNull();
  });
});
