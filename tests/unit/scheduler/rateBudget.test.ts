import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peakInWindow } from '../../../bench/stats';
import { paceSpacingMs, RateBudget } from '../../../src/main/core/scheduler/rateBudget';

describe('RateBudget', () => {
  it('paces requests evenly, (1 s + the arrival jitter) / budget apart, with no burst', () => {
    const budget = new RateBudget(5, 1_000, 100);
    expect(budget.spacingMs).toBe(220);
    expect(budget.canSend(0)).toBe(true);
    budget.spend(0);
    expect(budget.canSend(10)).toBe(false);
    expect(budget.nextSlotAt(10)).toBe(220);
    budget.spend(220);
    expect(budget.nextSlotAt(300)).toBe(440);
    // A request later than its slot moves the next one on: the spacing holds between actual sends.
    budget.spend(1_000);
    expect(budget.nextSlotAt(1_000)).toBe(1_220);
  });

  it('holds the budget in every rolling second where requests arrive, whatever the jitter up to the allowance', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 300 }),
        fc.array(fc.record({ step: fc.nat(400), delay: fc.double({ min: 0, max: 1, noNaN: true }) }), {
          minLength: 1,
          maxLength: 300,
        }),
        (perSecond, jitterMs, steps) => {
          const budget = new RateBudget(perSecond, 1_000, jitterMs);
          const sent: number[] = [];
          const arrived: number[] = [];
          let now = 0;
          for (const { step, delay } of steps) {
            now += step;
            if (budget.canSend(now)) {
              budget.spend(now);
              sent.push(now);
              // The network delays each request by anything between 0 and the jitter allowance.
              arrived.push(now + delay * jitterMs);
            }
          }
          expect(peakInWindow(sent, 1_000)).toBeLessThanOrEqual(perSecond);
          expect(peakInWindow(arrived, 1_000)).toBeLessThanOrEqual(perSecond);
        },
      ),
    );
  });

  it('is unlimited with an infinite budget', () => {
    const budget = new RateBudget(Infinity);
    expect(paceSpacingMs(Infinity)).toBe(0);
    for (let i = 0; i < 10_000; i++) budget.spend(0);
    expect(budget.canSend(0)).toBe(true);
  });

  it('lets the next request go at once after the clock is set back', () => {
    const budget = new RateBudget(2);
    budget.spend(3600_000);
    // The last request went out "an hour from now": only the clock moved, not the requests.
    expect(budget.nextSlotAt(0)).toBe(0);
    budget.spend(0);
    expect(budget.nextSlotAt(0)).toBe(budget.spacingMs);
  });
});
