import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateBudget } from '../../../src/main/core/scheduler/rateBudget';

describe('RateBudget', () => {
  it('allows a burst of the budget, then the next slot opens a window after the oldest request', () => {
    const budget = new RateBudget(3);
    for (const at of [0, 10, 20]) {
      expect(budget.canSend(at)).toBe(true);
      budget.spend(at);
    }
    expect(budget.canSend(500)).toBe(false);
    expect(budget.nextSlotAt(500)).toBe(1_000);
    expect(budget.canSend(1_000)).toBe(true);
    budget.spend(1_000);
    expect(budget.nextSlotAt(1_000)).toBe(1_010);
  });

  it('never lets more than the budget through in any rolling second', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.nat(400), { minLength: 1, maxLength: 300 }),
        (perSecond, steps) => {
          const budget = new RateBudget(perSecond);
          const sent: number[] = [];
          let now = 0;
          for (const step of steps) {
            now += step;
            if (budget.canSend(now)) {
              budget.spend(now);
              sent.push(now);
            }
          }
          for (const start of sent) {
            const inWindow = sent.filter((t) => t >= start && t < start + 1_000).length;
            expect(inWindow).toBeLessThanOrEqual(perSecond);
          }
        },
      ),
    );
  });

  it('is unlimited with an infinite budget', () => {
    const budget = new RateBudget(Infinity);
    for (let i = 0; i < 10_000; i++) budget.spend(0);
    expect(budget.canSend(0)).toBe(true);
  });

  it('never holds requests back longer than one window after the clock is set back', () => {
    const budget = new RateBudget(2);
    budget.spend(3600_000);
    budget.spend(3600_000);
    // The log says the last requests went out an hour from now: only the clock moved, not the requests.
    expect(budget.nextSlotAt(0)).toBeLessThanOrEqual(1_000);
  });
});
