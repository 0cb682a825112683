import { describe, expect, it } from 'vitest';
import { budgetNotice, paceSpacingMs } from '../../../src/main/core/scheduler';

const SPACING_MS = paceSpacingMs(5);

describe('budgetNotice: saying when the request budget cannot keep up', () => {
  it('says nothing while every polled job can be checked once a minute', () => {
    expect(budgetNotice(0, SPACING_MS)).toBeNull();
    // 272 jobs × 220 ms = 59.84 s: a round still fits in the minute.
    expect(budgetNotice(272, SPACING_MS)).toBeNull();
    expect(budgetNotice(1_000_000, 0)).toBeNull();
  });

  it('says how many jobs there are and how often each is checked once a round takes longer', () => {
    expect(budgetNotice(273, SPACING_MS)).toBe('273 active jobs: each is checked about every 1 min.');
    expect(budgetNotice(300, SPACING_MS)).toBe('300 active jobs: each is checked about every 1 min 10 s.');
    expect(budgetNotice(1_000, SPACING_MS)).toBe('1,000 active jobs: each is checked about every 4 min.');
    expect(budgetNotice(5_000, SPACING_MS)).toBe('5,000 active jobs: each is checked about every 18 min.');
    expect(budgetNotice(20_000, SPACING_MS)).toBe(
      '20,000 active jobs: each is checked about every 1 h 13 min.',
    );
  });
});
