import { afterEach, describe, expect, it } from 'vitest';
import type { WatchServiceEvents } from '../../src/main/core/watchService/watchServiceTypes';
import type { ServiceState } from '../../src/shared/serviceState';
import { UNREACHABLE_AFTER_FAILURES } from '../../src/main/core/scheduler';
import { faults, step } from '../../tools/fakeCamb/fakeCambServer';
import { createWatchServiceHarness, TEST_API_KEY } from '../support/watchServiceHarness';
import type { WatchServiceHarness } from '../support/watchServiceHarness';

let h: WatchServiceHarness;

afterEach(async () => {
  expect(h.everythingSaid()).not.toContain(TEST_API_KEY);
  await h.close();
});

function connectivityNotifications() {
  return h.run.notifications().filter((n) => n.type === 'problem' && n.problem === 'connectivity');
}

/** The connectivity the service went through, from its initial 'online', repeats left out. */
function connectivityStates(): ServiceState['connectivity'][] {
  return h.run.events
    .filter((event) => event.name === 'stateChanged')
    .map((event) => (event.payload as WatchServiceEvents['stateChanged']).state.connectivity)
    .filter((connectivity, index, all) => connectivity !== (all[index - 1] ?? 'online'));
}

/** A harness watching one long-running story task, already checked once. */
async function watchingOneTask(): Promise<WatchServiceHarness> {
  const harness = await createWatchServiceHarness();
  harness.server.addTask('story', 'long', step.pending());
  harness.service.add('story', 'long');
  await harness.settle();
  expect(harness.statusRequests('story', 'long')).toBe(1);
  return harness;
}

/** Passes `ms` of virtual time and says how many requests arrived meanwhile. */
async function requestsDuring(ms: number): Promise<number> {
  const before = h.server.requests.length;
  await h.advance(ms);
  return h.server.requests.length - before;
}

describe('watch service: system online state', () => {
  it('sends nothing while offline and checks at once on reconnect', async () => {
    h = await watchingOneTask();
    h.service.setOnline(false);
    expect(h.service.state().connectivity).toBe('offline');
    expect(h.service.trayModel().icon).toBe('offline');
    expect(await requestsDuring(30 * 60_000)).toBe(0);

    h.service.setOnline(true);
    await h.settle();
    expect(h.statusRequests('story', 'long')).toBe(2);
    expect(h.service.state().connectivity).toBe('online');
    expect(h.service.trayModel().icon).toBe('active');
    expect(await requestsDuring(60_000)).toBeGreaterThan(0);
  });
});

describe('watch service: unreachable CAMB.AI', () => {
  it('reports connection resets once as unreachable, and goes back online when answers return', async () => {
    h = await watchingOneTask();
    h.server.injectGlobalFaults(Array.from({ length: 6 }, () => faults.reset()));
    await h.advance(60_000);
    expect(h.server.requests.filter((r) => r.answer === 'fault reset').length).toBeGreaterThanOrEqual(2);
    expect(connectivityStates()).toContain('unreachable');
    expect(connectivityNotifications()).toHaveLength(1);
    expect(connectivityNotifications()[0]?.title).toBe("Can't reach CAMB.AI");
    expect(h.service.get('story:long')?.lastProblem).not.toBeNull();

    // Backoff keeps retrying until the faults run out and the timeline answers again.
    await h.advance(30 * 60_000);
    expect(h.server.requests.filter((r) => r.answer === 'fault reset')).toHaveLength(6);
    expect(h.service.state().connectivity).toBe('online');
    expect(connectivityStates().at(-1)).toBe('online');
    expect(h.service.get('story:long')).toMatchObject({ status: 'PENDING', lastProblem: null });
    expect(connectivityNotifications()).toHaveLength(1);
  });

  it('stays unreachable, with one notification, while the server is down', async () => {
    h = await watchingOneTask();
    await h.server.close();
    await h.advance(60 * 60_000);
    expect(h.service.state().connectivity).toBe('unreachable');
    expect(connectivityNotifications()).toHaveLength(1);
    expect(connectivityNotifications()[0]?.body).toContain('refused');
    expect(h.service.trayModel().icon).toBe('offline');
  });

  it('stays unreachable when the system reconnects but CAMB.AI still cannot be reached', async () => {
    h = await watchingOneTask();
    await h.server.close();
    await h.advance(60_000);
    expect(h.service.state().connectivity).toBe('unreachable');

    // Wi-Fi drops and comes back; the server is still down.
    h.service.setOnline(false);
    expect(h.service.state().connectivity).toBe('offline');
    h.service.setOnline(true);
    await h.advance(10 * 60_000);
    expect(h.service.state().connectivity).toBe('unreachable');
    expect(h.service.trayModel().icon).toBe('offline');
  });

  it('tells of a second outage after CAMB.AI answered in between, even with an error page', async () => {
    h = await watchingOneTask();
    const resets = Array.from({ length: UNREACHABLE_AFTER_FAILURES }, () => faults.reset());
    h.server.injectGlobalFaults([...resets, faults.serverError(502, { html: true }), ...resets]);
    await h.advance(10 * 60_000);
    const answers = h.server.requests.slice(1, 2 + 2 * UNREACHABLE_AFTER_FAILURES).map((r) => r.answer);
    expect(answers).toEqual([
      ...resets.map(() => 'fault reset'),
      'fault 502 html',
      ...resets.map(() => 'fault reset'),
    ]);
    expect(connectivityStates()).toEqual(['unreachable', 'online', 'unreachable', 'online']);
    expect(connectivityNotifications()).toHaveLength(2);
  });
});

