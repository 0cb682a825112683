import { afterEach, describe, expect, it } from 'vitest';
import { UNREACHABLE_AFTER_FAILURES } from '../../src/main/core/scheduler';
import { faults, step } from '../../tools/fakeCamb/fakeCambServer';
import { createWatchServiceHarness, TEST_API_KEY } from '../support/watchServiceHarness';
import type { WatchServiceHarness } from '../support/watchServiceHarness';

let h: WatchServiceHarness;

afterEach(async () => {
  expect(h.everythingSaid()).not.toContain(TEST_API_KEY);
  await h.close();
});

/** A harness watching two long-running story tasks, each checked once. */
async function watchingTwoTasks(): Promise<WatchServiceHarness> {
  const harness = await createWatchServiceHarness();
  harness.server.addTask('story', 'first', step.pending());
  harness.server.addTask('story', 'second', step.pending());
  harness.service.add('story', 'first');
  harness.service.add('story', 'second');
  await harness.settle();
  return harness;
}

/** Meets a 429 on the next check of `first` (the one due first), without moving the clock past it. */
async function rateLimitedOnce(retryAfterSeconds?: number): Promise<number> {
  h.server.injectGlobalFaults([faults.rateLimited(retryAfterSeconds)]);
  for (let i = 0; i < 120 && h.service.state().rateLimitedUntil === null; i++) await h.advance(1_000);
  const until = h.service.state().rateLimitedUntil;
  expect(until).not.toBeNull();
  return until ?? 0;
}

describe('watch service: Retry now', () => {
  it('sends one request while the system says offline, and an answer ends the offline state', async () => {
    h = await watchingTwoTasks();
    h.service.setOnline(false);
    await h.advance(5_000);
    const before = h.server.requests.length;

    const outcome = await h.service.retryNow();
    expect(outcome).toEqual({
      ok: true,
      message: 'Tried again: CAMB.AI answered, so checking has resumed.',
      resumesAt: null,
    });
    expect(h.server.requests.length - before).toBeGreaterThanOrEqual(1);
    expect(h.service.state().connectivity).toBe('online');
    // Back online: the other task is checked at once too, as soon as the request budget allows.
    await h.advance(2_000);
    expect(h.statusRequests('story', 'first')).toBe(2);
    expect(h.statusRequests('story', 'second')).toBe(2);
  });

  it('says the connection is still down when the one request fails, and stays offline', async () => {
    h = await watchingTwoTasks();
    h.service.setOnline(false);
    await h.advance(5_000);
    h.server.injectGlobalFaults([faults.reset()]);
    const before = h.server.requests.length;

    const outcome = await h.service.retryNow();
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toBe(
      'Tried again: CAMB.AI still cannot be reached. Checking resumes by itself once it can.',
    );
    expect(h.server.requests.length - before).toBe(1);
    expect(h.service.state().connectivity).toBe('offline');
  });

  it('asks at once while CAMB.AI cannot be reached, instead of waiting out the back-off', async () => {
    h = await watchingTwoTasks();
    h.server.injectGlobalFaults(Array.from({ length: UNREACHABLE_AFTER_FAILURES }, () => faults.reset()));
    for (let second = 0; second < 300 && h.service.state().connectivity !== 'unreachable'; second++)
      await h.advance(1_000);
    expect(h.service.state().connectivity).toBe('unreachable');
    const before = h.server.requests.length;

    const outcome = await h.service.retryNow();
    expect(outcome.ok).toBe(true);
    expect(h.server.requests.length - before).toBe(1);
    expect(h.service.state().connectivity).toBe('online');
  });

  it('lifts a rate limit of its own back-off with one request that CAMB.AI answers', async () => {
    h = await watchingTwoTasks();
    await rateLimitedOnce();
    const before = h.server.requests.length;

    const outcome = await h.service.retryNow();
    expect(outcome.ok).toBe(true);
    expect(h.server.requests.length - before).toBe(1);
    expect(h.service.state().rateLimitedUntil).toBeNull();
  });

  it('starts a longer wait when CAMB.AI turns the retry away too', async () => {
    h = await watchingTwoTasks();
    const firstUntil = await rateLimitedOnce();
    h.server.injectGlobalFaults([faults.rateLimited()]);

    const outcome = await h.service.retryNow();
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toBe('Tried again: CAMB.AI still asks CAMB Watch to slow down.');
    expect(outcome.resumesAt).not.toBeNull();
    expect(outcome.resumesAt).toBe(h.service.state().rateLimitedUntil);
    expect(outcome.resumesAt ?? 0).toBeGreaterThan(firstUntil);
  });

  it('never asks before a Retry-After CAMB.AI gave', async () => {
    h = await watchingTwoTasks();
    const until = await rateLimitedOnce(600);
    const before = h.server.requests.length;

    const outcome = await h.service.retryNow();
    expect(outcome).toEqual({
      ok: false,
      message: 'CAMB.AI said when to ask again; asking sooner would only be turned away.',
      resumesAt: until,
    });
    expect(h.server.requests.length).toBe(before);
  });

  it('sends nothing while the user paused polling', async () => {
    h = await watchingTwoTasks();
    h.service.updateSettings({ pollingPaused: true });
    h.service.setOnline(false);
    await h.advance(5_000);
    const before = h.server.requests.length;

    const outcome = await h.service.retryNow();
    expect(outcome).toMatchObject({
      ok: false,
      message: 'Polling is paused. Resume polling to check tasks.',
    });
    expect(h.server.requests.length).toBe(before);
  });
});
