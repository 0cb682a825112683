import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseNextCheck } from '../../../src/main/core/scheduler/budgetChoice';
import type { DueCandidate } from '../../../src/main/core/scheduler/budgetChoice';
import { expectedUnnoticedMs } from '../../../src/main/core/scheduler/durationAware';
import { taskKey } from '../../../src/shared/watchedTask';
import { around, modelsWith } from './durations';

const MINUTE = 60_000;
const NOW = 10 * 3600_000;
const LIMIT_MS = 5 * MINUTE;
const MODELS = modelsWith({ tts: around(8_000), story: around(4 * MINUTE), dub: around(20 * MINUTE) });

const candidates = fc
  .array(
    fc.record({
      kind: fc.constantFrom('tts' as const, 'story' as const, 'dub' as const),
      ageMs: fc.integer({ min: 1_000, max: 3600_000 }),
      // How long before now it was last checked, as a share of its age; null: never checked.
      sinceCheck: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      overdueMs: fc.nat(10 * MINUTE),
      urgent: fc.boolean(),
    }),
    { maxLength: 30 },
  )
  .map((jobs) =>
    jobs.map((job, i): DueCandidate => ({
      item: { key: taskKey(job.kind, `j${i}`), dueAt: NOW - job.overdueMs },
      kind: job.kind,
      addedAt: NOW - job.ageMs,
      lastCheckAt: job.sinceCheck === null ? null : NOW - Math.round(job.sinceCheck * job.ageMs),
      urgent: job.urgent && i % 5 === 0,
    })),
  );

const lastLook = (c: DueCandidate) => c.lastCheckAt ?? c.addedAt;
const unnoticed = (c: DueCandidate) =>
  expectedUnnoticedMs(MODELS[c.kind], lastLook(c) - c.addedAt, NOW - c.addedAt);
const earliestDue = (list: readonly DueCandidate[]) => Math.min(...list.map((c) => c.item.dueAt));

describe('the budget’s choice under the duration-aware schedule', () => {
  it('sends what the user asked for first, then starved jobs, then the likeliest unnoticed finish', () => {
    fc.assert(
      fc.property(candidates, (list) => {
        const chosen = chooseNextCheck(list, NOW, LIMIT_MS, MODELS);
        if (list.length === 0) {
          expect(chosen).toBeUndefined();
          return;
        }
        const pick = list.find((c) => c.item === chosen);
        expect(pick).toBeDefined();
        if (pick === undefined) return;
        const urgent = list.filter((c) => c.urgent);
        const starved = list.filter((c) => !c.urgent && lastLook(c) <= NOW - LIMIT_MS);
        if (urgent.length > 0) {
          expect(pick.urgent).toBe(true);
          expect(pick.item.dueAt).toBe(earliestDue(urgent));
        } else if (starved.length > 0) {
          expect(starved).toContain(pick);
          expect(pick.item.dueAt).toBe(earliestDue(starved));
        } else {
          expect(unnoticed(pick)).toBe(Math.max(...list.map(unnoticed)));
        }
      }),
    );
  });

  it('prefers, of two jobs checked as long ago, the one at the age its kind usually finishes', () => {
    const at = (ageMs: number, i: number): DueCandidate => ({
      item: { key: taskKey('dub', `d${i}`), dueAt: NOW },
      kind: 'dub',
      addedAt: NOW - ageMs,
      lastCheckAt: NOW - 30_000,
      urgent: false,
    });
    const young = at(2 * MINUTE, 1);
    const ripe = at(20 * MINUTE, 2);
    expect(chooseNextCheck([young, ripe], NOW, LIMIT_MS, MODELS)).toBe(ripe.item);
    expect(chooseNextCheck([ripe, young], NOW, LIMIT_MS, MODELS)).toBe(ripe.item);
  });
});
