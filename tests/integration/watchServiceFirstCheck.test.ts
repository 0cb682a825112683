import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { createWatchServiceHarness, type WatchServiceHarness } from '../support/watchServiceHarness';

let h: WatchServiceHarness;

afterEach(async () => {
  await h.close();
});

describe('watch service: a task the user adds under a busy budget', () => {
  it('is checked ahead of the round, so its first answer comes at once', async () => {
    h = await createWatchServiceHarness();
    // 600 running jobs: a round of checks takes two minutes at 5 requests a second.
    for (let i = 0; i < 600; i++) h.server.addTask('story', `busy-${i}`, step.pending());
    h.service.importJson(
      JSON.stringify(Array.from({ length: 600 }, (_, i) => ({ kind: 'story', taskId: `busy-${i}` }))),
    );
    // Past the first round (each job asked once), so every check after it queues behind a full budget.
    await h.advance(150_000);

    h.server.addTask('dub', 'just-pasted', step.pending());
    expect(h.service.add('dub', 'just-pasted')).toMatchObject({ ok: true, added: true });
    await h.advance(1_000);
    expect(h.statusRequests('dub', 'just-pasted')).toBe(1);
    expect(h.service.get('dub:just-pasted')?.status).toBe('PENDING');
  });
});