describe('watch service: rate limiting', () => {
  it('honours Retry-After, shows it in the state and clears it when it has passed', async () => {
    h = await watchingOneTask();
    h.server.injectFaults('story', 'long', [faults.rateLimited(120)]);
    await h.advance(10_000);
    const limited = h.server.requests.find((r) => r.answer.startsWith('fault 429'));
    expect(limited).toBeDefined();
    const until = (limited?.at ?? 0) + 120_000;
    expect(h.service.state().rateLimitedUntil).toBe(until);

    expect(await requestsDuring(until - h.clock.now() - 1)).toBe(0);
    expect(h.service.state().rateLimitedUntil).toBe(until);
    await h.advance(1);
    expect(h.service.state().rateLimitedUntil).toBeNull();
    expect(h.server.requests.at(-1)).toMatchObject({ at: until, answer: 'status PENDING' });
  });
});

describe('watch service: holding polling back', () => {
  it('sends nothing while the user pauses polling, and resumes at once', async () => {
    h = await watchingOneTask();
    expect(h.service.updateSettings({ pollingPaused: true }).pollingPaused).toBe(true);
    expect(h.service.state().pollingPaused).toBe(true);
    expect(h.service.trayModel().icon).toBe('idle');
    expect(await requestsDuring(30 * 60_000)).toBe(0);

    h.service.updateSettings({ pollingPaused: false });
    await h.settle();
    expect(h.statusRequests('story', 'long')).toBe(2);
    expect(h.service.state().pollingPaused).toBe(false);
    expect(h.service.trayModel().icon).toBe('active');
  });

  it('sends nothing while the computer sleeps, and resumes at once on wake', async () => {
    h = await watchingOneTask();
    h.service.setSuspended(true);
    expect(h.service.state().suspended).toBe(true);
    expect(await requestsDuring(30 * 60_000)).toBe(0);

    h.service.setSuspended(false);
    await h.settle();
    expect(h.statusRequests('story', 'long')).toBe(2);
    expect(h.service.state().suspended).toBe(false);
  });

  it('keeps a pause the user asked for when the computer wakes', async () => {
    h = await watchingOneTask();
    h.service.updateSettings({ pollingPaused: true });
    h.service.setSuspended(true);
    h.service.setSuspended(false);
    expect(await requestsDuring(30 * 60_000)).toBe(0);
  });

  it('applies a responsiveness change to the polling interval', async () => {
    h = await watchingOneTask();
    // At 10 minutes of age, 'balanced' polls every 60 s (the cap), 'eager' every 30 s.
    await h.advance(10 * 60_000);
    const changes: unknown[] = [];
    h.service.on('settingsChanged', ({ settings }) => changes.push(settings.responsiveness));
    expect(h.service.updateSettings({ responsiveness: 'eager' }).responsiveness).toBe('eager');
    expect(changes).toEqual(['eager']);
    const eager = await requestsDuring(5 * 60_000);

    h.service.updateSettings({ responsiveness: 'balanced' });
    await h.advance(60_000);
    const balanced = await requestsDuring(5 * 60_000);
    // Roughly 10 against 5 requests in five minutes; the exact count depends on the age and the jitter.
    expect(eager).toBeGreaterThanOrEqual(8);
    expect(balanced).toBeLessThanOrEqual(6);
    expect(h.service.getSettings().responsiveness).toBe('balanced');
  });
});
