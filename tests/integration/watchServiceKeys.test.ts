import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceState } from '../../src/shared/serviceState';
import type { WatchServiceEvents } from '../../src/main/core/watchService/watchServiceTypes';
import { faults, step } from '../../tools/fakeCamb/fakeCambServer';
import { createWatchServiceHarness, TEST_API_KEY } from '../support/watchServiceHarness';
import type { WatchServiceHarness } from '../support/watchServiceHarness';

const ROTATED_KEY = 'camb-watch-rotated-key-Hn3rB8wYc5Jd0uEa';
const WRONG_KEY = 'camb-watch-wrong-key-Xp4tZ7kQm2Vs9fGb';
/** The id "Test key" and saving a key ask about: no job has it. */
const PROBE_TASK_ID = 'camb-watch-key-check-00000000-0000-0000-0000-000000000000';

let h: WatchServiceHarness;

afterEach(async () => {
  const said = h.everythingSaid();
  for (const key of [TEST_API_KEY, ROTATED_KEY, WRONG_KEY]) expect(said).not.toContain(key);
  await h.close();
});

function authNotifications() {
  return h.run.notifications().filter((n) => n.type === 'problem' && n.problem === 'auth');
}

function states(): ServiceState[] {
  return h.run.events
    .filter((event) => event.name === 'stateChanged')
    .map((event) => (event.payload as WatchServiceEvents['stateChanged']).state);
}

describe('watch service: no key', () => {
  it('sends nothing without a key, and starts polling at once when one is set', async () => {
    h = await createWatchServiceHarness({ storedKey: null });
    h.server.addTask('story', 'waiting', step.pending());
    h.service.add('story', 'waiting');
    await h.advance(10 * 60_000);
    expect(h.server.requests).toHaveLength(0);
    expect(h.service.state().key).toEqual({ present: false, where: null, problem: null, check: null });
    // Nothing was rejected: the tray asks for a key.
    expect(h.service.trayModel().tooltip).toMatch(/no API key set/);
    expect(h.service.trayModel().tooltip).not.toMatch(/rejected/);
    expect(h.service.trayModel().icon).toBe('attention');

    expect(await h.service.setApiKey(`  ${TEST_API_KEY}\n`)).toMatchObject({ ok: true, where: 'memory' });
    await h.settle();
    // An immediate round: no virtual time has to pass.
    expect(h.statusRequests('story', 'waiting')).toBe(1);
    expect(h.server.requests.every((r) => r.hadValidKey)).toBe(true);
    expect(h.service.state().key).toEqual({ present: true, where: 'memory', problem: null, check: 'works' });
    expect(h.service.get('story:waiting')?.status).toBe('PENDING');
    expect(h.service.trayModel().icon).toBe('active');
  });

  it('stops polling when the key is cleared', async () => {
    h = await createWatchServiceHarness();
    h.server.addTask('dub', 'long', step.pending());
    h.service.add('dub', 'long');
    await h.settle();
    expect(await h.service.clearApiKey()).toMatchObject({ ok: true, removed: true });
    const requests = h.server.requests.length;
    await h.advance(10 * 60_000);
    expect(h.server.requests).toHaveLength(requests);
    expect(h.service.state().key.present).toBe(false);
  });

  it('explains a locked keychain in the state and sends nothing', async () => {
    h = await createWatchServiceHarness({ start: false });
    h.secrets.state.broken = 'the keyring is locked';
    h.server.addTask('story', 'waiting', step.pending());
    h.service.add('story', 'waiting');
    await h.service.start();
    await h.advance(10 * 60_000);
    expect(h.server.requests).toHaveLength(0);
    expect(h.service.state().key).toEqual({
      present: false,
      where: null,
      problem: 'keychain unavailable: the keyring is locked',
      check: null,
    });
    expect(h.service.trayModel().icon).toBe('attention');
  });

  it('refuses a malformed key without storing it', async () => {
    h = await createWatchServiceHarness({ storedKey: null });
    const outcome = await h.service.setApiKey('two words');
    expect(outcome).toMatchObject({ ok: false, problem: 'invalid-key' });
    expect(h.secrets.state.key).toBeNull();
    expect(h.service.state().key.present).toBe(false);
  });
});

