import { afterEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { peakInWindow } from '../../bench/stats';
import { DEFAULT_RATE_PER_SECOND } from '../../src/main/core/scheduler';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { createWatchServiceHarness, TEST_API_KEY } from '../support/watchServiceHarness';
import type { WatchServiceHarness } from '../support/watchServiceHarness';

let h: WatchServiceHarness;

afterEach(async () => {
  expect(h.everythingSaid()).not.toContain(TEST_API_KEY);
  await h.close();
});

describe('watch service: the request budget, measured at the server', () => {
  it('never lets more than the budget arrive in any rolling second, with up to 100 ms of network jitter', async () => {
    const random = mulberry32(9);
    h = await createWatchServiceHarness({ arrivalDelayMs: () => random() * 100 });
    const ids = Array.from({ length: 60 }, (_, i) => `busy-${i}`);
    for (const id of ids) h.server.addTask('story', id, step.pending());
    for (const id of ids) expect(h.service.add('story', id)).toMatchObject({ ok: true, added: true });
    await h.advance(120_000);

    const arrivals = h.server.requests.filter((r) => r.route === 'status').map((r) => r.at);
    // Demand is far above the budget for the whole run, so every rolling second is as full as it may be.
    expect(arrivals.length).toBeGreaterThan(400);
    expect(peakInWindow(arrivals, 1_000)).toBeLessThanOrEqual(DEFAULT_RATE_PER_SECOND);
  });
});
