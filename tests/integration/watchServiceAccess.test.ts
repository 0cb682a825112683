import { afterEach, describe, expect, it } from 'vitest';
import type { WatchServiceEvents } from '../../src/main/core/watchService/watchServiceTypes';
import { faults, step } from '../../tools/fakeCamb/fakeCambServer';
import { createWatchServiceHarness, TEST_API_KEY } from '../support/watchServiceHarness';
import type { WatchServiceHarness } from '../support/watchServiceHarness';

let h: WatchServiceHarness;

afterEach(async () => {
  expect(h.everythingSaid()).not.toContain(TEST_API_KEY);
  await h.close();
});

const KEY_CHECK = (path: string) => path.includes('camb-watch-key-check');
const keyChecks = () => h.server.requests.filter((r) => KEY_CHECK(r.path)).length;
const forbiddenMany = (count = 30) => Array.from({ length: count }, () => faults.forbidden());

describe('watch service: a 403 for one task', () => {
  it('stops that task alone when the key works for others, checking the key at most once per refusal', async () => {
    h = await createWatchServiceHarness();
    h.server.addTask('story', 'mine', [step.pending({ untilMs: 60_000 }), step.success(7)]);
    h.server.addTask('story', 'theirs', step.pending());
    h.server.addTask('dub', 'theirs-too', step.pending());
    h.server.injectFaults('story', 'theirs', forbiddenMany());
    h.server.injectFaults('dub', 'theirs-too', forbiddenMany());
    h.service.add('story', 'mine');
    h.service.add('story', 'theirs');
    h.service.add('dub', 'theirs-too');
    await h.advance(5 * 60_000);

    expect(h.service.state().authProblem).toBeNull();
    expect(h.service.get('story:mine')?.status).toBe('SUCCESS');
    for (const key of ['story:theirs', 'dub:theirs-too'] as const) {
      expect(h.service.get(key)).toMatchObject({ stopCause: 'forbidden' });
      expect(h.service.nextChecks().map((check) => check.key)).not.toContain(key);
      expect(h.service.get(key)?.stoppedReason).toContain('may belong to another account');
    }
    expect(h.statusRequests('story', 'theirs')).toBe(1);
    // Requests go out paced, so the second 403 comes after the first key check answered: one check each.
    expect(keyChecks()).toBe(2);
    expect(h.run.notifications().filter((n) => n.type === 'problem')).toEqual([]);

    // "Check now" asks again; once the job is visible to the key it is polled as any other.
    h.server.injectFaults('story', 'theirs', []);
    h.server.addTask('story', 'theirs', step.pending());
    expect(h.service.checkNow('story:theirs')).toMatchObject({ ok: true });
    await h.advance(1_000);
    expect(h.statusRequests('story', 'theirs')).toBeGreaterThan(1);
  });

  it('pauses everything when the key check is refused too', async () => {
    h = await createWatchServiceHarness();
    h.server.addTask('story', 'a', step.pending());
    h.service.add('story', 'a');
    h.server.injectGlobalFaults(forbiddenMany(2));
    await h.advance(60_000);
    expect(h.server.requests.at(-1)?.answer).not.toBe('403');
    expect(h.service.state().authProblem).not.toBeNull();
    expect(h.service.get('story:a')?.stopCause).toBeNull();
  });

  it('pauses everything on a 401', async () => {
    h = await createWatchServiceHarness();
    h.server.addTask('story', 'a', step.pending());
    h.service.add('story', 'a');
    await h.settle();
    h.server.setApiKey('another-key');
    await h.advance(60_000);
    expect(h.service.state().authProblem).not.toBeNull();
    expect(keyChecks()).toBe(0);
  });
});

describe('watch service: one hung request', () => {
  it('does not make CAMB.AI unreachable while other requests are answered', async () => {
    h = await createWatchServiceHarness();
    for (const id of ['slow', 'a', 'b']) h.server.addTask('story', id, step.pending());
    h.server.injectFaults('story', 'slow', [faults.hang()]);
    for (const id of ['slow', 'a', 'b']) h.service.add('story', id);
    // The first checks go out paced; the hung request holds whenIdle, so the clock is moved by hand.
    await h.clock.advance(1_000);
    await h.server.waitForRequests(3);
    await expect.poll(() => h.service.get('story:b')?.status).toBe('PENDING');
    // The hung request holds whenIdle: move the clock itself past the client's 15 s timeout.
    await h.clock.advance(15_000);
    await expect.poll(() => h.server.requestCount('story', 'slow')).toBe(2);
    await h.advance(5 * 60_000);

    const connectivity = h.run.events
      .filter((event) => event.name === 'stateChanged')
      .map((event) => (event.payload as WatchServiceEvents['stateChanged']).state.connectivity);
    expect(connectivity).not.toContain('unreachable');
    expect(h.run.notifications().filter((n) => n.type === 'problem')).toEqual([]);
    const slowProblems = h.run.events
      .filter((event) => event.name === 'taskChanged')
      .map((event) => (event.payload as WatchServiceEvents['taskChanged']).task)
      .filter((task) => task.taskId === 'slow' && task.lastProblem !== null);
    expect(slowProblems.length).toBeGreaterThan(0);
    expect(h.service.get('story:slow')).toMatchObject({ status: 'PENDING', lastProblem: null });
  });
});

describe('watch service: what Check now says', () => {
  it('checks at once, or says why it cannot', async () => {
    h = await createWatchServiceHarness();
    h.server.addTask('story', 'a', step.pending());
    h.server.addTask('story', 'b', step.pending());
    expect(h.service.checkNow()).toEqual({
      ok: false,
      message: 'Nothing to check: the watch list is empty.',
      resumesAt: null,
    });
    h.service.add('story', 'a');
    h.service.add('story', 'b');
    await h.settle();
    expect(h.service.checkNow()).toEqual({ ok: true, message: 'Checking 2 tasks now.', resumesAt: null });

    h.service.updateSettings({ pollingPaused: true });
    expect(h.service.checkNow().message).toBe('Polling is paused. Resume polling to check tasks.');
    h.service.updateSettings({ pollingPaused: false });

    h.service.setSuspended(true);
    expect(h.service.checkNow().message).toMatch(/asleep or locked/);
    h.service.setSuspended(false);

    h.service.setOnline(false);
    expect(h.service.checkNow('story:a').message).toMatch(/^You are offline/);
    h.service.setOnline(true);
    await h.settle();

    h.server.injectGlobalFaults([faults.rateLimited(120)]);
    await h.advance(3_000);
    const limited = h.service.checkNow();
    expect(limited).toMatchObject({ ok: false, message: 'CAMB.AI asked CAMB Watch to slow down.' });
    expect(limited.resumesAt).toBeGreaterThan(h.clock.now());
    await h.advance(200_000);

    await h.service.clearApiKey();
    expect(h.service.checkNow()).toEqual({
      ok: false,
      message: 'Add your API key in Settings first.',
      resumesAt: null,
    });
  });
});