describe('watch service: a rejected key', () => {
  it('notifies once for many 401s, stops polling, and resumes with the new key', async () => {
    h = await createWatchServiceHarness();
    const ids = ['t1', 't2', 't3', 't4', 't5', 't6'];
    for (const id of ids) {
      h.server.addTask('story', id, step.pending());
      h.service.add('story', id);
    }
    await h.advance(5_000);
    expect(h.service.list().every((t) => t.status === 'PENDING')).toBe(true);

    // The user revokes the key on CAMB.AI and creates another.
    h.server.setApiKey(ROTATED_KEY);
    await h.advance(60_000);
    const rejected = h.server.requests.filter((r) => r.answer === '401');
    expect(rejected.length).toBeGreaterThanOrEqual(1);
    expect(authNotifications()).toHaveLength(1);
    expect(authNotifications()[0]?.title).toBe('CAMB.AI rejected your API key');
    expect(h.service.state().authProblem).not.toBeNull();
    expect(h.service.trayModel().icon).toBe('attention');

    // Polling waits for a new key, however long.
    const requests = h.server.requests.length;
    await h.advance(2 * 3600_000);
    expect(h.server.requests).toHaveLength(requests);
    expect(authNotifications()).toHaveLength(1);

    expect(await h.service.setApiKey(ROTATED_KEY)).toMatchObject({ ok: true });
    await h.settle();
    // The first request tried the key before it was saved; the tasks' checks follow.
    expect(h.server.requests[requests]?.id).toBe(PROBE_TASK_ID);
    // They go out paced, within the next second, without waiting for their next turn.
    await h.advance(1_000);
    const resumed = h.server.requests.slice(requests + 1);
    expect(resumed.length).toBeGreaterThanOrEqual(4);
    expect(resumed.every((r) => r.id !== null && ids.includes(r.id))).toBe(true);
    expect(resumed.every((r) => r.hadValidKey)).toBe(true);
    expect(h.service.state().authProblem).toBeNull();
    await h.advance(5_000);
    for (const id of ids) expect(h.statusRequests('story', id)).toBeGreaterThan(0);
    expect(h.server.requests.slice(requests + 1).every((r) => r.answer === 'status PENDING')).toBe(true);
    expect(h.service.trayModel().icon).toBe('active');

    // A later rejection is a new episode and is told again.
    h.server.setApiKey(TEST_API_KEY);
    await h.advance(120_000);
    expect(authNotifications()).toHaveLength(2);
    expect(states().filter((s) => s.authProblem !== null).length).toBeGreaterThanOrEqual(2);
  });
});

describe('watch service: event order', () => {
  it('already reports the key problem when a task shows its rejection, and never shows it on an active icon', async () => {
    h = await createWatchServiceHarness();
    h.server.addTask('story', 'a', step.pending());
    h.service.add('story', 'a');
    await h.settle();
    const seen: { authProblem: string | null; icon: string }[] = [];
    h.service.on('taskChanged', ({ task }) => {
      if (task.lastProblem?.includes('rejected the API key'))
        seen.push({ authProblem: h.service.state().authProblem, icon: h.service.trayModel().icon });
    });
    const trays: string[] = [];
    h.service.on('trayChanged', ({ tray }) => trays.push(tray.icon));
    h.server.setApiKey(ROTATED_KEY);
    await h.advance(60_000);
    expect(seen.length).toBeGreaterThanOrEqual(1);
    for (const view of seen)
      expect(view).toMatchObject({ authProblem: expect.any(String), icon: 'attention' });
    // Straight to attention: no tray showing the rejection under the old, active icon.
    expect(trays.length).toBeGreaterThanOrEqual(1);
    expect(new Set(trays)).toEqual(new Set(['attention']));
  });
});

describe('watch service: testing a key', () => {
  it("says 'works' when CAMB.AI answers 404 for the probe id", async () => {
    h = await createWatchServiceHarness();
    const outcome = await h.service.testApiKey();
    expect(outcome.verdict).toBe('works');
    expect(h.server.requests).toHaveLength(1);
    expect(h.server.requests[0]).toMatchObject({ route: 'status', answer: '404', hadValidKey: true });
  });

  it("says 'rejected' for a wrong candidate and keeps the stored key", async () => {
    h = await createWatchServiceHarness();
    const outcome = await h.service.testApiKey(WRONG_KEY);
    expect(outcome.verdict).toBe('rejected');
    expect(outcome.message).toBe(
      'CAMB.AI does not accept this key: check that it was copied whole from the CAMB.AI studio.',
    );
    expect(h.server.requests[0]?.hadValidKey).toBe(false);
    expect(h.secrets.state.key).toBe(TEST_API_KEY);
    // A good candidate works even before it is saved.
    h.server.setApiKey(ROTATED_KEY);
    expect((await h.service.testApiKey(ROTATED_KEY)).verdict).toBe('works');
    expect((await h.service.testApiKey()).verdict).toBe('rejected');
  });

  it("says 'rejected' for a malformed candidate without sending it", async () => {
    h = await createWatchServiceHarness();
    expect((await h.service.testApiKey('with space')).verdict).toBe('rejected');
    expect(h.server.requests).toHaveLength(0);
  });

  it("says 'inconclusive' when the server errors, or when there is no key", async () => {
    h = await createWatchServiceHarness();
    h.server.injectGlobalFaults([faults.serverError(503, { html: true })]);
    expect((await h.service.testApiKey()).verdict).toBe('inconclusive');
    expect(h.server.requests).toHaveLength(1);

    await h.service.clearApiKey();
    expect((await h.service.testApiKey()).verdict).toBe('inconclusive');
    expect(h.server.requests).toHaveLength(1);
  });
});

