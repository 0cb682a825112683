import { afterEach, describe, expect, it } from 'vitest';
import { faults, step } from '../../tools/fakeCamb/fakeCambServer';
import { banner, statusOf, taskRow, useChromium } from './support/appPage';
import { createE2eHarness, type E2eHarness } from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

/** A harness whose page shows one long-running story task, already checked once. */
async function watchingOneTask(): Promise<E2eHarness> {
  const harness = await createE2eHarness(chromium());
  harness.server.addTask('story', 'long', step.pending());
  harness.web.service.add('story', 'long', 'Long job');
  await harness.settle();
  await expect.poll(() => statusOf(taskRow(harness.page, 'story:long'))).toBe('Running');
  return harness;
}

describe('connection problems in the browser', () => {
  it('shows the offline banner while the system is offline, and removes it on reconnect', async () => {
    h = await watchingOneTask();
    const offline = banner(h.page, 'offline');
    expect(await offline.count()).toBe(0);

    h.web.service.setOnline(false);
    await offline.waitFor();
    expect(await offline.textContent()).toContain('You are offline.');
    expect(await offline.textContent()).toContain('Checking resumes by itself');
    const before = h.server.requests.length;
    await h.advance(10 * 60_000);
    expect(h.server.requests).toHaveLength(before);

    h.web.service.setOnline(true);
    await offline.waitFor({ state: 'detached' });
    await h.settle();
    expect(h.server.requestCount('story', 'long')).toBeGreaterThan(1);
  });

  it('shows CAMB.AI as unreachable while connections fail, and recovers when they stop', async () => {
    h = await watchingOneTask();
    h.server.injectGlobalFaults(Array.from({ length: 6 }, () => faults.reset()));
    await h.advance(60_000);
    const unreachable = banner(h.page, 'offline');
    await unreachable.waitFor();
    expect(await unreachable.textContent()).toContain('CAMB.AI cannot be reached.');
    expect(h.web.service.state().connectivity).toBe('unreachable');
    expect(h.notifications).toContainEqual(
      expect.objectContaining({ type: 'problem', problem: 'connectivity' }),
    );

    // Backoff keeps retrying until the faults run out and the timeline answers again.
    await h.advance(30 * 60_000);
    expect(h.server.requests.filter((request) => request.answer === 'fault reset')).toHaveLength(6);
    await unreachable.waitFor({ state: 'detached' });
    expect(h.web.service.state().connectivity).toBe('online');
    expect(await statusOf(taskRow(h.page, 'story:long'))).toBe('Running');
  });
});
