import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../bench/prng';
import { gaps, keyOf, rig, T0, task } from './harness';

const TASKS = 1_000;
const RUN_MS = 30 * 60_000;
const SPACING_MS = 220;
const ROUND_MS = TASKS * SPACING_MS;

describe('scheduler under load: 1,000 tasks, default budget (5 requests/s, 4 in flight)', () => {
  it('paces requests evenly, never exceeds the budget or the concurrency limit, uses the budget, and starves no task', async () => {
    const { scheduler, camb, advance } = rig({ random: mulberry32(300), ratePerSecond: 5 }, undefined, 300);
    const keys = Array.from({ length: TASKS }, (_, i) => keyOf(`t${i}`));
    for (let i = 0; i < TASKS; i++) scheduler.track(task(`t${i}`));
    await advance(RUN_MS);

    const times = camb.sent.map((r) => r.at);
    // One request every (1 s + 100 ms of arrival jitter) / 5: no two closer than 220 ms, so the sixth after
    // any request is 1.1 s later, and no rolling second holds more than five even where they arrive.
    expect(Math.min(...gaps(times))).toBeGreaterThanOrEqual(SPACING_MS);
    times.forEach((start, i) => {
      const sixth = times[i + 5];
      if (sixth !== undefined) expect(sixth - start).toBeGreaterThanOrEqual(1_100);
    });
    expect(camb.maxInFlight).toBeLessThanOrEqual(4);
    // Demand exceeds the budget throughout, so the scheduler should use nearly all of it.
    expect(camb.sent.length).toBeGreaterThanOrEqual(0.95 * (RUN_MS / SPACING_MS));

    // Round robin by due time: every task is first checked within the first 220 s and then at least every ~220 s.
    for (const key of keys) {
      const checks = camb.times(key);
      expect(checks[0]).toBeLessThan(T0 + ROUND_MS + 1_000);
      expect(Math.max(...gaps(checks), RUN_MS - ((checks.at(-1) ?? T0) - T0))).toBeLessThanOrEqual(
        ROUND_MS + 5_000,
      );
    }
  });
});