describe('watch service: saving a key tries it first', () => {
  it('saves a key CAMB.AI accepts and says it works', async () => {
    h = await createWatchServiceHarness({ storedKey: null });
    expect(await h.service.setApiKey(TEST_API_KEY)).toMatchObject({ ok: true, check: 'works' });
    expect(h.server.requests[0]).toMatchObject({ id: PROBE_TASK_ID, hadValidKey: true });
    expect(h.secrets.state.key).toBe(TEST_API_KEY);
    expect(h.service.state().key.check).toBe('works');
  });

  it('does not save a key CAMB.AI rejects, unless asked to save it anyway', async () => {
    h = await createWatchServiceHarness();
    expect(await h.service.setApiKey(WRONG_KEY)).toEqual({
      ok: false,
      problem: 'rejected-by-camb',
      message: expect.stringMatching(/^CAMB\.AI does not accept this key/) as unknown,
    });
    expect(h.secrets.state.key).toBe(TEST_API_KEY);

    const requests = h.server.requests.length;
    expect(await h.service.setApiKey(WRONG_KEY, { saveEvenIfRejected: true })).toMatchObject({
      ok: true,
      check: 'rejected',
    });
    // Nothing more is asked of CAMB.AI: it already said no.
    expect(h.server.requests).toHaveLength(requests);
    expect(h.secrets.state.key).toBe(WRONG_KEY);
    expect(h.service.state().key.check).toBe('rejected');
  });

  it('saves a key while CAMB.AI cannot be reached, as not checked yet, and checks it when CAMB.AI answers', async () => {
    h = await createWatchServiceHarness({ storedKey: null });
    h.server.injectGlobalFaults([faults.reset(), faults.reset()]);
    expect(await h.service.setApiKey(TEST_API_KEY)).toMatchObject({ ok: true, check: 'not-checked' });
    expect(h.secrets.state.key).toBe(TEST_API_KEY);
    expect(h.service.state().key.check).toBe('not-checked');

    // The first retry meets the second fault; the next one gets through.
    await h.advance(15_000);
    expect(h.service.state().key.check).toBe('not-checked');
    await h.advance(30_000);
    expect(h.service.state().key.check).toBe('works');
    const probes = h.server.requests.filter((r) => r.id === PROBE_TASK_ID).length;
    await h.advance(10 * 60_000);
    expect(h.server.requests.filter((r) => r.id === PROBE_TASK_ID)).toHaveLength(probes);
  });

  it('checks an unchecked key at once when the system is back online', async () => {
    h = await createWatchServiceHarness({ storedKey: null });
    h.service.setOnline(false);
    h.server.injectGlobalFaults([faults.reset()]);
    expect(await h.service.setApiKey(TEST_API_KEY)).toMatchObject({ ok: true, check: 'not-checked' });
    h.service.setOnline(true);
    await h.settle();
    expect(h.service.state().key.check).toBe('works');
  });

  it('takes a task’s answer as proof that an unchecked key works', async () => {
    h = await createWatchServiceHarness({ storedKey: null });
    h.server.addTask('story', 'running', step.pending());
    h.service.add('story', 'running');
    h.server.injectGlobalFaults([faults.reset()]);
    expect(await h.service.setApiKey(TEST_API_KEY)).toMatchObject({ ok: true, check: 'not-checked' });
    await h.settle();
    expect(h.service.get('story:running')?.status).toBe('PENDING');
    expect(h.service.state().key.check).toBe('works');
  });
});

describe('watch service: an unchecked key and "Pause polling"', () => {
  it('sends no recheck while polling is paused, and checks at once on resume', async () => {
    h = await createWatchServiceHarness({ storedKey: null });
    h.server.injectGlobalFaults([faults.reset()]);
    expect(await h.service.setApiKey(TEST_API_KEY)).toMatchObject({ ok: true, check: 'not-checked' });
    h.service.updateSettings({ pollingPaused: true });
    const requests = h.server.requests.length;
    await h.advance(30 * 60_000);
    expect(h.server.requests).toHaveLength(requests);
    expect(h.service.state().key.check).toBe('not-checked');

    h.service.updateSettings({ pollingPaused: false });
    await h.settle();
    expect(h.service.state().key.check).toBe('works');
  });
});
