import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../bench/prng';
import { gaps, keyOf, rig, T0, task } from './harness';

const TASKS = 1_000;
const RUN_MS = 30 * 60_000;

describe('scheduler under load: 1,000 tasks, default budget (5 requests/s, 4 in flight)', () => {
  it('never exceeds the budget or the concurrency limit, uses the budget, and starves no task', async () => {
    const { scheduler, camb, advance } = rig({ random: mulberry32(300) }, undefined, 300);
    const keys = Array.from({ length: TASKS }, (_, i) => keyOf(`t${i}`));
    for (let i = 0; i < TASKS; i++) scheduler.track(task(`t${i}`));
    await advance(RUN_MS);

    const perSecond = new Map<number, number>();
    for (const { at } of camb.sent) {
      const second = Math.floor((at - T0) / 1_000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(5);
    const times = camb.sent.map((r) => r.at);
    times.forEach((start, i) => {
      // The sixth request after any request is at least a second later: no rolling second holds more than five.
      const sixth = times[i + 5];
      if (sixth !== undefined) expect(sixth - start).toBeGreaterThanOrEqual(1_000);
    });
    expect(camb.maxInFlight).toBeLessThanOrEqual(4);
    // Demand exceeds the budget throughout, so the scheduler should use nearly all of it.
    expect(camb.sent.length).toBeGreaterThanOrEqual(0.95 * 5 * (RUN_MS / 1_000));

    // Round robin by due time: every task is first checked within the first 200 s and then at least every ~200 s.
    for (const key of keys) {
      const checks = camb.times(key);
      expect(checks[0]).toBeLessThan(T0 + 201_000);
      expect(Math.max(...gaps(checks), RUN_MS - ((checks.at(-1) ?? T0) - T0))).toBeLessThanOrEqual(205_000);
    }
  });
});
